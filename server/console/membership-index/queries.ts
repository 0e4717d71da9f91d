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

export interface GroupSearch {
  q?: string;
  sort: keyof typeof GROUP_SORT;
  direction: 'asc' | 'desc';
  /** admin: groups with an admin grant; empty: groups read and found with no members. */
  filter?: 'admin' | 'empty';
  page: number;
  perPage: number;
}

/** Whole-account group orders; a group whose members are not read yet has no count and sorts last. */
const GROUP_SORT = {
  name: 'g.name COLLATE NOCASE',
  members: 'member_count',
  policies: 'json_array_length(g.policies)',
  created_on: 'g.created_on',
  modified_on: 'g.modified_on',
} as const;
export const GROUP_SORTS = Object.keys(GROUP_SORT) as Array<keyof typeof GROUP_SORT>;

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

  /**
   * How many of the account's groups the index has not read the members of: listed but not read
   * (or changed since), plus those the group list has not reached (its total_count says how many).
   */
  function unreadGroups(accountId: string): number {
    const row = storage
      .prepare(
        `SELECT count(*) AS listed, coalesce(sum(synced_modified_on IS NULL OR synced_modified_on <> modified_on), 0) AS stale,
            (SELECT groups_total FROM membership_index_accounts WHERE account_id = ?) AS total
          FROM membership_index_groups WHERE account_id = ?`,
      )
      .get(accountId, accountId)!;
    const notListed = row.total === null || row.total === undefined ? 0 : Math.max(0, Number(row.total) - Number(row.listed));
    return Number(row.stale) + notListed;
  }
  const lookedUpAt = storage.prepare('SELECT looked_up_at FROM membership_index_person_lookups WHERE account_id = ? AND member_id = ?');
  /** A person's groups are known when every group is read, or they were looked up directly. */
  function groupsKnown(accountId: string, memberId: string, unread: number) {
    const at = lookedUpAt.get(accountId, memberId)?.looked_up_at;
    return { groups_known: unread === 0 || (at !== null && at !== undefined), looked_up_at: at === null || at === undefined ? null : new Date(Number(at)).toISOString() };
  }

  return {
    unreadGroups,
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
      const unread = unreadGroups(accountId);
      return {
        total,
        members: rows.map((row) => ({
          ...memberOut(row),
          ...groupsKnown(accountId, String(row.member_id), unread),
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
      const unread = unreadGroups(accountId);
      return { member: { ...memberOut(row), ...groupsKnown(accountId, memberId, unread) }, groups, groups_unread: unread };
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

    /**
     * The account's groups as the index holds them, sorted and filtered over the whole account
     * (the API sorts by name only, a page at a time): member counts, policy counts, dates, admin.
     */
    listGroups(accountId: string, search: GroupSearch) {
      const where = ['g.account_id = ?'];
      const args: Array<string | number> = [accountId, accountId];
      if (search.q) {
        where.push("g.name LIKE ? ESCAPE '\\'");
        args.push(contains(search.q));
      }
      const read = 'g.synced_modified_on IS NOT NULL AND g.synced_modified_on = g.modified_on';
      if (search.filter === 'admin') where.push('g.grants_admin = 1');
      if (search.filter === 'empty') where.push(`${read} AND coalesce(c.n, 0) = 0`);
      const from = `FROM membership_index_groups g
        LEFT JOIN (SELECT group_id, count(*) AS n FROM membership_index_memberships WHERE account_id = ? GROUP BY group_id) c ON c.group_id = g.group_id
        WHERE ${where.join(' AND ')}`;
      const total = Number(storage.prepare(`SELECT count(*) AS n ${from}`).get(...args)?.n ?? 0);
      const direction = search.direction === 'desc' ? 'DESC' : 'ASC';
      const rows = storage
        .prepare(
          `SELECT g.group_id AS id, g.name, g.created_on, g.modified_on, g.policies, json_array_length(g.policies) AS policy_count, g.grants_admin,
              CASE WHEN ${read} THEN coalesce(c.n, 0) END AS member_count ${from}
            ORDER BY (member_count IS NULL AND ? = 'members'), ${GROUP_SORT[search.sort]} ${direction}, g.name COLLATE NOCASE, g.group_id
            LIMIT ? OFFSET ?`,
        )
        .all(...args, search.sort, search.perPage, (search.page - 1) * search.perPage);
      return {
        total,
        groups: rows.map((g) => ({
          id: String(g.id),
          name: String(g.name),
          created_on: String(g.created_on),
          modified_on: String(g.modified_on),
          policy_count: Number(g.policy_count),
          grants_admin: Number(g.grants_admin) === 1,
          member_count: g.member_count === null || g.member_count === undefined ? null : Number(g.member_count),
          // As the API's list gives them, so the list view shows these rows as it shows its own.
          policies: JSON.parse(String(g.policies)) as unknown[],
        })),
        unread: unreadGroups(accountId),
      };
    },

    /**
     * Which of these emails are account members, from the index alone: `unknown` are those it
     * does not hold (not members, if the member list has been read through; else still to ask).
     */
    resolveEmails(accountId: string, emails: readonly string[]) {
      const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
      const rows = storage
        .prepare(
          `SELECT member_id, email, first_name, last_name, status FROM membership_index_members
            WHERE account_id = ? AND lower(email) IN (SELECT value FROM json_each(?))`,
        )
        .all(accountId, JSON.stringify(wanted));
      const found = rows.map((row) => memberOut(row));
      const known = new Set(found.map((m) => m.email.toLowerCase()));
      return { found, unknown: wanted.filter((e) => !known.has(e)) };
    },

    /** Groups by name substring, with how many people the index holds in each. */
    searchGroups(accountId: string, q: string, limit: number) {
      return storage
        .prepare(
          `SELECT g.group_id AS id, g.name, g.grants_admin, (SELECT count(*) FROM membership_index_memberships x
              WHERE x.account_id = g.account_id AND x.group_id = g.group_id) AS member_count
            FROM membership_index_groups g WHERE g.account_id = ? AND g.name LIKE ? ESCAPE '\\'
            ORDER BY g.name COLLATE NOCASE LIMIT ?`,
        )
        .all(accountId, contains(q), limit)
        .map((g) => ({ id: String(g.id), name: String(g.name), member_count: Number(g.member_count), grants_admin: Number(g.grants_admin) === 1 }));
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
