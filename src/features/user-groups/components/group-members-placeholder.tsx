import { useQuery } from '@tanstack/react-query';
import { listGroupMembers } from '../../../api/endpoints/iam';
import { useAccountId } from '../../../stores/current-account';

/** Read-only first page of members until the members view lands. */
export function GroupMembersPlaceholder({ groupId }: { groupId: string }) {
  const accountId = useAccountId();
  const { data } = useQuery({
    queryKey: ['accounts', accountId, 'user-groups', 'detail', groupId, 'members', { page: 1 }],
    queryFn: () => listGroupMembers(accountId, groupId, { page: 1, per_page: 50 }),
  });
  return (
    <ul>
      {(data?.result ?? []).map((m) => (
        <li key={m.id}>{m.email}</li>
      ))}
    </ul>
  );
}
