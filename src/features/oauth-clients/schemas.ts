import * as z from 'zod/mini';
import type { OAuthClient, OAuthClientInput } from '@/api/oauth/schema';
import { uriProblem, type UriKind } from './uri-rules';

export const GRANT_TYPES = ['authorization_code', 'refresh_token'] as const;
export const RESPONSE_TYPES = ['code', 'id_token', 'token'] as const;
export const AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'none'] as const;
export type GrantType = (typeof GRANT_TYPES)[number];
export type ResponseType = (typeof RESPONSE_TYPES)[number];
export type AuthMethod = (typeof AUTH_METHODS)[number];

/**
 * A client with the auth method "none" is public (a SPA or native app proving itself with PKCE):
 * it has no secret to show, store or rotate. An unset method is the API's default, a secret.
 */
export function hasClientSecret(client: { token_endpoint_auth_method?: AuthMethod | 'unknown' | null }): boolean {
  return client.token_endpoint_auth_method !== 'none';
}

/** Protocol scopes the API adds and removes from grant and response types: never picked by hand. */
export const MANAGED_SCOPES = ['openid', 'offline_access'] as const;
/** "Simple identity scopes": accepted without being in the catalogue, and not enough to go public. */
export const IDENTITY_SCOPES = ['openid', 'offline_access', 'profile', 'email'] as const;
/** Scopes the API refuses in optional_scopes. */
const NEVER_OPTIONAL = new Set(['openid', 'offline', 'offline_access']);

export const isManagedScope = (id: string) => (MANAGED_SCOPES as readonly string[]).includes(id);
export const isIdentityScope = (id: string) => (IDENTITY_SCOPES as readonly string[]).includes(id);

export const URI_FIELDS = ['client_uri', 'logo_uri', 'policy_uri', 'tos_uri'] as const;
export const URI_LIST_FIELDS = ['redirect_uris', 'post_logout_redirect_uris', 'allowed_cors_origins'] as const;
export type UriField = (typeof URI_FIELDS)[number];
export type UriListField = (typeof URI_LIST_FIELDS)[number];

/** What the form edits. URIs are '' when unset; scopes never hold the managed protocol scopes. */
export interface ClientFormValues {
  client_name: string;
  client_uri: string;
  logo_uri: string;
  policy_uri: string;
  tos_uri: string;
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  allowed_cors_origins: string[];
  grant_types: GrantType[];
  response_types: ResponseType[];
  token_endpoint_auth_method: AuthMethod;
  scopes: string[];
  optional_scopes: string[];
}


const LIST_LIMITS: Record<UriListField, { min: number; what: string; kind: UriKind }> = {
  redirect_uris: { min: 1, what: 'redirect URI', kind: 'redirect' },
  post_logout_redirect_uris: { min: 0, what: 'post-logout redirect URI', kind: 'redirect' },
  allowed_cors_origins: { min: 0, what: 'origin', kind: 'origin' },
};
/**
 * Entries per URI list the API takes (the sandbox refuses a 21st; Cloudflare's published schema
 * sets no maxItems, so this is the emulated limit the form holds to as well).
 */
export const URI_LIST_MAX = 20;
const MAX_LIST = URI_LIST_MAX;
const MAX_SCOPES = 100;

type Ctx = { issues: Array<z.core.$ZodRawIssue> };
const fail = (ctx: Ctx, input: unknown, message: string, path: PropertyKey[] = []) =>
  ctx.issues.push({ code: 'custom', message, input, path });

function optionalUri(kind: UriKind) {
  return z.string().check(
    z.superRefine((value, ctx) => {
      if (value === '') return;
      const problem = uriProblem(value, kind);
      if (problem) fail(ctx, value, problem);
    }),
  );
}

function duplicates(values: string[], ctx: Ctx) {
  values.forEach((value, i) => {
    const first = values.indexOf(value);
    if (first !== i) fail(ctx, value, `Duplicate of entry ${first + 1}.`, [i]);
  });
}

function uriList(field: UriListField) {
  const { min, what, kind } = LIST_LIMITS[field];
  return z.array(z.string()).check(
    z.superRefine((values, ctx) => {
      if (values.length < min) fail(ctx, values, `Add at least one ${what}.`);
      if (values.length > MAX_LIST) fail(ctx, values, `At most ${MAX_LIST} ${what}s.`);
      values.forEach((value, i) => {
        // Blank rows are refused rather than dropped, so item i of the form is item i the API
        // points at (/redirect_uris/i) when it answers with an error.
        const problem = value === '' ? 'Enter a URL or remove this row.' : uriProblem(value, kind);
        if (problem) fail(ctx, value, problem, [i]);
      });
      duplicates(values, ctx);
    }),
  );
}

