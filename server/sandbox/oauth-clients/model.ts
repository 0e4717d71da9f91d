import { ErrorCode, type CfMessage } from '../../http/envelope.ts';

/** The OAuth client model: stored shape, API shape and the per-field rules that need no database. */

export const GRANT_TYPES = ['authorization_code', 'refresh_token'] as const;
export const RESPONSE_TYPES = ['token', 'id_token', 'code'] as const;
export const AUTH_METHODS = ['none', 'client_secret_basic', 'client_secret_post'] as const;
/** "Simple identity scopes": allowed without being in the catalogue. */
export const IDENTITY_SCOPES = ['openid', 'offline_access', 'profile', 'email'] as const;

export type GrantType = (typeof GRANT_TYPES)[number];
export type ResponseType = (typeof RESPONSE_TYPES)[number];
export type AuthMethod = (typeof AUTH_METHODS)[number];
export type VerificationStatus = 'pending' | 'in_progress' | 'verified' | 'failed';

/** The writable fields, as `oauth_clients.fields` holds them (JSON; unset URIs are null). */
export interface OAuthClientFields {
  client_name: string;
  client_uri?: string;
  logo_uri?: string;
  policy_uri?: string;
  tos_uri?: string;
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  allowed_cors_origins: string[];
  grant_types: GrantType[];
  response_types: ResponseType[];
  scopes: string[];
  optional_scopes: string[];
  token_endpoint_auth_method: AuthMethod;
}

export const FIELD_KEYS = [
  'client_name',
  'client_uri',
  'logo_uri',
  'policy_uri',
  'tos_uri',
  'redirect_uris',
  'post_logout_redirect_uris',
  'allowed_cors_origins',
  'grant_types',
  'response_types',
  'scopes',
  'optional_scopes',
  'token_endpoint_auth_method',
] as const satisfies ReadonlyArray<keyof OAuthClientFields>;

export interface OAuthClientRow {
  client_id: string;
  account_id: string;
  visibility: 'public' | 'private';
  fields: string;
  secret_hash: string;
  rotated_secret_hash: string | null;
  uri_verification_status: VerificationStatus | null;
  uri_verification_text: string | null;
  uri_verification_started_at: string | null;
  promoted_at: string | null;
  created_at: string;
  updated_at: string;
}

const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const list = <T = string>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** Reads `fields` tolerantly: rows written by the seed may leave keys out or null. */
export function readFields(row: Pick<OAuthClientRow, 'fields'>): OAuthClientFields {
  const raw = JSON.parse(row.fields) as Record<string, unknown>;
  return {
    client_name: typeof raw.client_name === 'string' ? raw.client_name : '',
    client_uri: optionalString(raw.client_uri),
    logo_uri: optionalString(raw.logo_uri),
    policy_uri: optionalString(raw.policy_uri),
    tos_uri: optionalString(raw.tos_uri),
    redirect_uris: list(raw.redirect_uris),
    post_logout_redirect_uris: list(raw.post_logout_redirect_uris),
    allowed_cors_origins: list(raw.allowed_cors_origins),
    grant_types: list<GrantType>(raw.grant_types),
    response_types: list<ResponseType>(raw.response_types),
    scopes: list(raw.scopes),
    optional_scopes: list(raw.optional_scopes),
    token_endpoint_auth_method: (raw.token_endpoint_auth_method as AuthMethod) ?? 'client_secret_basic',
  };
}

export function storeFields(fields: OAuthClientFields): string {
  return JSON.stringify(Object.fromEntries(FIELD_KEYS.map((key) => [key, fields[key] ?? null])));
}

/** Applies a validated body to the current fields; an empty URI string clears that URI. */
export function mergeFields(current: OAuthClientFields, body: Partial<OAuthClientFields>): OAuthClientFields {
  const next: Record<string, unknown> = { ...current };
  for (const key of FIELD_KEYS) {
    const value = body[key];
    if (value !== undefined) next[key] = value === '' ? undefined : value;
  }
  return next as unknown as OAuthClientFields;
}

