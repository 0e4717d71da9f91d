import * as z from 'zod/mini';
import { metaSchema, scopeSchema } from './common';

export const permissionGroupSchema = z.object({
  id: z.string(),
  name: z.optional(z.string()),
  meta: z.optional(metaSchema),
});
export type PermissionGroup = z.infer<typeof permissionGroupSchema>;

export const resourceGroupSchema = z.object({
  id: z.string(),
  name: z.optional(z.string()),
  meta: z.optional(metaSchema),
  scope: z.array(scopeSchema),
});
export type ResourceGroup = z.infer<typeof resourceGroupSchema>;

export const accessSchema = z.enum(['allow', 'deny']);
export type Access = z.infer<typeof accessSchema>;

export const policySchema = z.object({
  id: z.optional(z.string()),
  access: z.optional(accessSchema),
  permission_groups: z.optional(z.array(permissionGroupSchema)),
  resource_groups: z.optional(z.array(resourceGroupSchema)),
});
export type Policy = z.infer<typeof policySchema>;

export const userGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  created_on: z.string(),
  modified_on: z.string(),
  policies: z.optional(z.array(policySchema)),
});
export type UserGroup = z.infer<typeof userGroupSchema>;

export const memberStatusSchema = z.enum(['accepted', 'pending']);

export const groupMemberSchema = z.object({
  id: z.string(),
  email: z.optional(z.string()),
  status: z.optional(memberStatusSchema),
});
export type GroupMember = z.infer<typeof groupMemberSchema>;

export const groupMemberDetailSchema = z.object({
  id: z.string(),
  created_at: z.optional(z.string()),
  email: z.optional(z.string()),
  status: z.optional(memberStatusSchema),
  user: z.optional(
    z.object({
      id: z.optional(z.string()),
      email: z.optional(z.string()),
      first_name: z.optional(z.nullable(z.string())),
      last_name: z.optional(z.nullable(z.string())),
    }),
  ),
});
export type GroupMemberDetail = z.infer<typeof groupMemberDetailSchema>;

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

export interface ScopeInput {
  key: string;
  objects: Array<{ key: string }>;
}
