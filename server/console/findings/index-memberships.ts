import type { MembershipIndex } from '../membership-index/service.ts';
import type { ConsoleStorage } from '../storage.ts';
import type { SnapshotMember } from '../../../src/lib/analyzer/snapshot.ts';
import type { MembershipSource } from './snapshot-source.ts';

/**
 * Memberships (and members) from the membership index (server/console/membership-index/): two
 * queries on the console store, no request to Cloudflare. Until the index's first pass is done
 * the answer is unknown (null), so the membership rules stay silent rather than report every
 * group as empty. Reads the index's own tables, the one place that knows every membership at once.
 */
/** The roles and member policies the index keeps for a member (see membership-index/builder.ts). */
export function readDirectGrants(json: unknown): Pick<SnapshotMember, 'roles' | 'policies'> {
  if (typeof json !== 'string' || !json) return {};
  try {
    const parsed = JSON.parse(json) as { roles?: unknown; policies?: unknown };
    return {
      ...(Array.isArray(parsed.roles) && parsed.roles.length ? { roles: parsed.roles as SnapshotMember['roles'] } : {}),
      ...(Array.isArray(parsed.policies) && parsed.policies.length ? { policies: parsed.policies as SnapshotMember['policies'] } : {}),
    };
  } catch {
    return {};
  }
}

export function indexMembershipSource(index: Pick<MembershipIndex, 'ensure' | 'asOf'>, storage: ConsoleStorage): MembershipSource {
  const memberships = storage.prepare('SELECT group_id, member_id FROM membership_index_memberships WHERE account_id = ? ORDER BY group_id');
  const members = storage.prepare('SELECT member_id, email, first_name, last_name, status, direct_grants FROM membership_index_members WHERE account_id = ?');
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
          return {
            id: String(row.member_id),
            email: String(row.email),
            status: row.status === 'pending' ? ('pending' as const) : ('accepted' as const),
            ...(name ? { name } : {}),
            ...readDirectGrants(row.direct_grants),
          };
        }),
        source: 'index',
        asOf,
      };
    },
  };
}
