import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import type { Db } from '../db/open.ts';
import { CfError, ErrorCode, notFound, ok, type CfMessage } from '../../http/envelope.ts';
import { ID_PATTERN, newId, timestamp } from '../ids.ts';
import { hashSecret, newClientSecret } from '../secrets.ts';
import { parseBody } from '../validation.ts';
import { oauthScopeIds } from '../oauth-scopes/routes.ts';
import { checkTxt, DEFAULT_VERIFICATION_WINDOW_MS } from '../dns-zone/zone.ts';
import {
  AUTH_METHODS,
  GRANT_TYPES,
  IDENTITY_SCOPES,
  mergeFields,
  oauthClientResource,
  readFields,
  RESPONSE_TYPES,
  scopeProblems,
  storeFields,
  uriProblem,
  withProtocolScopes,
  type OAuthClientFields,
  type OAuthClientRow,
  type UriKind,
  type VerificationStatus,
} from './model.ts';

export const URI_VERIFICATION_PREFIX = 'cloudflare_oauth_client_verification=';

function newVerificationText(): string {
  return URI_VERIFICATION_PREFIX + randomBytes(16).toString('hex');
}

function hostOf(uri: string | undefined): string | null {
  if (!uri) return null;
  try {
    return new URL(uri).hostname;
  } catch {
    return null;
  }
}

/**
 * Client-URI verification, computed when a client is read (no timers). Started at `t0`:
 * `pending` until t0 + delay, `in_progress` while Cloudflare looks; from t0 + 2·delay the TXT
 * records at the client URI's host decide: the exact text → `verified`; another
 * `cloudflare_oauth_client_verification=` value → `failed`; nothing → still `in_progress` until
 * the window closes, then `failed`. A change is persisted and bumps `updated_at`.
 */
export function settleOAuthClient(db: Db, deps: SandboxDeps, row: OAuthClientRow, now = Date.now()): OAuthClientRow {
  const status = row.uri_verification_status;
  if (status !== 'pending' && status !== 'in_progress') return row;
  const host = hostOf(readFields(row).client_uri);
  if (!host || !row.uri_verification_text) return row;
  const started = row.uri_verification_started_at ? Date.parse(row.uri_verification_started_at) : NaN;
  const elapsed = Number.isNaN(started) ? Infinity : now - started;
  const delay = deps.verificationDelayMs;
  let next: VerificationStatus;
  if (elapsed < delay) next = 'pending';
  else if (elapsed < 2 * delay) next = 'in_progress';
  else {
    const outcome = checkTxt(db, host, row.uri_verification_text, URI_VERIFICATION_PREFIX);
    const windowMs = deps.verificationWindowMs ?? DEFAULT_VERIFICATION_WINDOW_MS;
    next = outcome === 'not_found' ? (elapsed >= windowMs ? 'failed' : 'in_progress') : outcome;
  }
  if (next === status) return row;
  const updated_at = timestamp(new Date(now));
  db.prepare('UPDATE oauth_clients SET uri_verification_status = ?, updated_at = ? WHERE client_id = ?').run(
    next,
    updated_at,
    row.client_id,
  );
  return { ...row, uri_verification_status: next, updated_at };
}

function idParam(c: Context<SandboxEnv>, name: string): string {
  const id = c.req.param(name) ?? '';
  if (!ID_PATTERN.test(id)) {
    throw new CfError(404, {
      code: ErrorCode.invalidIdentifier,
      message: `Could not route to ${c.req.path}, perhaps your object identifier is invalid?`,
    });
  }
  return id;
}

// ---- request schemas ----------------------------------------------------------------------

const requiredError = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : `must be ${what}`;

const readOnly = (message = 'is read-only') => z.never({ error: message }).optional();

