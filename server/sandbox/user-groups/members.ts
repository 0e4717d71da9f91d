import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { CfError, ErrorCode, notFound, ok, okBody, okBytes, type CfMessage } from '../../http/envelope.ts';
import { timestamp } from '../ids.ts';
import { offsetOf, resultInfo } from '../pagination.ts';
import { containsPattern } from '../sql.ts';
import { intParam, parseBody, parseQuery } from '../validation.ts';
import { directionParam, optionalQuery } from '../group-names.ts';
import { cachedAnswer, cachedRows } from '../db/response-cache.ts';
import { getUserGroup, refuseIfScimManaged } from './routes.ts';
import { dsrDisabledMessage, hasDsrEnabled } from '../db/seed-dsr.ts';

/** One request may name at most this many members (a PUT sets the whole membership). */
export const MAX_MEMBERS_PER_REQUEST = 10_000;

interface MemberRow {
  id: string;
  email: string;
  status: 'accepted' | 'pending';
  user_id: string;
  first_name: string | null;
  last_name: string | null;
  created_at: string;
}

const email = optionalQuery(z.string().max(90, 'must be at most 90 characters'));

const listQuery = z.object({
  fuzzyEmail: email, // the official SDK's spelling
  fuzzy_email: email,
  direction: directionParam,
  page: intParam(1, 1_000_000, 1),
  per_page: intParam(1, 500, 100),
});

/** Members POST and PUT take a bare JSON array, e.g. `[{"id": "…"}]`; each id is an account member id (schema: at most 32). */
const memberIds = z
  .array(z.strictObject({ id: z.string().min(1, 'must not be empty').max(32, 'must be at most 32 characters') }))
  .max(MAX_MEMBERS_PER_REQUEST, `must list at most ${MAX_MEMBERS_PER_REQUEST} members`);
const addBody = memberIds.min(1, 'must list at least one member');

const memberResource = (m: Pick<MemberRow, 'id' | 'email' | 'status'>) => ({ id: m.id, email: m.email, status: m.status });

function memberDetail(m: MemberRow) {
  return {
    id: m.id,
    created_at: m.created_at,
    email: m.email,
    status: m.status,
    user: {
      id: m.user_id,
      email: m.email,
      ...(m.first_name !== null ? { first_name: m.first_name } : {}),
      ...(m.last_name !== null ? { last_name: m.last_name } : {}),
    },
  };
}

type ResolvedMember = Pick<MemberRow, 'id' | 'email' | 'status'> & { at: number };

/**
 * Looks up each requested id among the account's members, dropping repeats; every id that is not
 * one of them is reported at its own pointer (/i/id), so a client can show exactly which.
 */
function resolveAccountMembers(db: Db, accountId: string, ids: Array<{ id: string }>): ResolvedMember[] {
  const lookup = db.prepare('SELECT id, email, status FROM account_members WHERE id = ? AND account_id = ?');
  const found = new Map<string, ResolvedMember>();
  const errors: CfMessage[] = [];
  ids.forEach(({ id }, i) => {
    if (found.has(id)) return;
    const row = lookup.get(id, accountId) as Pick<MemberRow, 'id' | 'email' | 'status'> | undefined;
    if (row) found.set(id, { ...row, at: i });
    else {
      errors.push({
        code: ErrorCode.invalidField,
        message: `[${i}].id: "${id}" is not a member of this account`,
        source: { pointer: `/${i}/id` },
      });
    }
  });
  if (errors.length) throw new CfError(400, errors);
  return [...found.values()];
}

/**
 * Members joining a group must have DSR enabled (TF's user_group_members tests; the flag itself is
 * not in the API): one 1001 per member who has not, at that member's pointer, and nothing written.
 * Members already in the group stay whatever their flag (`alreadyIn`).
 */
function refuseWithoutDsr(rows: ResolvedMember[], alreadyIn: (id: string) => boolean = () => false): void {
  const errors = rows
    .filter((row) => !alreadyIn(row.id) && !hasDsrEnabled(row.email))
    .map((row) => ({ code: ErrorCode.invalidField, message: dsrDisabledMessage(row.id), source: { pointer: `/${row.at}/id` } }));
  if (errors.length) throw new CfError(400, errors);
}

