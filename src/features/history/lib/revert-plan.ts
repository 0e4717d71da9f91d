import type { HistoryEntry } from '@/api/history/schema';
import { asGroup, asMembers, type GroupSnapshot, type MemberSnapshot } from './snapshots';

/**
 * What "Revert this change" would do for one entry, decided from the recorded states alone. Every
 * plan is applied through a review (the composer's for policies, a revert review for the rest);
 * nothing here writes. What cannot be reverted says why, plainly.
 */
export type RevertPlan =
  | { kind: 'policies'; groupId: string; policies: GroupSnapshot['policies']; rename?: string }
  | { kind: 'rename'; groupId: string; from: string; to: string }
  | { kind: 'members'; groupId: string; add: MemberSnapshot[]; remove: MemberSnapshot[] }
  | { kind: 'recreate-group'; group: GroupSnapshot & { name: string } }
  | { kind: 'delete-group'; groupId: string; name: string }
  | { kind: 'none'; reason: string };

const samePolicies = (a: GroupSnapshot, b: GroupSnapshot) => JSON.stringify(a.policies) === JSON.stringify(b.policies);

function none(reason: string): RevertPlan {
  return { kind: 'none', reason };
}

export function planRevert(entry: HistoryEntry): RevertPlan {
  if (!entry.result.success) return none('This request was refused by the API, so nothing changed and there is nothing to revert.');
  const { type, id } = entry.resource;
  if (type === 'sso_connector') {
    return none(
      'SSO changes are not reverted from here: a domain verification cannot be undone, and turning SSO on or off affects every user of the domain. Use the SSO page to change it deliberately.',
    );
  }
  if (type === 'oauth_client') {
    return entry.action === 'rotate_secret' || entry.action === 'create'
      ? none('A client secret is shown only once and is not kept, so it cannot be brought back. Rotate again from the client’s page if needed.')
      : none('OAuth client changes are not reverted from here; edit the client to change its fields back (the diff above shows the old values).');
  }
  if (type === 'resource_group') return none('Resource group changes are not reverted from here; the diff above shows the old name and scope to restore on the Resource groups page.');
  if (!id) return none('This entry does not say which resource it changed.');

  if (type === 'user_group_members') {
    const before = asMembers(entry.before);
    const after = asMembers(entry.after);
    if (!before || !after) return none('The membership before or after this change was not recorded, so its inverse is unknown.');
    const afterIds = new Set(after.map((m) => m.id));
    const beforeIds = new Set(before.map((m) => m.id));
    const remove = after.filter((m) => !beforeIds.has(m.id));
    const add = before.filter((m) => !afterIds.has(m.id));
    if (!add.length && !remove.length) return none('This change did not alter the membership.');
    return { kind: 'members', groupId: id, add, remove };
  }
  if (type !== 'user_group') return none('This kind of change cannot be reverted from the console.');

  const before = asGroup(entry.before);
  const after = asGroup(entry.after);
  if (entry.action === 'create') return after?.name ? { kind: 'delete-group', groupId: id, name: after.name } : none('The created group was not recorded.');
  if (entry.action === 'delete') {
    if (!before?.name) return none('The deleted group’s state was not recorded, so it cannot be re-created.');
    return { kind: 'recreate-group', group: { ...before, name: before.name } };
  }
  if (!before || !after) return none('The group before or after this change was not recorded, so its inverse is unknown.');
  const renamed = before.name && after.name && before.name !== after.name ? before.name : undefined;
  if (!samePolicies(before, after)) return { kind: 'policies', groupId: id, policies: before.policies, ...(renamed ? { rename: renamed } : {}) };
  if (renamed) return { kind: 'rename', groupId: id, from: after.name!, to: renamed };
  return none('This change did not alter the group’s name or policies.');
}