function uri(kind: UriKind, { allowEmpty = false } = {}) {
  return z.string({ error: requiredError('a string') }).superRefine((value, ctx) => {
    if (allowEmpty && value === '') return;
    const problem = uriProblem(value, kind);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

function uniqueList<T extends z.ZodType<string>>(item: T, { min, max, what }: { min: number; max: number; what: string }) {
  return z
    .array(item, { error: requiredError('an array') })
    .min(min, min === 1 ? `must list at least one ${what}` : `must list at least ${min} ${what}s`)
    .max(max, `must list at most ${max} ${what}s`)
    .superRefine((values, ctx) => {
      values.forEach((value, i) => {
        const first = values.indexOf(value);
        if (first !== i) ctx.addIssue({ code: 'custom', path: [i], message: `duplicate of [${first}] (${value})` });
      });
    });
}

const grantTypes = uniqueList(z.enum(GRANT_TYPES), { min: 1, max: GRANT_TYPES.length, what: 'grant type' }).refine(
  (values) => values.includes('authorization_code'),
  'authorization_code is required; refresh_token may be included optionally',
);
const scopeId = z.string().min(1, 'must not be empty').max(200);

const writable = {
  client_name: z
    .string({ error: requiredError('a string') })
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters'),
  client_uri: uri('page', { allowEmpty: true }),
  logo_uri: uri('page', { allowEmpty: true }),
  policy_uri: uri('page', { allowEmpty: true }),
  tos_uri: uri('page', { allowEmpty: true }),
  redirect_uris: uniqueList(uri('redirect'), { min: 1, max: 20, what: 'redirect URI' }),
  post_logout_redirect_uris: uniqueList(uri('redirect'), { min: 0, max: 20, what: 'post-logout redirect URI' }),
  allowed_cors_origins: uniqueList(uri('origin'), { min: 0, max: 20, what: 'origin' }),
  grant_types: grantTypes,
  response_types: uniqueList(z.enum(RESPONSE_TYPES), { min: 1, max: RESPONSE_TYPES.length, what: 'response type' }),
  scopes: uniqueList(scopeId, { min: 0, max: 100, what: 'scope' }),
  optional_scopes: uniqueList(scopeId, { min: 0, max: 100, what: 'scope' }),
  token_endpoint_auth_method: z.enum(AUTH_METHODS, {
    error: (issue) => (issue.input === undefined ? 'is required' : `must be one of ${AUTH_METHODS.join(', ')}`),
  }),
};

const serverFields = {
  client_id: readOnly(),
  client_secret: readOnly('is generated by the server; use rotate_secret for a new one'),
  client_uri_verification: readOnly('is read-only; it follows client_uri'),
  has_rotated_secret: readOnly(),
  promoted_at: readOnly(),
  created_at: readOnly(),
  updated_at: readOnly(),
};

const createBody = z.strictObject({
  ...writable,
  client_uri: writable.client_uri.optional(),
  logo_uri: writable.logo_uri.optional(),
  policy_uri: writable.policy_uri.optional(),
  tos_uri: writable.tos_uri.optional(),
  post_logout_redirect_uris: writable.post_logout_redirect_uris.optional(),
  allowed_cors_origins: writable.allowed_cors_origins.optional(),
  optional_scopes: writable.optional_scopes.optional(),
  ...serverFields,
  visibility: readOnly('new clients are private; promote one with PATCH {"visibility": "public"}'),
});

const updateBody = z.strictObject({
  ...Object.fromEntries(Object.entries(writable).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof writable]: z.ZodOptional<(typeof writable)[K]>;
  },
  ...serverFields,
  visibility: z
    .literal('public', { error: "only 'public' is accepted; demotion to private is not supported" })
    .optional(),
});

const emptyBody = z.strictObject({}).optional();

type Patch = Partial<OAuthClientFields>;

/** Rules that need the catalogue or the whole client: scopes, optional scopes. Each error points at its field. */
function finalizeFields(db: Db, merged: OAuthClientFields, body: Patch): { fields: OAuthClientFields; errors: CfMessage[] } {
  const errors: CfMessage[] = [];
  const catalogue = oauthScopeIds(db);
  if (body.scopes) errors.push(...scopeProblems(body.scopes, catalogue));
  const scopes = withProtocolScopes(merged.scopes, merged.grant_types, merged.response_types);
  merged.optional_scopes.forEach((scope, i) => {
    const field = body.optional_scopes ? `optional_scopes[${i}]` : 'optional_scopes';
    const pointer = body.optional_scopes ? `/optional_scopes/${i}` : '/optional_scopes';
    if (scope === 'openid' || scope === 'offline' || scope === 'offline_access') {
      errors.push({ code: ErrorCode.invalidField, message: `${field}: ${scope} cannot be optional`, source: { pointer } });
    } else if (!scopes.includes(scope)) {
      errors.push({
        code: ErrorCode.invalidField,
        message: `${field}: ${scope} must also appear in scopes`,
        source: { pointer },
      });
    }
  });
  return { fields: { ...merged, scopes }, errors };
}

/** What promotion to public needs; each missing requirement is its own error, at its field. */
function promotionProblems(fields: OAuthClientFields, row: OAuthClientRow): CfMessage[] {
  const problem = (pointer: string, message: string): CfMessage => ({
    code: ErrorCode.conflict,
    message,
    source: { pointer },
  });
  const out: CfMessage[] = [];
  if (!fields.client_name?.trim()) out.push(problem('/client_name', 'client_name: promotion to public requires a client name'));
  if (!fields.logo_uri) out.push(problem('/logo_uri', 'logo_uri: promotion to public requires a logo URI'));
  if (!fields.client_uri) {
    out.push(problem('/client_uri', 'client_uri: promotion to public requires a client URI whose host is verified'));
  } else if (row.uri_verification_status !== 'verified') {
    out.push(
      problem(
        '/client_uri',
        `client_uri: promotion to public requires a verified client URI host (${hostOf(fields.client_uri)} is ` +
          `${row.uri_verification_status ?? 'not verified'}; publish the TXT record from client_uri_verification.text there)`,
      ),
    );
  }
  if (!fields.scopes.some((s) => !(IDENTITY_SCOPES as readonly string[]).includes(s))) {
    out.push(problem('/scopes', 'scopes: promotion to public requires at least one non-identity scope'));
  }
  return out;
}

export function registerOAuthClients(api: Hono<SandboxEnv>, deps: SandboxDeps): void {
  const { db } = deps;
  const base = '/accounts/:account_id/oauth_clients';

  function load(c: Context<SandboxEnv>): OAuthClientRow {
    const id = idParam(c, 'oauth_client_id');
    const row = db
      .prepare('SELECT * FROM oauth_clients WHERE client_id = ? AND account_id = ?')
      .get(id, c.get('accountId')) as OAuthClientRow | undefined;
    if (!row) throw notFound('OAuth client');
    return settleOAuthClient(db, deps, row);
  }

  api.get(base, (c) => {
    const rows = db
      .prepare('SELECT * FROM oauth_clients WHERE account_id = ? ORDER BY created_at, rowid')
      .all(c.get('accountId')) as OAuthClientRow[];
    // SyncSinglePage: every client in one page, no result_info.
    return ok(c, rows.map((row) => oauthClientResource(settleOAuthClient(db, deps, row))));
  });

  api.get(`${base}/:oauth_client_id`, (c) => ok(c, oauthClientResource(load(c))));

  api.post(base, async (c) => {
    const body = await parseBody(c, createBody);
    const empty: OAuthClientFields = {
      client_name: '',
      redirect_uris: [],
      post_logout_redirect_uris: [],
      allowed_cors_origins: [],
      grant_types: [],
      response_types: [],
      scopes: [],
      optional_scopes: [],
      token_endpoint_auth_method: body.token_endpoint_auth_method,
    };
    const { fields, errors } = finalizeFields(db, mergeFields(empty, body as Patch), body as Patch);
    if (errors.length) throw new CfError(400, errors);
    const now = timestamp();
    const secret = newClientSecret();
    const row: OAuthClientRow = {
      client_id: newId(),
      account_id: c.get('accountId'),
      visibility: 'private',
      fields: storeFields(fields),
      secret_hash: hashSecret(secret),
      rotated_secret_hash: null,
      uri_verification_status: fields.client_uri ? 'pending' : null,
      uri_verification_text: fields.client_uri ? newVerificationText() : null,
      uri_verification_started_at: fields.client_uri ? now : null,
      promoted_at: null,
      created_at: now,
      updated_at: now,
    };
    db.prepare(
      `INSERT INTO oauth_clients (client_id, account_id, visibility, fields, secret_hash, rotated_secret_hash,
         uri_verification_status, uri_verification_text, uri_verification_started_at, promoted_at, created_at, updated_at)
       VALUES (@client_id, @account_id, @visibility, @fields, @secret_hash, @rotated_secret_hash,
         @uri_verification_status, @uri_verification_text, @uri_verification_started_at, @promoted_at, @created_at, @updated_at)`,
    ).run(row);
    // The only response that ever carries the secret.
    const { has_rotated_secret, created_at, updated_at, ...rest } = oauthClientResource(row);
    return ok(c, { ...rest, client_secret: secret, has_rotated_secret, created_at, updated_at });
  });

  api.patch(`${base}/:oauth_client_id`, async (c) => {
    const body = await parseBody(c, updateBody);
    const row = load(c);
    const current = readFields(row);
    const { fields, errors } = finalizeFields(db, mergeFields(current, body as Patch), body as Patch);
    if (errors.length) throw new CfError(400, errors);

    const stored = storeFields(fields);
    const next: OAuthClientRow = { ...row, fields: stored === storeFields(current) ? row.fields : stored };
    const now = timestamp();
    if (body.client_uri !== undefined) {
      const newHost = hostOf(fields.client_uri);
      if (!newHost) {
        Object.assign(next, { uri_verification_status: null, uri_verification_text: null, uri_verification_started_at: null });
      } else if (newHost !== hostOf(current.client_uri) || !row.uri_verification_text) {
        Object.assign(next, { uri_verification_status: 'pending', uri_verification_text: newVerificationText(), uri_verification_started_at: now });
      } else if (row.uri_verification_status === 'failed') {
        // Re-sending the same client URI after a failure starts a new check of the same record.
        Object.assign(next, { uri_verification_status: 'pending', uri_verification_started_at: now });
      }
    }
    if (body.visibility === 'public' && row.visibility === 'private') {
      const problems = promotionProblems(fields, next);
      if (problems.length) throw new CfError(400, problems);
      Object.assign(next, { visibility: 'public', promoted_at: now });
    }
    const changed = (Object.keys(next) as Array<keyof OAuthClientRow>).some((k) => next[k] !== row[k]);
    if (!changed) return ok(c, oauthClientResource(row));
    next.updated_at = now;
    db.prepare(
      `UPDATE oauth_clients SET visibility = @visibility, fields = @fields, uri_verification_status = @uri_verification_status,
         uri_verification_text = @uri_verification_text, uri_verification_started_at = @uri_verification_started_at,
         promoted_at = @promoted_at, updated_at = @updated_at
       WHERE client_id = @client_id`,
    ).run(next);
    // Answer what a read would now show: a restarted check may already have settled.
    return ok(c, oauthClientResource(settleOAuthClient(db, deps, next)));
  });

  api.delete(`${base}/:oauth_client_id`, (c) => {
    const row = load(c);
    db.prepare('DELETE FROM oauth_clients WHERE client_id = ?').run(row.client_id);
    return ok(c, { id: row.client_id });
  });

  api.post(`${base}/:oauth_client_id/rotate_secret`, async (c) => {
    await parseBody(c, emptyBody);
    const row = load(c);
    const secret = newClientSecret();
    // The first rotation keeps the old secret working until it is deleted. Rotating again while
    // one is kept replaces the newer secret (never delivered or lost) and keeps the old one, so
    // the application still running on it does not break.
    const rotated = row.rotated_secret_hash ?? row.secret_hash;
    db.prepare('UPDATE oauth_clients SET secret_hash = ?, rotated_secret_hash = ?, updated_at = ? WHERE client_id = ?').run(
      hashSecret(secret),
      rotated,
      timestamp(),
      row.client_id,
    );
    return ok(c, { client_secret: secret });
  });

  api.delete(`${base}/:oauth_client_id/rotate_secret`, (c) => {
    const row = load(c);
    if (!row.rotated_secret_hash) {
      throw new CfError(404, {
        code: ErrorCode.notFound,
        message: 'This OAuth client has no rotated secret to delete (has_rotated_secret is false)',
      });
    }
    db.prepare('UPDATE oauth_clients SET rotated_secret_hash = NULL, updated_at = ? WHERE client_id = ?').run(
      timestamp(),
      row.client_id,
    );
    return ok(c, { id: row.client_id });
  });
}
