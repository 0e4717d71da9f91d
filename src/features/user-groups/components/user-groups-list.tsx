import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { UserGroupListParams } from '../../../api/endpoints/iam';
import { PageHeader } from '../../../components/layout/page-header';
import { EmptyState } from '../../../components/ui/empty-state';
import { formatDate } from '../../../lib/format';
import { useAccountId } from '../../../stores/current-account';
import { userGroupsQuery } from '../../../api/queries/user-groups';

export function UserGroupsList({ params }: { params: UserGroupListParams }) {
  const accountId = useAccountId();
  const { data } = useSuspenseQuery(userGroupsQuery(accountId, params));
  const groups = data.result;
  return (
    <div className="page">
      <PageHeader title="User groups" description="Groups of account members and the policies that grant them access." />
      {groups.length === 0 ? (
        <EmptyState title="No user groups yet">Create a group to give several members the same access at once.</EmptyState>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Policies</th>
              <th scope="col">Created</th>
              <th scope="col">Modified</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.id}>
                <td>
                  <Link to="/groups/$groupId" params={{ groupId: g.id }}>
                    {g.name}
                  </Link>
                </td>
                <td>{g.policies?.length ?? 0}</td>
                <td>{formatDate(g.created_on)}</td>
                <td>{formatDate(g.modified_on)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
