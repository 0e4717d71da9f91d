import { useSuspenseQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { userGroupQuery } from '@/api/user-groups/queries';
import { AccessMatrixView, AccessModelNote } from '@/components/access-matrix/access-matrix';
import { useKeyNames } from '@/components/scope-builder/use-key-names';
import { computeEffectiveAccess, groupAccessPolicies } from '@/lib/effective-access';
import { resourceGroupLabel, scopesOfPolicies } from '@/lib/scope-keys';
import { useAccountId } from '@/stores/current-account';
import { GroupMembersAccessList } from './group-members-access-list';

/** A group's effective access: what its saved policies grant and deny, cell by cell. */
export function GroupAccess({ groupId }: { groupId: string }) {
  const accountId = useAccountId();
  const { data: group } = useSuspenseQuery(userGroupQuery(accountId, groupId));
  const names = useKeyNames(scopesOfPolicies(group.policies));
  const matrix = useMemo(() => computeEffectiveAccess(groupAccessPolicies(group, (rg) => resourceGroupLabel(rg, names))), [group, names]);

  return (
    <div className="group-access">
      <section aria-labelledby="group-access-heading">
        <h2 id="group-access-heading">Effective access</h2>
        <p className="muted">
          What members of {group.name} can do through this group’s saved policies (a draft is not included). Choose a cell to see which policy
          decides it.
        </p>
        <AccessMatrixView matrix={matrix} names={names} caption={`Effective access of ${group.name}`} />
        <AccessModelNote />
      </section>
      <GroupMembersAccessList groupId={groupId} />
    </div>
  );
}
