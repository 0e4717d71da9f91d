import * as z from 'zod/mini';

export const grantTypeSchema = z.enum(['authorization_code', 'refresh_token']);
export const responseTypeSchema = z.enum(['token', 'id_token', 'code']);
export const authMethodSchema = z.enum(['none', 'client_secret_basic', 'client_secret_post']);
export const uriVerificationStatusSchema = z.enum(['pending', 'in_progress', 'verified', 'failed']);

export const oauthClientSchema = z.object({
  client_id: z.string(),
  visibility: z.enum(['public', 'private']),
  client_name: z.optional(z.string()),
  client_uri: z.optional(z.nullable(z.string())),
  logo_uri: z.optional(z.nullable(z.string())),
  policy_uri: z.optional(z.nullable(z.string())),
  tos_uri: z.optional(z.nullable(z.string())),
  redirect_uris: z.optional(z.array(z.string())),
  post_logout_redirect_uris: z.optional(z.array(z.string())),
  allowed_cors_origins: z.optional(z.array(z.string())),
  grant_types: z.optional(z.array(grantTypeSchema)),
  response_types: z.optional(z.array(responseTypeSchema)),
  scopes: z.optional(z.array(z.string())),
  optional_scopes: z.optional(z.array(z.string())),
  token_endpoint_auth_method: z.optional(authMethodSchema),
  client_uri_verification: z.optional(
    z.nullable(
      z.object({ status: z.optional(uriVerificationStatusSchema), text: z.optional(z.string()) }),
    ),
  ),
  has_rotated_secret: z.optional(z.boolean()),
  promoted_at: z.optional(z.nullable(z.string())),
  created_at: z.optional(z.string()),
  updated_at: z.optional(z.string()),
});
export type OAuthClient = z.infer<typeof oauthClientSchema>;

/** The create response is the only one carrying the secret. */
export const oauthClientWithSecretSchema = z.extend(oauthClientSchema, { client_secret: z.string() });

export const rotatedSecretSchema = z.object({ client_secret: z.string() });

export const oauthScopeSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.optional(z.string()),
  scopes: z.optional(z.array(z.string())),
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
