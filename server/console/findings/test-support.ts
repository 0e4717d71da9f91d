import type { Db } from '../../sandbox/db/sql.ts';
import type { MembershipSource } from './snapshot-source.ts';

/**
 * For tests: the memberships straight from a sandbox database, in one query, where the real
 * app asks the membership index (index-memberships.ts). `noMembershipSource` is a source that
 * cannot answer, as the index before its first pass.
 */
export function sandboxMembershipSource(db: Db): MembershipSource {
  const rows = db.prepare(
    `SELECT m.user_group_id AS group_id, m.member_id AS member_id FROM user_group_members m
       JOIN user_groups g ON g.id = m.user_group_id WHERE g.account_id = ? ORDER BY m.user_group_id`,
  );
  return {
    async memberships(accountId) {
      const byGroup = new Map<string, string[]>();
      for (const row of rows.all(accountId) as Array<{ group_id: string; member_id: string }>) {
        const list = byGroup.get(row.group_id) ?? [];
        list.push(row.member_id);
        byGroup.set(row.group_id, list);
      }
      return { memberships: [...byGroup].map(([groupId, memberIds]) => ({ groupId, memberIds })), source: 'sandbox' };
    },
  };
}

export const noMembershipSource: MembershipSource = { memberships: async () => null };
