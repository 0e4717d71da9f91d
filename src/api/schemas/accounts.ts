import * as z from 'zod/mini';

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
});
export type AccountMember = z.infer<typeof accountMemberSchema>;

export const tokenVerificationSchema = z.object({ id: z.string(), status: z.string() });
