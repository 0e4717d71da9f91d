import { useSuspenseQuery } from '@tanstack/react-query';
import { userGroupQuery } from '../../../api/queries/user-groups';
import { formatDateTime } from '../../../lib/format';
import { useAccountId } from '../../../stores/current-account';

export function UserGroupOverview({ groupId }: { groupId: string }) {
  const accountId = useAccountId();
  const { data: group } = useSuspenseQuery(userGroupQuery(accountId, groupId));
  return (
    <section className="card" aria-labelledby="overview-heading">
      <h2 id="overview-heading">Details</h2>
      <dl className="details">
        <dt>Name</dt>
        <dd>{group.name}</dd>
        <dt>ID</dt>
        <dd className="mono">{group.id}</dd>
        <dt>Created</dt>
        <dd>{formatDateTime(group.created_on)}</dd>
        <dt>Modified</dt>
        <dd>{formatDateTime(group.modified_on)}</dd>
      </dl>
    </section>
  );
}
