import * as z from 'zod/mini';

export const verificationStatusSchema = z.enum(['awaiting', 'pending', 'failed', 'verified']);
export type VerificationStatus = z.infer<typeof verificationStatusSchema>;

export const ssoConnectorSchema = z.object({
  id: z.string(),
  email_domain: z.optional(z.string()),
  enabled: z.optional(z.boolean()),
  use_fedramp_language: z.optional(z.boolean()),
  created_on: z.optional(z.string()),
  updated_on: z.optional(z.string()),
  verification: z.optional(
    z.object({ code: z.optional(z.string()), status: z.optional(verificationStatusSchema) }),
  ),
});
export type SsoConnector = z.infer<typeof ssoConnectorSchema>;
