import * as z from 'zod/mini';
import { lenientEnum, listOf, nullableString, optionalEnum, optionalObject, optionalString } from '../common-schema';
import { permissionGroupSchema } from '../permission-groups/schema';
import { resourceGroupSchema, type ScopeInput } from '../resource-groups/schema';

/**
 * The IAM resources' parsing boundary (with permission-groups/schema.ts and
 * resource-groups/schema.ts): every shape the published schema allows (and the 2024 pages'
 * shapes) normalized to one internal model. The SPA's endpoints and the console server's readers
 * (findings, membership index, journal) parse with these, so nothing past them sees a wire shape.
 */

/**
 * Kept strict on purpose: `iam_access` is allow|deny, and a third value would change what every
 * grant means. Reading it as "unknown" needs the analyzer and the composer to say what such a
 * policy does, so until they do, such an answer fails the parse (the page says so) rather than
 * being guessed at.
 */
export const accessSchema = z.enum(['allow', 'deny']);
export type Access = z.infer<typeof accessSchema>;

export const policySchema = z.object({
  id: optionalString,
  access: z.optional(accessSchema),
  permission_groups: z.optional(listOf(permissionGroupSchema)),
  resource_groups: z.optional(listOf(resourceGroupSchema)),
});
export type Policy = z.infer<typeof policySchema>;

export const userGroupSchema = z.object({
  id: z.string(),
  name: z.pipe(z.unknown(), z.transform((v) => (typeof v === 'string' ? v : ''))),
  created_on: z.pipe(z.unknown(), z.transform((v) => (typeof v === 'string' ? v : ''))),
  modified_on: z.pipe(z.unknown(), z.transform((v) => (typeof v === 'string' ? v : ''))),
  policies: z.optional(listOf(policySchema)),
});
export type UserGroup = z.infer<typeof userGroupSchema>;

export const MEMBER_STATUS_VALUES = ['accepted', 'pending'] as const;
export const memberStatusSchema = lenientEnum(MEMBER_STATUS_VALUES);
export type MemberStatus = z.infer<typeof memberStatusSchema>;

export const groupMemberSchema = z.object({
  id: z.string(),
  email: optionalString,
  status: optionalEnum(MEMBER_STATUS_VALUES),
});
export type GroupMember = z.infer<typeof groupMemberSchema>;

const memberUserSchema = z.object({
  id: optionalString,
  email: optionalString,
  first_name: nullableString,
  last_name: nullableString,
});

export const groupMemberDetailSchema = z.object({
  id: z.string(),
  created_at: optionalString,
  email: optionalString,
  status: optionalEnum(MEMBER_STATUS_VALUES),
  user: optionalObject(memberUserSchema),
});
export type GroupMemberDetail = z.infer<typeof groupMemberDetailSchema>;

export { memberUserSchema };

/**
 * A resource group in a policy request: by id, or an inline ("ad-hoc") scope the API turns into
 * an anonymous resource group (the dashboard's "Individual Domains" form).
 */
export type ResourceGroupRef = { id: string } | { scope: ScopeInput; meta?: Record<string, string> };

/** What a policy looks like in a create/replace request: ids (or an inline scope). */
export interface PolicyInput {
  id?: string;
  access: Access;
  permission_groups: Array<{ id: string }>;
  resource_groups: ResourceGroupRef[];
}