/** The API's shape. Never carries a secret: create adds `client_secret` itself. */
export function oauthClientResource(row: OAuthClientRow) {
  const f = readFields(row);
  return {
    client_id: row.client_id,
    visibility: row.visibility,
    client_name: f.client_name,
    ...(f.client_uri ? { client_uri: f.client_uri } : {}),
    ...(f.client_uri && row.uri_verification_status
      ? { client_uri_verification: { status: row.uri_verification_status, text: row.uri_verification_text ?? '' } }
      : {}),
    ...(f.logo_uri ? { logo_uri: f.logo_uri } : {}),
    ...(f.policy_uri ? { policy_uri: f.policy_uri } : {}),
    ...(f.tos_uri ? { tos_uri: f.tos_uri } : {}),
    redirect_uris: f.redirect_uris,
    post_logout_redirect_uris: f.post_logout_redirect_uris,
    allowed_cors_origins: f.allowed_cors_origins,
    grant_types: f.grant_types,
    response_types: f.response_types,
    scopes: f.scopes,
    optional_scopes: f.optional_scopes,
    token_endpoint_auth_method: f.token_endpoint_auth_method,
    has_rotated_secret: row.rotated_secret_hash !== null,
    ...(row.promoted_at ? { promoted_at: row.promoted_at } : {}),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export type UriKind = 'page' | 'redirect' | 'origin';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const FORBIDDEN_SCHEMES = new Set(['javascript', 'data', 'vbscript', 'file', 'blob']);

/**
 * Why a URI is refused, or null. Every URI is absolute https; http is allowed only for a
 * loopback host in redirect URIs and origins (local development). Redirect URIs carry no
 * fragment (RFC 6749 §3.1.2); origins are scheme://host[:port] exactly.
 */
export function uriProblem(value: string, kind: UriKind): string | null {
  if (value.length > 2048) return 'must be at most 2048 characters';
  if (/[\s\p{Cc}]/u.test(value)) return 'must not contain spaces or control characters';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (!scheme) return 'must be an absolute URL starting with https://';
  if (FORBIDDEN_SCHEMES.has(scheme)) return `the ${scheme}: scheme is not allowed; use an https:// URL`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a valid URL';
  }
  const loopbackAllowed = kind !== 'page' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol === 'http:' && !loopbackAllowed) {
    return kind === 'page' ? 'must use https://' : 'must use https:// (http:// is allowed only for localhost and 127.0.0.1)';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must use https://';
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/]/i.test(value) || !url.hostname) return 'must include a host';
  if (url.username || url.password) return 'must not contain a user name or password';
  // Client, logo, policy and terms pages are shown to users and the client URI host is verified
  // through public DNS: a loopback host can be neither.
  if (kind === 'page' && LOOPBACK_HOSTS.has(url.hostname)) return 'must be a public address, not localhost';
  if (kind === 'redirect' && value.includes('#')) return 'must not contain a fragment (#…)';
  if (kind === 'origin' && url.origin !== value) {
    return 'must be an origin: scheme, host and optional port, in lower case, without a path or trailing slash (e.g. https://app.example.com)';
  }
  return null;
}

/** Per-scope rules of the API: colon-delimited refused, dot-delimited from the catalogue, identity scopes allowed. */
export function scopeProblems(scopes: string[], catalogue: Set<string>): CfMessage[] {
  const out: CfMessage[] = [];
  scopes.forEach((scope, i) => {
    let message: string | null = null;
    if (scope.includes(':')) {
      message = `Colon-delimited scopes are not accepted: use the dot-delimited form (${scope.replaceAll(':', '.')})`;
    } else if (scope.includes('.')) {
      if (!catalogue.has(scope)) message = `${scope} is not an available OAuth scope (see GET /oauth/scopes)`;
    } else if (!(IDENTITY_SCOPES as readonly string[]).includes(scope)) {
      message = `${scope} is neither an available OAuth scope nor an identity scope (${IDENTITY_SCOPES.join(', ')})`;
    }
    if (message) out.push({ code: ErrorCode.invalidField, message: `scopes[${i}]: ${message}`, source: { pointer: `/scopes/${i}` } });
  });
  return out;
}

/**
 * The protocol scopes follow the flows: `openid` is present exactly when the client can get an ID
 * token (response type `id_token`), `offline_access` exactly when it may use refresh tokens.
 * Other scopes keep their order; a protocol scope already listed keeps its place.
 */
export function withProtocolScopes(scopes: string[], grants: GrantType[], responses: ResponseType[]): string[] {
  const want = { openid: responses.includes('id_token'), offline_access: grants.includes('refresh_token') };
  const out = scopes.filter((s) => (s === 'openid' || s === 'offline_access' ? want[s] : true));
  for (const scope of ['openid', 'offline_access'] as const) if (want[scope] && !out.includes(scope)) out.push(scope);
  return out;
}
