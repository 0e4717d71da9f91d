import type { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { CfError, ErrorCode, notFound, ok } from '../../http/envelope.ts';
import { newId, timestamp } from '../ids.ts';
import { offsetOf, resultInfo } from '../pagination.ts';
import { containsPattern } from '../sql.ts';
import { intParam, parseBody, parseQuery } from '../validation.ts';
import { directionParam, optionalQuery } from '../group-names.ts';

interface AccountRow {
  id: string;
  name: string;
  type: string;
  created_on: string;
}

interface AccountMemberRow {
  id: string;
  user_id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  status: 'accepted' | 'pending';
}

/** Shape of the official SDK's `Account`; the sandbox has no per-account settings to vary. */
function accountResource(row: AccountRow) {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    settings: { enforce_twofactor: false, api_access_enabled: null, abuse_contact_email: null },
    created_on: row.created_on,
  };
}

/** Shape of the official SDK's shared `Member` (account membership). */
function accountMemberResource(row: AccountMemberRow) {
  return {
    id: row.id,
    email: row.email,
    status: row.status,
    user: {
      id: row.user_id,
      email: row.email,
      first_name: row.first_name,
      last_name: row.last_name,
      two_factor_authentication_enabled: false,
    },
    roles: [],
    policies: [],
  };
}

const accountsQuery = z.object({
  name: optionalQuery(z.string().max(100, 'must be at most 100 characters')),
  direction: directionParam,
  page: intParam(1, 1_000_000, 1),
  per_page: intParam(5, 50, 20),
});

/** `order` values of the SDK's MemberListParams, plus `email` as a tolerated alias of `user.email`. */
const MEMBER_ORDER = {
  'user.first_name': 'first_name COLLATE NOCASE',
  'user.last_name': 'last_name COLLATE NOCASE',
  'user.email': 'email COLLATE NOCASE',
  email: 'email COLLATE NOCASE',
  status: 'status',
} as const;

const membersQuery = z.object({
  status: optionalQuery(z.enum(['accepted', 'pending', 'rejected'])),
  order: optionalQuery(z.enum(Object.keys(MEMBER_ORDER) as [keyof typeof MEMBER_ORDER])),
  direction: directionParam,
  /** Sandbox extension (no SDK parameter exists): case-insensitive substring of email or name. */
  search: optionalQuery(z.string().max(90, 'must be at most 90 characters')),
  page: intParam(1, 1_000_000, 1),
  per_page: intParam(5, 50, 20),
});

/**
 * POST /accounts/{id}/members (the SDK's MemberCreateParams): an email and either roles or
 * policies. The sandbox keeps neither (it models no member-level grants; see README, Sandbox
 * fidelity) and answers the new membership, pending.
 */
const createMemberBody = z.object({
  email: z.email('must be an email address').max(90, 'must be at most 90 characters'),
  roles: z.array(z.string().max(32, 'must be at most 32 characters')).optional(),
  policies: z.array(z.unknown()).optional(),
  status: z.enum(['accepted', 'pending']).optional(),
});

export const AUTOMATIC_VERIFICATION_MESSAGE = 'Invalid request: automatic verification of new members is not allowed';

export function registerAccounts(api: Hono<SandboxEnv>, { db }: SandboxDeps): void {
  api.get('/accounts', (c) => {
    const query = parseQuery(c, accountsQuery);
    const params: Record<string, string | number> = {};
    let clause = '';
    if (query.name) {
      clause = "WHERE name LIKE @name ESCAPE '\\'";
      params.name = containsPattern(query.name);
    }
    const total = (db.prepare(`SELECT COUNT(*) AS n FROM accounts ${clause}`).get(params) as { n: number }).n;
    const order = query.direction === 'desc' ? 'DESC' : 'ASC';
    const rows = db
      .prepare(`SELECT * FROM accounts ${clause} ORDER BY name COLLATE NOCASE ${order}, id ${order} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: query.per_page, offset: offsetOf(query) }) as AccountRow[];
    return ok(c, rows.map(accountResource), resultInfo(query, rows.length, total));
  });

  api.get('/accounts/:account_id', (c) => {
    const row = db.prepare('SELECT * FROM accounts WHERE id = ?').get(c.get('accountId')) as AccountRow | undefined;
    if (!row) throw notFound('Account');
    return ok(c, accountResource(row));
  });

  api.get('/accounts/:account_id/members', (c) => {
    const query = parseQuery(c, membersQuery);
    const where = ['account_id = @account'];
    const params: Record<string, string | number> = { account: c.get('accountId') };
    if (query.status) {
      where.push('status = @status');
      params.status = query.status;
    }
    if (query.search) {
      where.push(
        `(email LIKE @search ESCAPE '\\' OR first_name LIKE @search ESCAPE '\\' OR last_name LIKE @search ESCAPE '\\'
          OR (coalesce(first_name, '') || ' ' || coalesce(last_name, '')) LIKE @search ESCAPE '\\')`,
      );
      params.search = containsPattern(query.search.trim());
    }
    const clause = where.join(' AND ');
    const total = (db.prepare(`SELECT COUNT(*) AS n FROM account_members WHERE ${clause}`).get(params) as { n: number })
      .n;
    const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
    const orderBy = MEMBER_ORDER[query.order ?? 'user.email'];
    const rows = db
      .prepare(
        `SELECT * FROM account_members WHERE ${clause}
          ORDER BY ${orderBy} ${direction}, email COLLATE NOCASE ${direction}, id ${direction} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: query.per_page, offset: offsetOf(query) }) as AccountMemberRow[];
    return ok(c, rows.map(accountMemberResource), resultInfo(query, rows.length, total));
  });

  api.get('/accounts/:account_id/members/:member_id', (c) => {
    const row = db
      .prepare('SELECT * FROM account_members WHERE id = ? AND account_id = ?')
      .get(c.req.param('member_id'), c.get('accountId')) as AccountMemberRow | undefined;
    if (!row) throw notFound('Member');
    return ok(c, accountMemberResource(row));
  });

  api.post('/accounts/:account_id/members', async (c) => {
    const accountId = c.get('accountId');
    const body = await parseBody(c, createMemberBody);
    // Today's API no longer lets a new member skip the invitation (qontract-reconcile PR 5079).
    if (body.status === 'accepted') {
      throw new CfError(400, { code: ErrorCode.invalidField, message: AUTOMATIC_VERIFICATION_MESSAGE });
    }
    const taken = db.prepare('SELECT 1 FROM account_members WHERE account_id = ? AND email = ? COLLATE NOCASE').get(accountId, body.email);
    if (taken) {
      throw new CfError(400, { code: ErrorCode.duplicate, message: `email: ${body.email} is already a member of this account`, source: { pointer: '/email' } });
    }
    const row: AccountMemberRow & { account_id: string; created_on: string } = {
      id: newId(),
      account_id: accountId,
      user_id: newId(),
      email: body.email,
      first_name: null,
      last_name: null,
      status: 'pending',
      created_on: timestamp(),
    };
    db.prepare(
      `INSERT INTO account_members (id, account_id, user_id, email, first_name, last_name, status, created_on)
       VALUES (@id, @account_id, @user_id, @email, @first_name, @last_name, @status, @created_on)`,
    ).run(row);
    return ok(c, accountMemberResource(row));
  });
}
