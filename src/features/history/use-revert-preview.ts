import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { groupMembersAllQuery, userGroupQuery } from '@/api/user-groups/queries';
import { resourceGroupsQuery } from '@/api/resource-groups/queries';
import { useKeyNames } from '@/components/scope-builder/use-key-names';
import { pluralize } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';
import { policySentences } from './lib/describe-change';
import { recreateRequest, revertedMembership } from './lib/recreate-group';
import type { RevertPlan } from './lib/revert-plan';
import { asGroup, asMembers, scopesOfStates } from './lib/snapshots';
import type { RevertWrite } from './use-apply-revert';

export interface RevertPreview {
  pending: boolean;
  error: unknown;
  /** What will be sent, once the current state is read; null when there is nothing to do. */
  write: RevertWrite | null;
  sections: Array<{ title: string; items: string[] }>;
  /** Conflicts and losses, said before anything is sent. */
  warnings: string[];
}

type Plan = Exclude<RevertPlan, { kind: 'none' } | { kind: 'policies' }>;

/**
 * The review of a revert that the composer does not handle: it reads the resource as it is now
 * (the conflict check), then says what the inverse will do and who gains or loses what.
 */
export function useRevertPreview(plan: Plan, afterState: unknown): RevertPreview {
  const accountId = useAccountId();
  const groupId = plan.kind === 'recreate-group' ? '' : plan.groupId;
  const group = useQuery({ ...userGroupQuery(accountId, groupId), enabled: Boolean(groupId), staleTime: 0, retry: false });
  // The zones the policies it describes name: the recorded group's, or the group's as it is now.
  const recorded = plan.kind === 'recreate-group' ? plan.group : null;
  const names = useKeyNames(useMemo(() => scopesOfStates([recorded, group.data]), [recorded, group.data]));
  const members = useQuery({ ...groupMembersAllQuery(accountId, groupId), enabled: plan.kind === 'members' || plan.kind === 'delete-group', retry: false });
  const resourceGroups = useQuery({ ...resourceGroupsQuery(accountId), enabled: plan.kind === 'recreate-group', staleTime: 0 });
  const empty = { write: null, sections: [], warnings: [] };
  const access = group.data ? policySentences(asGroup(group.data), names) : [];

  if (plan.kind === 'recreate-group') {
    if (resourceGroups.isPending || resourceGroups.error) return { pending: resourceGroups.isPending, error: resourceGroups.error, ...empty };
    const request = recreateRequest(plan.group, new Set(resourceGroups.data.map((rg) => rg.id)));
    const members = plan.group.members ?? [];
    return {
      pending: false,
      error: null,
      write: { kind: 'recreate-group', request },
      sections: [
        { title: `Creates the group “${plan.group.name}” with ${pluralize(request.policies.length, 'policy', 'policies')}`, items: policySentences(plan.group, names) },
        { title: `Adds ${pluralize(members.length, 'member')}, who get that access back`, items: members.map((m) => m.email ?? m.id) },
      ],
      warnings: [
        ...request.dropped,
        ...(plan.group.members ? [] : ['Its members were not recorded (the group was deleted outside this console), so it is re-created without members.']),
        'The re-created group has a new id: anything that referred to the old id (Terraform state, scripts) must be updated.',
      ],
    };
  }

  const pending = group.isPending || ((plan.kind === 'members' || plan.kind === 'delete-group') && members.isPending);
  const error = group.error ?? members.error;
  if (pending || error) return { pending, error, ...empty };
  const current = group.data!;

  if (plan.kind === 'rename') {
    return {
      pending: false,
      error: null,
      write: current.name === plan.to ? null : { kind: 'rename', groupId: plan.groupId, name: plan.to },
      sections: [{ title: 'Renames the group', items: [`“${current.name}” → “${plan.to}”`] }],
      warnings: current.name !== plan.from ? [`The group has been renamed since, to “${current.name}”; reverting renames it to “${plan.to}”.`] : [],
    };
  }
  if (plan.kind === 'delete-group') {
    const count = members.data?.length ?? 0;
    return {
      pending: false,
      error: null,
      write: { kind: 'delete-group', groupId: plan.groupId },
      sections: [{ title: `Deletes “${current.name}”: its ${pluralize(count, 'member')} lose this access`, items: access }],
      warnings: [],
    };
  }

  const now = (members.data ?? []).map((m) => m.id);
  const next = revertedMembership(now, plan.add.map((m) => m.id), plan.remove.map((m) => m.id));
  const nowSet = new Set(now);
  const adds = plan.add.filter((m) => !nowSet.has(m.id));
  const removes = plan.remove.filter((m) => nowSet.has(m.id));
  const recordedAfter = (asMembers(afterState) ?? []).map((m) => m.id).sort().join();
  const label = (m: { id: string; email?: string }) => m.email ?? m.id;
  const warnings = [
    ...(recordedAfter !== [...now].sort().join() ? ['The membership has changed since this change; only the members it touched are affected, later changes stay.'] : []),
    ...plan.add.filter((m) => nowSet.has(m.id)).map((m) => `${label(m)} is already back in the group.`),
    ...plan.remove.filter((m) => !nowSet.has(m.id)).map((m) => `${label(m)} has already left the group.`),
  ];
  return {
    pending: false,
    error: null,
    write: adds.length || removes.length ? { kind: 'members', groupId: plan.groupId, memberIds: next } : null,
    sections: [
      { title: `Adds back ${pluralize(adds.length, 'member')}, who gain this group’s access`, items: adds.map(label) },
      { title: `Removes ${pluralize(removes.length, 'member')}, who lose it`, items: removes.map(label) },
      { title: `The group’s access (“${current.name}”)`, items: access.length ? access : ['No policies: membership grants nothing.'] },
    ],
    warnings,
  };
}
