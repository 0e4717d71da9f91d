import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { allUserGroupsQuery } from '@/api/user-groups/queries';
import { Badge } from '@/components/ui/badge';
import { ErrorBanner } from '@/components/ui/error-banner';
import { useKeyNames } from '@/components/scope-builder/use-key-names';
import { pluralize } from '@/lib/format';
import { countPolicies, policiesUsingPermissionGroup } from '@/lib/policy-references';
import { resourceGroupLabel, scopesOfPolicies } from '@/lib/scope-keys';
import { useMemo } from 'react';
import { useAccountId } from '@/stores/current-account';

/** Which user groups' policies grant or deny this permission group, on which resource groups. */
export function PermissionGroupUsedBy({ permissionGroupId }: { permissionGroupId: string }) {
  const accountId = useAccountId();
  const query = useQuery(allUserGroupsQuery(accountId));
  const names = useKeyNames(useMemo(() => (query.data ?? []).flatMap((g) => scopesOfPolicies(g.policies)), [query.data]));

  if (query.isError) {
    return <ErrorBanner error={query.error} title="Could not read the user groups" onRetry={() => void query.refetch()} />;
  }
  if (!query.data) {
    return (
      <p className="muted" role="status">
        Reading every user group's policies…
      </p>
    );
  }
  const refs = policiesUsingPermissionGroup(query.data, permissionGroupId);
  if (refs.length === 0) {
    return (
      <p className="muted" role="status">
        No user group's policy uses this permission group. To grant it, add a policy to a user group.
      </p>
    );
  }
  return (
    <>
      <p className="muted" role="status">
        {pluralize(refs.length, 'user group')}, {pluralize(countPolicies(refs), 'policy', 'policies')}
        {query.isFetching ? ' (checking for changes…)' : ''}
      </p>
      <ul className="used-by">
        {refs.map(({ group, policies }) => (
          <li key={group.id}>
            <Link to="/accounts/$accountId/groups/$groupId/policies" params={{ accountId, groupId: group.id }}>
              {group.name}
            </Link>
            <ul>
              {policies.map((p, i) => (
                <li key={p.id ?? i}>
                  <Badge tone={p.access === 'deny' ? 'danger' : 'success'}>{p.access}</Badge>{' '}
                  {p.resourceGroups.length
                    ? `on ${p.resourceGroups.map((rg) => resourceGroupLabel(rg, names)).join(', ')}`
                    : 'on no resource group'}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