/**
 * One row's problem as it is typed (the rule the submit applies to it): blank rows wait for the
 * submit, so a row just added is not flagged before anything is typed in it.
 */
export function uriRowProblem(field: UriListField, values: readonly string[], index: number): string | null {
  const value = (values[index] ?? '').trim();
  if (value === '') return null;
  const problem = uriProblem(value, LIST_LIMITS[field].kind);
  if (problem) return problem;
  const first = values.findIndex((v) => v.trim() === value);
  return first !== index ? `Duplicate of entry ${first + 1}.` : null;
}

/** Why a scope id is refused, mirroring the API's scopes rule; `catalogue` is GET /oauth/scopes' ids. */
export function scopeProblem(scope: string, catalogue?: ReadonlySet<string>): string | null {
  if (scope === '') return 'Must not be empty.';
  if (scope.includes(':')) {
    return `Colon-delimited scopes are not accepted: use the dot-delimited form (${scope.replaceAll(':', '.')}).`;
  }
  if (scope.includes('.')) return catalogue && !catalogue.has(scope) ? `${scope} is not an available OAuth scope.` : null;
  return isIdentityScope(scope) ? null : `${scope} is neither an available OAuth scope nor an identity scope.`;
}

/** The form's rules; pass the scope catalogue to check dot-delimited scopes against it too. */
export function clientFormSchema(catalogue?: ReadonlySet<string>) {
  return z.object({
    client_name: z.string().check(
      z.superRefine((value, ctx) => {
        if (value.trim() === '') fail(ctx, value, 'Enter a name your users will recognise.');
        else if (value.trim().length > 100) fail(ctx, value, 'At most 100 characters.');
      }),
    ),
    client_uri: optionalUri('page'),
    logo_uri: optionalUri('page'),
    policy_uri: optionalUri('page'),
    tos_uri: optionalUri('page'),
    redirect_uris: uriList('redirect_uris'),
    post_logout_redirect_uris: uriList('post_logout_redirect_uris'),
    allowed_cors_origins: uriList('allowed_cors_origins'),
    grant_types: z.array(z.enum(GRANT_TYPES)).check(
      z.superRefine((values, ctx) => {
        if (!values.includes('authorization_code')) {
          fail(ctx, values, 'authorization_code is required; refresh_token may be added.');
        }
      }),
    ),
    response_types: z.array(z.enum(RESPONSE_TYPES)).check(
      z.superRefine((values, ctx) => {
        if (values.length === 0) fail(ctx, values, 'Choose at least one response type.');
      }),
    ),
    token_endpoint_auth_method: z.enum(AUTH_METHODS),
    scopes: z.array(z.string()).check(
      z.superRefine((values, ctx) => {
        if (values.length > MAX_SCOPES) fail(ctx, values, `At most ${MAX_SCOPES} scopes.`);
        values.forEach((scope, i) => {
          const problem = scopeProblem(scope, catalogue);
          if (problem) fail(ctx, scope, problem, [i]);
        });
        duplicates(values, ctx);
      }),
    ),
    optional_scopes: z.array(z.string()),
  }).check(
    z.superRefine((values, ctx) => {
      values.optional_scopes.forEach((scope, i) => {
        if (NEVER_OPTIONAL.has(scope)) fail(ctx, scope, `${scope} cannot be optional.`, ['optional_scopes', i]);
        else if (!values.scopes.includes(scope)) fail(ctx, scope, 'An optional scope must also be selected.', ['optional_scopes', i]);
      });
    }),
  );
}

/** JSON pointer of an issue path, escaped as RFC 6901 says (what the API sends in source.pointer). */
export function pointerOf(path: readonly PropertyKey[]): string {
  return '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** Trims what people paste: surrounding spaces are never meant, and the API refuses them. */
export function normalizeForm(values: ClientFormValues): ClientFormValues {
  const trimList = (list: string[]) => list.map((v) => v.trim());
  const scopes = values.scopes.filter((s) => !isManagedScope(s));
  return {
    ...values,
    client_name: values.client_name.trim(),
    client_uri: values.client_uri.trim(),
    logo_uri: values.logo_uri.trim(),
    policy_uri: values.policy_uri.trim(),
    tos_uri: values.tos_uri.trim(),
    redirect_uris: trimList(values.redirect_uris),
    post_logout_redirect_uris: trimList(values.post_logout_redirect_uris),
    allowed_cors_origins: trimList(values.allowed_cors_origins),
    scopes,
    // An optional scope the admin deselected is no longer requested at all.
    optional_scopes: values.optional_scopes.filter((s) => scopes.includes(s)),
  };
}

export type ValidationResult = { ok: true; values: ClientFormValues } | { ok: false; errors: Record<string, string> };

/** Normalises and validates; errors are keyed by pointer, first message per pointer. */
export function validateClientForm(values: ClientFormValues, catalogue?: ReadonlySet<string>): ValidationResult {
  const normalized = normalizeForm(values);
  const parsed = clientFormSchema(catalogue).safeParse(normalized);
  if (parsed.success) return { ok: true, values: normalized };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const pointer = pointerOf(issue.path);
    errors[pointer] ??= issue.message;
  }
  return { ok: false, errors };
}

