import type { MembershipIndex } from '../membership-index/service.ts';
import type { ConsoleStorage } from '../storage.ts';
import type { MembershipSource } from './snapshot-source.ts';

/**
 * Memberships (and members) from the membership index (server/console/membership-index/): two
 * queries on the console store, no request to Cloudflare. Until the index's first pass is done
 * the answer is unknown (null), so the membership rules stay silent rather than report every
 * group as empty. Reads the index's own tables, the one place that knows every membership at once.
 */
export function indexMembershipSource(index: Pick<MembershipIndex, 'ensure' | 'asOf'>, storage: ConsoleStorage): MembershipSource {
  const memberships = storage.prepare('SELECT group_id, member_id FROM membership_index_memberships WHERE account_id = ? ORDER BY group_id');
  const members = storage.prepare('SELECT member_id, email, first_name, last_name, status FROM membership_index_members WHERE account_id = ?');
  return {
    asOf: (accountId) => index.asOf(accountId),
    async memberships(accountId) {
      index.ensure(accountId);
      const asOf = index.asOf(accountId);
      if (!asOf) return null;
      const byGroup = new Map<string, string[]>();
      for (const row of memberships.all(accountId)) {
        const list = byGroup.get(String(row.group_id)) ?? [];
        list.push(String(row.member_id));
        byGroup.set(String(row.group_id), list);
      }
      return {
        memberships: [...byGroup].map(([groupId, memberIds]) => ({ groupId, memberIds })),
        members: members.all(accountId).map((row) => {
          const name = [row.first_name, row.last_name].filter(Boolean).join(' ');
          return { id: String(row.member_id), email: String(row.email), status: row.status === 'pending' ? ('pending' as const) : ('accepted' as const), ...(name ? { name } : {}) };
        }),
        source: 'index',
        asOf,
      };
    },
  };
}
