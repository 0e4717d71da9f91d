import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import type { Db } from '../db/open.ts';
import { CfError, ErrorCode, fieldError, notFound, ok, okWithoutResult } from '../../http/envelope.ts';
import { isAcademicDomain } from '../../../src/lib/academic-domain.ts';
import { ID_PATTERN, newId, timestamp } from '../ids.ts';
import { resultInfo } from '../pagination.ts';
import { parseBody } from '../validation.ts';
import { parseDomainName } from '../../dns/domain-name.ts';
import { checkTxt, DEFAULT_VERIFICATION_WINDOW_MS } from '../dns-zone/zone.ts';

export const SSO_CODE_PREFIX = 'cloudflare_dashboard_sso=';

export type SsoStatus = 'awaiting' | 'pending' | 'failed' | 'verified';

export interface SsoConnectorRow {
  id: string;
  account_id: string;
  email_domain: string;
  enabled: number;
  use_fedramp_language: number;
  verification_code: string;
  verification_status: SsoStatus;
  verification_started_at: string | null;
  created_on: string;
  updated_on: string;
}

/**
 * Public email providers: their users are not one organisation's employees, so Cloudflare refuses
 * them as SSO domains. A subdomain of one is refused too.
 */
export const PUBLIC_EMAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'msn.com',
  'yahoo.com', 'yahoo.co.uk', 'yahoo.co.jp', 'ymail.com', 'rocketmail.com', 'aol.com', 'icloud.com',
  'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'pm.me', 'gmx.com', 'gmx.net', 'gmx.de', 'web.de',
  'mail.com', 'zoho.com', 'yandex.com', 'yandex.ru', 'mail.ru', 'qq.com', '163.com', '126.com',
  'fastmail.com', 'tutanota.com', 'tuta.io', 'hey.com', 'duck.com',
]);

export function isPublicEmailDomain(domain: string): boolean {
  const labels = domain.split('.');
  return labels.some((_, i) => PUBLIC_EMAIL_DOMAINS.has(labels.slice(i).join('.')));
}

/** An opaque verification value (Cloudflare's examples differ in what follows the `=`). */
function newVerificationCode(): string {
  return SSO_CODE_PREFIX + randomBytes(16).toString('hex');
}

export function ssoConnectorResource(row: SsoConnectorRow) {
  return {
    id: row.id,
    created_on: row.created_on,
    email_domain: row.email_domain,
    enabled: row.enabled === 1,
    updated_on: row.updated_on,
    use_fedramp_language: row.use_fedramp_language === 1,
    verification: { code: row.verification_code, status: row.verification_status },
  };
}

/**
 * The verification lifecycle, computed when a connector is read (no timers): a pending connector
 * is checked once `verificationDelayMs` has passed since verification began. The exact code among
 * the TXT records at the email domain verifies it; a `cloudflare_dashboard_sso=` record with
 * another value fails it; with none it stays pending until the window closes, then fails.
 * A settled status is persisted and bumps `updated_on`.
 */
export function settleSsoConnector(db: Db, deps: SandboxDeps, row: SsoConnectorRow, now = Date.now()): SsoConnectorRow {
  if (row.verification_status !== 'pending' || !row.verification_started_at) return row;
  const started = Date.parse(row.verification_started_at);
  const elapsed = Number.isNaN(started) ? Infinity : now - started;
  if (elapsed < deps.verificationDelayMs) return row;
  const outcome = checkTxt(db, row.email_domain, row.verification_code, SSO_CODE_PREFIX);
  const windowMs = deps.verificationWindowMs ?? DEFAULT_VERIFICATION_WINDOW_MS;
  const next: SsoStatus =
    outcome === 'verified' ? 'verified' : outcome === 'failed' || elapsed >= windowMs ? 'failed' : 'pending';
  if (next === 'pending') return row;
  const updated_on = timestamp(new Date(now));
  db.prepare(
    "UPDATE sso_connectors SET verification_status = ?, updated_on = ? WHERE id = ? AND verification_status = 'pending'",
  ).run(next, updated_on, row.id);
  return { ...row, verification_status: next, updated_on };
}

export const ACADEMIC_APPROVAL_MESSAGE =
  'Invalid request: SSO for an academic domain needs approval by Cloudflare support before it can be enabled';

/** Path identifiers answer like the router's account check: a malformed id cannot be routed. */
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

const readOnly = (message: string) => z.never({ error: message }).optional();

const emailDomain = z.string().transform((value, ctx) => {
  const check = parseDomainName(value);
  if (!check.ok) {
    ctx.addIssue({ code: 'custom', message: check.message });
    return z.NEVER;
  }
  return check.value;
});

const createBody = z.strictObject({
  email_domain: emailDomain,
  begin_verification: z.boolean().optional(),
  use_fedramp_language: z.boolean().optional(),
});

const updateBody = z.strictObject({
  enabled: z.boolean().optional(),
  use_fedramp_language: z.boolean().optional(),
  email_domain: readOnly('cannot be changed; delete this connector and create one for the new domain'),
  id: readOnly('is read-only'),
  verification: readOnly('is read-only; use begin_verification to start verifying'),
  created_on: readOnly('is read-only'),
  updated_on: readOnly('is read-only'),
});

/** begin_verification takes no body; an empty object is tolerated, anything else is an error. */
const emptyBody = z.strictObject({}).optional();

