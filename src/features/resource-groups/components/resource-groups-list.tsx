import { useSuspenseQuery } from '@tanstack/react-query';
import { PageHeader } from '../../../components/layout/page-header';
import { useAccountId } from '../../../stores/current-account';
import { resourceGroupsQuery } from '../../../api/queries/resource-groups';

export function ResourceGroupsList() {
  const accountId = useAccountId();
  const { data: groups } = useSuspenseQuery(resourceGroupsQuery(accountId));
  return (
    <div className="page">
      <PageHeader title="Resource groups" description="The account or sets of zones that a policy applies to." />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Scope objects</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((rg) => (
            <tr key={rg.id}>
              <td>{rg.name ?? rg.id}</td>
              <td>{rg.scope.reduce((n, s) => n + s.objects.length, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