export function emptyFormValues(): ClientFormValues {
  return {
    client_name: '',
    client_uri: '',
    logo_uri: '',
    policy_uri: '',
    tos_uri: '',
    redirect_uris: [''],
    post_logout_redirect_uris: [],
    allowed_cors_origins: [],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    scopes: [],
    optional_scopes: [],
  };
}

export function formValuesFromClient(client: OAuthClient): ClientFormValues {
  return {
    client_name: client.client_name ?? '',
    client_uri: client.client_uri ?? '',
    logo_uri: client.logo_uri ?? '',
    policy_uri: client.policy_uri ?? '',
    tos_uri: client.tos_uri ?? '',
    redirect_uris: client.redirect_uris ?? [],
    post_logout_redirect_uris: client.post_logout_redirect_uris ?? [],
    allowed_cors_origins: client.allowed_cors_origins ?? [],
    // authorization_code is required and its box cannot be unticked: a client stored without it
    // gets it back on the next save rather than a form that cannot be submitted.
    grant_types: GRANT_TYPES.filter((g) => g === 'authorization_code' || (client.grant_types ?? []).includes(g)),
    response_types: RESPONSE_TYPES.filter((r) => (client.response_types ?? ['code']).includes(r)),
    // A method this console does not know is shown as the default; saving would set that default.
    token_endpoint_auth_method: client.token_endpoint_auth_method && client.token_endpoint_auth_method !== 'unknown' ? client.token_endpoint_auth_method : 'client_secret_basic',
    scopes: (client.scopes ?? []).filter((s) => !isManagedScope(s)),
    optional_scopes: client.optional_scopes ?? [],
  };
}

/** The create body: unset URIs are left out, everything else is sent. */
export function toCreateBody(values: ClientFormValues): OAuthClientInput {
  const body: OAuthClientInput = {
    client_name: values.client_name,
    redirect_uris: values.redirect_uris,
    post_logout_redirect_uris: values.post_logout_redirect_uris,
    allowed_cors_origins: values.allowed_cors_origins,
    grant_types: values.grant_types,
    response_types: values.response_types,
    token_endpoint_auth_method: values.token_endpoint_auth_method,
    scopes: values.scopes,
    optional_scopes: values.optional_scopes,
  };
  for (const field of URI_FIELDS) if (values[field] !== '') body[field] = values[field];
  return body;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The PATCH body: only what changed, so saving one field does not re-send client_uri (which would
 * restart a failed verification) or anything else the admin did not touch. '' clears a URI.
 */
export function toUpdateBody(values: ClientFormValues, original: ClientFormValues): OAuthClientInput {
  const body: OAuthClientInput = {};
  if (values.client_name !== original.client_name) body.client_name = values.client_name;
  for (const field of URI_FIELDS) if (values[field] !== original[field]) body[field] = values[field];
  for (const field of URI_LIST_FIELDS) if (!sameList(values[field], original[field])) body[field] = values[field];
  if (!sameList(values.grant_types, original.grant_types)) body.grant_types = values.grant_types;
  if (!sameList(values.response_types, original.response_types)) body.response_types = values.response_types;
  if (values.token_endpoint_auth_method !== original.token_endpoint_auth_method) {
    body.token_endpoint_auth_method = values.token_endpoint_auth_method;
  }
  // Scopes and optional scopes travel together: the API checks one against the other.
  if (!sameList(values.scopes, original.scopes) || !sameList(values.optional_scopes, original.optional_scopes)) {
    body.scopes = values.scopes;
    body.optional_scopes = values.optional_scopes;
  }
  return body;
}

/** Which protocol scopes the API will add for these flows (shown read-only in the picker). */
export function managedScopesFor(values: Pick<ClientFormValues, 'grant_types' | 'response_types'>) {
  return {
    openid: values.response_types.includes('id_token'),
    offline_access: values.grant_types.includes('refresh_token'),
  };
}
