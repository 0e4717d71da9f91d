import * as z from 'zod/mini';
import { optionalObject, optionalString, resourceGroupMetaSchema, scopesSchema } from '../common-schema';

/** Resource group: `scope` is always an array internally (today's API answers one object). */
export const resourceGroupSchema = z.object({
  id: z.string(),
  name: optionalString,
  meta: optionalObject(resourceGroupMetaSchema),
  scope: scopesSchema,
});
export type ResourceGroup = z.infer<typeof resourceGroupSchema>;

export interface ScopeInput {
  key: string;
  objects: Array<{ key: string }>;
}
