import type { ConsoleStorage } from '../storage.ts';

/** Read side of the index: what the Members page, a member's page and the group picker ask. */
export interface MemberSearch {
  q?: string;
  status?: 'accepted' | 'pending';
  groupId?: string;
  /** Only people in no group at all. */
  ungrouped?: boolean;
  sort: 'email' | 'name' | 'last_change' | 'groups';
  direction: 'asc' | 'desc';
  page: number;
  perPage: number;
}

const SORT = {
  email: 'm.email COLLATE NOCASE',
  name: "coalesce(m.first_name, '') || ' ' || coalesce(m.last_name, '') COLLATE NOCASE",
  last_change: 'coalesce(m.last_change, 0)',
  groups: 'group_count',
} as const;

/** LIKE pattern for a substring, with % and _ taken literally. */
const contains = (s: string) => `%${s.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export function createIndexQueries(storage: ConsoleStorage) {
  const groupsOf = storage.prepare(
    `SELECT g.group_id AS id, g.name FROM membership_index_memberships x
      JOIN membership_index_groups g ON g.account_id = x.account_id AND g.group_id = x.group_id
      WHERE x.account_id = ? AND x.member_id = ? ORDER BY g.name COLLATE NOCASE`,
  );

  return {
    searchMembers(accountId: string, search: MemberSearch) {
      const where = ['m.account_id = @account'];
      const params: Record<string, string | number> = { account: accountId };
      if (search.q) {
        where.push(
          `(m.email LIKE @q ESCAPE '\\' OR (coalesce(m.first_name, '') || ' ' || coalesce(m.last_name, '')) LIKE @q ESCAPE '\\')`,
        );
        params.q = contains(search.q);
      }
      if (search.status) {
        where.push('m.status = @status');
        params.status = search.status;
      }
      if (search.groupId) {
        where.push('EXISTS (SELECT 1 FROM membership_index_memberships y WHERE y.account_id = m.account_id AND y.member_id = m.member_id AND y.group_id = @group)');
        params.group = search.groupId;
      }
      if (search.ungrouped) where.push('NOT EXISTS (SELECT 1 FROM membership_index_memberships y WHERE y.account_id = m.account_id AND y.member_id = m.member_id)');
      const from = `FROM membership_index_members m WHERE ${where.join(' AND ')}`;
      const [countSql, countArgs] = positional(`SELECT count(*) AS n ${from}`, params);
      const total = Number(storage.prepare(countSql).get(...countArgs)?.n ?? 0);
      const direction = search.direction === 'desc' ? 'DESC' : 'ASC';
      const sql = `SELECT m.*, (SELECT count(*) FROM membership_index_memberships y WHERE y.account_id = m.account_id AND y.member_id = m.member_id) AS group_count
        ${from} ORDER BY ${SORT[search.sort]} ${direction}, m.email COLLATE NOCASE, m.member_id LIMIT @limit OFFSET @offset`;
      const withPage = { ...params, limit: search.perPage, offset: (search.page - 1) * search.perPage };
      const [pageSql, pageArgs] = positional(sql, withPage);
      const rows = storage.prepare(pageSql).all(...pageArgs);
      return {
        total,
        members: rows.map((row) => ({
          ...memberOut(row),
          groups: groupsOf.all(accountId, String(row.member_id)).map((g) => ({ id: String(g.id), name: String(g.name) })),
        })),
      };
    },

    member(accountId: string, memberId: string) {
      const row = storage.prepare('SELECT * FROM membership_index_members WHERE account_id = ? AND member_id = ?').get(accountId, memberId);
      if (!row) return null;
      const groups = storage
        .prepare(
          `SELECT g.* FROM membership_index_memberships x
            JOIN membership_index_groups g ON g.account_id = x.account_id AND g.group_id = x.group_id
            WHERE x.account_id = ? AND x.member_id = ? ORDER BY g.name COLLATE NOCASE`,
        )
        .all(accountId, memberId)
        .map((g) => ({
          id: String(g.group_id),
          name: String(g.name),
          created_on: String(g.created_on),
          modified_on: String(g.modified_on),
          policies: JSON.parse(String(g.policies)) as unknown[],
        }));
      return { member: memberOut(row), groups };
    },

    /**
     * How many people the index holds in each of these groups, in one query: null for a group
     * whose members it has not read yet (unknown, not zero).
     */
    memberCounts(accountId: string, groupIds: readonly string[]): Record<string, number | null> {
      const counts: Record<string, number | null> = Object.fromEntries(groupIds.map((id) => [id, null]));
      if (!groupIds.length) return counts;
      const rows = storage
        .prepare(
          `SELECT g.group_id AS id, (SELECT count(*) FROM membership_index_memberships x
              WHERE x.account_id = g.account_id AND x.group_id = g.group_id) AS member_count
            FROM membership_index_groups g
            WHERE g.account_id = ? AND g.synced_modified_on IS NOT NULL AND g.group_id IN (SELECT value FROM json_each(?))`,
        )
        // The ids as one JSON parameter: a Durable Object's SQLite binds at most 100 per statement.
        .all(accountId, JSON.stringify(groupIds));
      for (const row of rows) counts[String(row.id)] = Number(row.member_count);
      return counts;
    },

    /**
     * The names of some members (a page of a group's Members tab), in one read: "First Last", or
     * null when the account has no name for them (a pending invitee); ids the index has not
     * listed are absent.
     */
    memberNames(accountId: string, memberIds: readonly string[]): Record<string, string | null> {
      const names: Record<string, string | null> = {};
      if (!memberIds.length) return names;
      const rows = storage
        .prepare('SELECT member_id, first_name, last_name FROM membership_index_members WHERE account_id = ? AND member_id IN (SELECT value FROM json_each(?))')
        .all(accountId, JSON.stringify(memberIds));
      for (const row of rows) {
        const name = [row.first_name, row.last_name].filter((part) => typeof part === 'string' && part.trim()).join(' ');
        names[String(row.member_id)] = name || null;
      }
      return names;
    },

    /** Groups by name substring, with how many people the index holds in each. */
    searchGroups(accountId: string, q: string, limit: number) {
      return storage
        .prepare(
          `SELECT g.group_id AS id, g.name, (SELECT count(*) FROM membership_index_memberships x
              WHERE x.account_id = g.account_id AND x.group_id = g.group_id) AS member_count
            FROM membership_index_groups g WHERE g.account_id = ? AND g.name LIKE ? ESCAPE '\\'
            ORDER BY g.name COLLATE NOCASE LIMIT ?`,
        )
        .all(accountId, contains(q), limit)
        .map((g) => ({ id: String(g.id), name: String(g.name), member_count: Number(g.member_count) }));
    },
  };
}

/** A member's own roles and member policies, when the index keeps any. */
function directOut(json: unknown): { roles?: unknown[]; policies?: unknown[] } {
  if (typeof json !== 'string' || !json) return {};
  try {
    const parsed = JSON.parse(json) as { roles?: unknown; policies?: unknown };
    return { ...(Array.isArray(parsed.roles) ? { roles: parsed.roles } : {}), ...(Array.isArray(parsed.policies) ? { policies: parsed.policies } : {}) };
  } catch {
    return {};
  }
}

function memberOut(row: Record<string, unknown>) {
  return {
    id: String(row.member_id),
    email: String(row.email),
    first_name: (row.first_name as string | null) ?? null,
    last_name: (row.last_name as string | null) ?? null,
    status: String(row.status),
    ...directOut(row.direct_grants),
    last_change: row.last_change === null || row.last_change === undefined ? null : new Date(Number(row.last_change)).toISOString(),
  };
}

/**
 * ConsoleStorage takes positional parameters (what both runtimes share), so named ones are
 * turned into `?` order here.
 */
function positional(sql: string, params: Record<string, string | number>): [string, Array<string | number>] {
  const args: Array<string | number> = [];
  const text = sql.replace(/@(\w+)/g, (_, name: string) => {
    args.push(params[name]!);
    return '?';
  });
  return [text, args];
}