export function registerUserGroupMembers(api: Hono<SandboxEnv>, { db, shapes = 'today' }: SandboxDeps): void {
  const base = '/accounts/:account_id/iam/user_groups/:user_group_id/members';
  const groupOf = (accountId: string, id: string) => {
    const group = getUserGroup(db, accountId, id);
    if (!group) throw notFound('User group');
    return group;
  };
  /** The group a write changes: an existing one that SCIM does not manage. */
  const writableGroupOf = (accountId: string, id: string) => {
    const group = groupOf(accountId, id);
    refuseIfScimManaged(group);
    return group;
  };
  const memberOfGroup = db.prepare(
    `SELECT am.*, ugm.created_at FROM user_group_members ugm JOIN account_members am ON am.id = ugm.member_id
      WHERE ugm.user_group_id = ? AND ugm.member_id = ?`,
  );
  const touch = (groupId: string) =>
    db.prepare('UPDATE user_groups SET modified_on = ? WHERE id = ?').run(timestamp(), groupId);

  const membersPage = (c: Context<SandboxEnv>, groupId: string) => {
    const group = groupOf(c.get('accountId'), groupId);
    const query = parseQuery(c, listQuery);
    const where = ['ugm.user_group_id = @group'];
    const params: Record<string, string | number> = { group: group.id };
    for (const [key, value] of [
      ['fuzzyEmail', query.fuzzyEmail],
      ['fuzzy_email', query.fuzzy_email],
    ] as const) {
      if (!value) continue;
      where.push(`am.email LIKE @${key} ESCAPE '\\'`);
      params[key] = containsPattern(value);
    }
    const from = `FROM user_group_members ugm JOIN account_members am ON am.id = ugm.member_id WHERE ${where.join(' AND ')}`;
    const countSql = `SELECT COUNT(*) AS n ${from}`;
    const total = cachedRows<{ n: number }>(db, 'members', countSql, params)[0]!.n;
    const order = query.direction === 'desc' ? 'DESC' : 'ASC';
    // Today's API orders by the email's local part, then the rest (TF issue #7097); 2024 by the whole address.
    const byEmail =
      shapes === 'today'
        ? `substr(am.email, 1, instr(am.email, '@') - 1) COLLATE NOCASE ${order}, am.email COLLATE NOCASE ${order}`
        : `am.email COLLATE NOCASE ${order}`;
    const pageSql = `SELECT am.*, ugm.created_at ${from} ORDER BY ${byEmail}, am.id ${order} LIMIT @limit OFFSET @offset`;
    const rows = cachedRows<MemberRow>(db, 'members', pageSql, { ...params, limit: query.per_page, offset: offsetOf(query) });
    // Today's API answers an empty list with `result: null` (TF user_group_members/custom.go).
    const result = total === 0 && shapes === 'today' ? null : rows.map(memberResource);
    return okBody(result, resultInfo(query, rows.length, total));
  };

  // Deleting a group empties the members kind, so a remembered page never outlives its group.
  api.get(base, (c) => okBytes(c, cachedAnswer(db, 'members', c.req.url, () => membersPage(c, c.req.param('user_group_id')))));

  api.get(`${base}/:member_id`, (c) => {
    const group = groupOf(c.get('accountId'), c.req.param('user_group_id'));
    const row = memberOfGroup.get(group.id, c.req.param('member_id')) as MemberRow | undefined;
    if (!row) throw notFound('Member of this user group');
    return ok(c, memberDetail(row));
  });

  /** Adds members; ones already in the group stay as they are. Answers every requested member. */
  api.post(base, async (c) => {
    const accountId = c.get('accountId');
    const group = writableGroupOf(accountId, c.req.param('user_group_id'));
    const body = await parseBody(c, addBody);
    const members = db.transaction(() => {
      const rows = resolveAccountMembers(db, accountId, body);
      refuseWithoutDsr(rows, (id) => memberOfGroup.get(group.id, id) !== undefined);
      const insert = db.prepare(
        'INSERT OR IGNORE INTO user_group_members (user_group_id, member_id, created_at) VALUES (?, ?, ?)',
      );
      const now = timestamp();
      const added = rows.reduce((n, row) => n + insert.run(group.id, row.id, now).changes, 0);
      if (added > 0) touch(group.id);
      return rows;
    })();
    return ok(c, members.map(memberResource));
  });

  /** Replaces the membership with exactly the listed members; `[]` empties the group. */
  api.put(base, async (c) => {
    const accountId = c.get('accountId');
    const group = writableGroupOf(accountId, c.req.param('user_group_id'));
    const body = await parseBody(c, memberIds);
    const members = db.transaction(() => {
      const rows = resolveAccountMembers(db, accountId, body);
      refuseWithoutDsr(rows, (id) => memberOfGroup.get(group.id, id) !== undefined);
      const wanted = JSON.stringify(rows.map((r) => r.id));
      const removed = db
        .prepare(
          'DELETE FROM user_group_members WHERE user_group_id = ? AND member_id NOT IN (SELECT value FROM json_each(?))',
        )
        .run(group.id, wanted).changes;
      const insert = db.prepare(
        'INSERT OR IGNORE INTO user_group_members (user_group_id, member_id, created_at) VALUES (?, ?, ?)',
      );
      const now = timestamp();
      const added = rows.reduce((n, row) => n + insert.run(group.id, row.id, now).changes, 0);
      if (added + removed > 0) touch(group.id);
      return rows;
    })();
    return ok(c, members.map(memberResource));
  });

  api.delete(`${base}/:member_id`, (c) => {
    const accountId = c.get('accountId');
    const removed = db.transaction(() => {
      const group = writableGroupOf(accountId, c.req.param('user_group_id'));
      const row = memberOfGroup.get(group.id, c.req.param('member_id')) as MemberRow | undefined;
      if (!row) throw notFound('Member of this user group');
      db.prepare('DELETE FROM user_group_members WHERE user_group_id = ? AND member_id = ?').run(group.id, row.id);
      touch(group.id);
      return row;
    })();
    return ok(c, memberResource(removed));
  });
}
