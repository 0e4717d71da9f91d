import * as z from 'zod/mini';
import { optionalString } from '../common-schema';

/** An account; `settings` (whose `abuse_contact_email` real answers carry as `null`) is not read. */
export const accountSchema = z.object({
  id: z.string(),
  name: z.pipe(z.unknown(), z.transform((v) => (typeof v === 'string' ? v : ''))),
  type: optionalString,
  created_on: optionalString,
});
export type Account = z.infer<typeof accountSchema>;

export const tokenVerificationSchema = z.object({ id: z.string(), status: z.string() });
