import type { Finding } from '../finding';
import type { SnapshotIndex } from '../snapshot-index';
import type { SnapshotUserGroup } from '../snapshot';
import { groupObject, memberObject } from './objects';
import { pluralize } from '../../format';
import { PENDING_INVITEE_FIX, PENDING_INVITEE_RISK } from '../../pending-invitees';

/** A policy grants something only with at least one permission group and one resource group. */
const grantsAccess = (g: SnapshotUserGroup) =>
  (g.policies ?? []).some((p) => (p.access ?? 'allow') === 'allow' && p.permission_groups?.length && p.resource_groups?.length);

export function emptyGroupFindings(index: SnapshotIndex): Finding[] {
  const findings: Finding[] = [];
  for (const group of index.snapshot.userGroups) {
    const members = index.membersOf(group.id).length;
    if (members === 0 && grantsAccess(group)) {
      findings.push({
        id: `group-without-members:${group.id}`,
        kind: 'group-without-members',
        severity: 'info',
        title: `${group.name} grants access but has no members`,
        why: 'Its policies reach nobody today, yet whoever is added later gets all of them at once, so it should be a group someone means to use.',
        affected: [groupObject(group)],
        fix: { action: 'Add the people it is for, or delete the group.', target: { screen: 'group-members', groupId: group.id } },
      });
    }
    if (members > 0 && (group.policies ?? []).length === 0) {
      findings.push({
        id: `group-without-policies:${group.id}`,
        kind: 'group-without-policies',
        severity: 'info',
        title: `${group.name} has ${pluralize(members, 'member')} but no policies`,
        why: 'Its members get nothing from it, and a policy added later would silently reach all of them.',
        affected: [groupObject(group)],
        fix: { action: 'Remove its members or delete the group.', target: { screen: 'group-overview', groupId: group.id } },
      });
    }
  }
  return findings;
}

/** Invitations not yet accepted that already carry access through groups (one finding for all). */
export function pendingMemberFindings(index: SnapshotIndex): Finding[] {
  const pending = index.snapshot.members.filter(
    (m) => m.status === 'pending' && index.groupsOf(m.id).some((id) => index.policiesOf(id).some((p) => p.access === 'allow')),
  );
  if (pending.length === 0) return [];
  const groupIds = [...new Set(pending.flatMap((m) => index.groupsOf(m.id)))];
  const groups = groupIds.map((id) => index.groupById.get(id)!).filter((g) => grantsAccess(g));
  return [
    {
      id: 'pending-member-with-access',
      kind: 'pending-member-with-access',
      severity: 'warning',
      title: `${pluralize(pending.length, 'pending member')} already ${pending.length === 1 ? 'holds' : 'hold'} access through groups`,
      why: PENDING_INVITEE_RISK,
      affected: [...pending.map(memberObject), ...groups.map(groupObject)],
      fix: {
        action: PENDING_INVITEE_FIX,
        target: { screen: 'member', memberId: pending[0]!.id },
      },
    },
  ];
}
