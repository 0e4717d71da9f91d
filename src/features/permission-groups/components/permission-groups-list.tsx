import { useSuspenseQuery } from '@tanstack/react-query';
import { PageHeader } from '../../../components/layout/page-header';
import { useAccountId } from '../../../stores/current-account';
import { permissionGroupsQuery, type PermissionGroupListParams } from '../../../api/queries/permission-groups';

export function PermissionGroupsList({ params }: { params: PermissionGroupListParams }) {
  const accountId = useAccountId();
  const { data } = useSuspenseQuery(permissionGroupsQuery(accountId, params));
  return (
    <div className="page">
      <PageHeader title="Permission groups" description="Cloudflare's catalogue of what a policy can allow or deny." />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Label</th>
          </tr>
        </thead>
        <tbody>
          {data.result.map((pg) => (
            <tr key={pg.id}>
              <td>{pg.name}</td>
              <td className="mono">{pg.meta?.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