export function registerSsoConnectors(api: Hono<SandboxEnv>, deps: SandboxDeps): void {
  const { db } = deps;
  const base = '/accounts/:account_id/sso_connectors';

  function load(c: Context<SandboxEnv>): SsoConnectorRow {
    const id = idParam(c, 'sso_connector_id');
    const row = db
      .prepare('SELECT * FROM sso_connectors WHERE id = ? AND account_id = ?')
      .get(id, c.get('accountId')) as SsoConnectorRow | undefined;
    if (!row) throw notFound('SSO connector');
    return settleSsoConnector(db, deps, row);
  }

  api.get(base, (c) => {
    const rows = db
      .prepare('SELECT * FROM sso_connectors WHERE account_id = ? ORDER BY created_on, rowid')
      .all(c.get('accountId')) as SsoConnectorRow[];
    const result = rows.map((row) => ssoConnectorResource(settleSsoConnector(db, deps, row)));
    // A single page (SyncSinglePage), with result_info as the seed's example carries it.
    return ok(c, result, resultInfo({ page: 1, per_page: Math.max(20, result.length) }, result.length, result.length));
  });

  api.get(`${base}/:sso_connector_id`, (c) => ok(c, ssoConnectorResource(load(c))));

  api.post(base, async (c) => {
    const body = await parseBody(c, createBody);
    const domain = body.email_domain;
    if (isPublicEmailDomain(domain)) {
      throw fieldError(
        '/email_domain',
        `email_domain: ${domain} is a public email provider; SSO needs a domain your organisation controls and whose users are all your employees`,
      );
    }
    const taken = () =>
      fieldError(
        '/email_domain',
        `email_domain: ${domain} is already connected to an SSO connector (in this or another account); a domain can have only one`,
        ErrorCode.duplicate,
      );
    if (db.prepare('SELECT 1 FROM sso_connectors WHERE email_domain = ?').get(domain)) throw taken();
    const now = timestamp();
    const begin = body.begin_verification ?? true;
    const row: SsoConnectorRow = {
      id: newId(),
      account_id: c.get('accountId'),
      email_domain: domain,
      enabled: 0,
      use_fedramp_language: body.use_fedramp_language ? 1 : 0,
      verification_code: newVerificationCode(),
      verification_status: begin ? 'pending' : 'awaiting',
      verification_started_at: begin ? now : null,
      created_on: now,
      updated_on: now,
    };
    try {
      db.prepare(
        `INSERT INTO sso_connectors (id, account_id, email_domain, enabled, use_fedramp_language, verification_code,
           verification_status, verification_started_at, created_on, updated_on)
         VALUES (@id, @account_id, @email_domain, @enabled, @use_fedramp_language, @verification_code,
           @verification_status, @verification_started_at, @created_on, @updated_on)`,
      ).run(row);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw taken();
      throw err;
    }
    return ok(c, ssoConnectorResource(row));
  });

  api.patch(`${base}/:sso_connector_id`, async (c) => {
    const body = await parseBody(c, updateBody);
    const row = load(c);
    if (body.enabled === true && row.verification_status !== 'verified') {
      throw fieldError(
        '/enabled',
        `enabled: verify the email domain before enabling SSO (verification status is "${row.verification_status}")`,
        ErrorCode.conflict,
      );
    }
    if (body.enabled === true && row.enabled === 0 && isAcademicDomain(row.email_domain)) {
      // Academic domains verify as usual; enabling waits for Cloudflare support (changelog 2026-02-17).
      // The API's own wording is not published: the sandbox's choice, 1001 at /enabled.
      throw fieldError('/enabled', ACADEMIC_APPROVAL_MESSAGE, ErrorCode.invalidField);
    }
    const enabled = body.enabled === undefined ? row.enabled : body.enabled ? 1 : 0;
    const fedramp =
      body.use_fedramp_language === undefined ? row.use_fedramp_language : body.use_fedramp_language ? 1 : 0;
    if (enabled === row.enabled && fedramp === row.use_fedramp_language) return ok(c, ssoConnectorResource(row));
    const updated = { ...row, enabled, use_fedramp_language: fedramp, updated_on: timestamp() };
    db.prepare('UPDATE sso_connectors SET enabled = ?, use_fedramp_language = ?, updated_on = ? WHERE id = ?').run(
      enabled,
      fedramp,
      updated.updated_on,
      row.id,
    );
    return ok(c, ssoConnectorResource(updated));
  });

  api.delete(`${base}/:sso_connector_id`, (c) => {
    const row = load(c);
    db.prepare('DELETE FROM sso_connectors WHERE id = ?').run(row.id);
    return ok(c, { id: row.id });
  });

  api.post(`${base}/:sso_connector_id/begin_verification`, async (c) => {
    await parseBody(c, emptyBody);
    const row = load(c);
    if (row.verification_status === 'verified') {
      throw new CfError(400, { code: ErrorCode.conflict, message: `${row.email_domain} is already verified` });
    }
    // Awaiting or failed: (re)start the clock. Already pending: nothing to do, so a double click or
    // a retry does not push the deadline out.
    if (row.verification_status !== 'pending') {
      const now = timestamp();
      db.prepare(
        "UPDATE sso_connectors SET verification_status = 'pending', verification_started_at = ?, updated_on = ? WHERE id = ?",
      ).run(now, now, row.id);
    }
    return okWithoutResult(c);
  });
}
