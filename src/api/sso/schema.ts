import * as z from 'zod/mini';
import { optionalBoolean, optionalEnum, optionalObject, optionalString } from '../common-schema';

export const VERIFICATION_STATUS_VALUES = ['awaiting', 'pending', 'failed', 'verified'] as const;
/** A status the console does not know yet reads `'unknown'`. */
export type VerificationStatus = (typeof VERIFICATION_STATUS_VALUES)[number] | 'unknown';

export const ssoConnectorSchema = z.object({
  id: z.string(),
  email_domain: optionalString,
  enabled: optionalBoolean,
  use_fedramp_language: optionalBoolean,
  created_on: optionalString,
  updated_on: optionalString,
  verification: optionalObject(z.object({ code: optionalString, status: optionalEnum(VERIFICATION_STATUS_VALUES) })),
});
export type SsoConnector = z.infer<typeof ssoConnectorSchema>;
