import * as z from 'zod/mini';
import { policySchema } from './iam';

export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.optional(z.string()),
  created_on: z.optional(z.string()),
});
export type Account = z.infer<typeof accountSchema>;

export const accountMemberSchema = z.object({
  id: z.string(),
  status: z.optional(z.string()),
  user: z.optional(
    z.object({
      id: z.optional(z.string()),
      email: z.optional(z.string()),
      first_name: z.optional(z.nullable(z.string())),
      last_name: z.optional(z.nullable(z.string())),
    }),
  ),
  // How Cloudflare grants account-level access directly (the SSO lockout check reads them). An
  // unexpected shape reads as "none" rather than failing the whole member list.
  roles: z.catch(z.optional(z.array(z.object({ id: z.optional(z.string()), name: z.optional(z.string()) }))), undefined),
  policies: z.catch(z.optional(z.array(policySchema)), undefined),
});
export type AccountMember = z.infer<typeof accountMemberSchema>;

export const tokenVerificationSchema = z.object({ id: z.string(), status: z.string() });
