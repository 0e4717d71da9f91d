import * as z from 'zod/mini';
import { optionalObject, optionalString, permissionGroupMetaSchema } from '../common-schema';

/** Permission group: `meta` normalized to `{label?, scopes?: string[], description?, editable?}` (+ raw key/value). */
export const permissionGroupSchema = z.object({
  id: z.string(),
  name: optionalString,
  meta: optionalObject(permissionGroupMetaSchema),
});
export type PermissionGroup = z.infer<typeof permissionGroupSchema>;
