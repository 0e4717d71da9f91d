import * as z from 'zod/mini';
import { listOf, optionalObject, optionalString } from '../common-schema';
import { memberUserSchema, policySchema } from '../user-groups/schema';

/**
 * An account member. `status` stays a string: today's API also lists `rejected` members, and a
 * view shows any other value as it comes.
 */
export const accountMemberSchema = z.object({
  id: z.string(),
  email: optionalString,
  status: optionalString,
  user: optionalObject(memberUserSchema),
  // How Cloudflare grants account-level access directly (the SSO lockout check reads them). An
  // unexpected shape reads as "none" rather than failing the whole member list.
  roles: z.catch(z.optional(listOf(z.object({ id: optionalString, name: optionalString }))), undefined),
  policies: z.catch(z.optional(listOf(policySchema)), undefined),
});
export type AccountMember = z.infer<typeof accountMemberSchema>;
