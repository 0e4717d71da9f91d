import { useSuspenseQuery } from '@tanstack/react-query';
import { userGroupQuery } from '../../../api/queries/user-groups';
import { Badge } from '../../../components/ui/badge';
import { EmptyState } from '../../../components/ui/empty-state';
import { useAccountId } from '../../../stores/current-account';

/** Read-only list of a group's policies. */
export function PolicySummary({ groupId }: { groupId: string }) {
  const accountId = useAccountId();
  const { data: group } = useSuspenseQuery(userGroupQuery(accountId, groupId));
  const policies = group.policies ?? [];
  if (policies.length === 0) {
    return <EmptyState title="No policies">Members of this group get no access until a policy allows something.</EmptyState>;
  }
  return (
    <ul className="policy-summary">
      {policies.map((p, i) => (
        <li key={p.id ?? i} className="card">
          <Badge tone={p.access === 'deny' ? 'danger' : 'success'}>{p.access === 'deny' ? 'Deny' : 'Allow'}</Badge>{' '}
          {(p.permission_groups ?? []).map((pg) => pg.name ?? pg.id).join(', ')} on{' '}
          {(p.resource_groups ?? []).map((rg) => rg.name ?? rg.id).join(', ')}
        </li>
      ))}
    </ul>
  );
}
