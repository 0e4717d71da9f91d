import type { ConsoleStorage } from '../storage.ts';

export interface IndexedMember {
  id: string;
  email?: string;
  status?: string;
}

/**
 * What the index knows of one group, for the journal: its name, and its members when the index
 * has read them (null before). Nothing here asks the API.
 */
export interface GroupLookup {
  group(accountId: string, groupId: string): { name: string; members: IndexedMember[] | null } | null;
  member(accountId: string, memberId: string): IndexedMember | null;
}

export function createGroupLookup(storage: ConsoleStorage): GroupLookup {
  return {
    group(accountId, groupId) {
      const row = storage
        .prepare('SELECT name, synced_modified_on FROM membership_index_groups WHERE account_id = ? AND group_id = ?')
        .get(accountId, groupId) as { name: string; synced_modified_on: string | null } | undefined;
      if (!row) return null;
      if (row.synced_modified_on === null) return { name: row.name, members: null };
      const members = storage
        .prepare(
          `SELECT x.member_id AS id, m.email AS email, m.status AS status FROM membership_index_memberships x
             LEFT JOIN membership_index_members m ON m.account_id = x.account_id AND m.member_id = x.member_id
             WHERE x.account_id = ? AND x.group_id = ? ORDER BY m.email`,
        )
        .all(accountId, groupId) as Array<{ id: string; email: string | null; status: string | null }>;
      return { name: row.name, members: members.map(memberOut) };
    },
    member(accountId, memberId) {
      const row = storage
        .prepare('SELECT member_id AS id, email, status FROM membership_index_members WHERE account_id = ? AND member_id = ?')
        .get(accountId, memberId) as { id: string; email: string | null; status: string | null } | undefined;
      return row ? memberOut(row) : null;
    },
  };
}

function memberOut(row: { id: string; email: string | null; status: string | null }): IndexedMember {
  return { id: row.id, ...(row.email ? { email: row.email } : {}), ...(row.status ? { status: row.status } : {}) };
}
