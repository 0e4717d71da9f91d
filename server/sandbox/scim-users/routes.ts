import type { Context, Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';

/**
 * The account's SCIM Users, read side only: `GET /accounts/{id}/scim/v2/Users` (filter
 * `userName eq "…"`, `startIndex`, `count`) and `GET …/Users/{user_id}`. TODAY.md §1 and §4
 * (operations scim-users-list and scim-users-get, all plans): the one published call that answers
 * "which groups is this person in" — `groups` lists the user group ids (`value`) and names
 * (`display`). `{user_id}` is the user's id (the account member's `user.id`), not the member id.
 *
 * Not in the contract's 39 operations (server/contract/README.md), so Prism does not check it;
 * the shapes follow SCIM 2.0 (RFC 7643/7644) as TODAY.md describes them. Writes (POST, PATCH) are
 * Enterprise-only and not emulated.
 */
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
const MAX_COUNT = 100;

interface UserRow {
  id: string;
  user_id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  status: string;
}

const scimJson = (c: Context<SandboxEnv>, body: unknown, status: 200 | 400 | 404 = 200) =>
  c.body(JSON.stringify(body), status, { 'content-type': 'application/scim+json' });

const scimError = (c: Context<SandboxEnv>, status: 400 | 404, detail: string, scimType?: string) =>
  scimJson(c, { schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail }, status);

export function registerScimUsers(api: Hono<SandboxEnv>, { db }: SandboxDeps): void {
  const groupsOf = db.prepare(
    `SELECT g.id, g.name FROM user_group_members ugm JOIN user_groups g ON g.id = ugm.user_group_id
      WHERE ugm.member_id = ? ORDER BY g.name COLLATE NOCASE`,
  );
  const resource = (row: UserRow) => ({
    schemas: [USER_SCHEMA],
    id: row.user_id,
    userName: row.email,
    name: { givenName: row.first_name ?? undefined, familyName: row.last_name ?? undefined },
    displayName: [row.first_name, row.last_name].filter(Boolean).join(' ') || row.email,
    emails: [{ value: row.email, primary: true, type: 'work' }],
    active: row.status === 'accepted',
    groups: (groupsOf.all(row.id) as Array<{ id: string; name: string }>).map((g) => ({ value: g.id, display: g.name })),
    meta: { resourceType: 'User' },
  });

  api.get('/accounts/:account_id/scim/v2/Users', (c) => {
    const accountId = c.get('accountId');
    const filter = c.req.query('filter');
    const startIndex = Math.max(1, Number(c.req.query('startIndex') ?? 1) || 1);
    const count = Math.min(MAX_COUNT, Math.max(0, Number(c.req.query('count') ?? MAX_COUNT) || 0));
    let where = 'account_id = ?';
    const args: string[] = [accountId];
    if (filter !== undefined) {
      const match = /^\s*userName\s+eq\s+"([^"]*)"\s*$/i.exec(filter);
      if (!match) return scimError(c, 400, 'Only the filter userName eq "<email>" is supported', 'invalidFilter');
      where += ' AND email = ? COLLATE NOCASE';
      args.push(match[1]!);
    }
    const total = Number((db.prepare(`SELECT count(*) AS n FROM account_members WHERE ${where}`).get(...args) as { n: number }).n);
    const rows = db
      .prepare(`SELECT * FROM account_members WHERE ${where} ORDER BY email COLLATE NOCASE, id LIMIT ? OFFSET ?`)
      .all(...args, count, startIndex - 1) as UserRow[];
    return scimJson(c, { schemas: [LIST_SCHEMA], totalResults: total, startIndex, itemsPerPage: rows.length, Resources: rows.map(resource) });
  });

  api.get('/accounts/:account_id/scim/v2/Users/:user_id', (c) => {
    const row = db
      .prepare('SELECT * FROM account_members WHERE account_id = ? AND user_id = ?')
      .get(c.get('accountId'), c.req.param('user_id')) as UserRow | undefined;
    return row ? scimJson(c, resource(row)) : scimError(c, 404, 'User not found');
  });
}
