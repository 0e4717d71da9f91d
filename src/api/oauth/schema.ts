import * as z from 'zod/mini';
import { lenientEnum, nullableString, optionalBoolean, optionalEnum, optionalEnumList, optionalString, optionalStringList } from '../common-schema';

export const GRANT_TYPES = ['authorization_code', 'refresh_token'] as const;
export const RESPONSE_TYPES = ['token', 'id_token', 'code'] as const;
export const AUTH_METHODS = ['none', 'client_secret_basic', 'client_secret_post'] as const;
export const URI_VERIFICATION_STATUSES = ['pending', 'in_progress', 'verified', 'failed'] as const;
export const grantTypeSchema = z.enum(GRANT_TYPES);
export const responseTypeSchema = z.enum(RESPONSE_TYPES);
export const authMethodSchema = z.enum(AUTH_METHODS);


/** Enum fields read leniently: a value the console does not know yet reads `'unknown'`. */
export const oauthClientSchema = z.object({
  client_id: z.string(),
  visibility: lenientEnum(['public', 'private'] as const),
  client_name: optionalString,
  client_uri: nullableString,
  logo_uri: nullableString,
  policy_uri: nullableString,
  tos_uri: nullableString,
  redirect_uris: optionalStringList,
  post_logout_redirect_uris: optionalStringList,
  allowed_cors_origins: optionalStringList,
  grant_types: optionalEnumList(GRANT_TYPES),
  response_types: optionalEnumList(RESPONSE_TYPES),
  scopes: optionalStringList,
  optional_scopes: optionalStringList,
  token_endpoint_auth_method: optionalEnum(AUTH_METHODS),
  client_uri_verification: z.catch(
    z.optional(z.nullable(z.object({ status: optionalEnum(URI_VERIFICATION_STATUSES), text: optionalString }))),
    undefined,
  ),
  has_rotated_secret: optionalBoolean,
  promoted_at: nullableString,
  created_at: optionalString,
  updated_at: optionalString,
});
export type OAuthClient = z.infer<typeof oauthClientSchema>;

/** The create response is the only one carrying the secret. */
export const oauthClientWithSecretSchema = z.extend(oauthClientSchema, { client_secret: z.string() });

export const rotatedSecretSchema = z.object({ client_secret: z.string() });

export const oauthScopeSchema = z.object({
  id: z.string(),
  name: z.pipe(z.unknown(), z.transform((v) => (typeof v === 'string' ? v : ''))),
  category: optionalString,
  scopes: optionalStringList,
});
export type OAuthScope = z.infer<typeof oauthScopeSchema>;

export interface OAuthClientInput {
  client_name?: string;
  client_uri?: string;
  logo_uri?: string;
  policy_uri?: string;
  tos_uri?: string;
  redirect_uris?: string[];
  post_logout_redirect_uris?: string[];
  allowed_cors_origins?: string[];
  grant_types?: Array<z.infer<typeof grantTypeSchema>>;
  response_types?: Array<z.infer<typeof responseTypeSchema>>;
  scopes?: string[];
  optional_scopes?: string[];
  token_endpoint_auth_method?: z.infer<typeof authMethodSchema>;
}
