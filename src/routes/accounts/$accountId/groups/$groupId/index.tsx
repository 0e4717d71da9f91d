import { createFileRoute } from '@tanstack/react-router';
import { groupMembersQuery } from '@/api/user-groups/queries';
import { UserGroupOverview } from '@/features/user-groups/components/user-group-overview';
import { MEMBER_COUNT_PARAMS } from '@/features/user-groups/search-params';

export const Route = createFileRoute('/accounts/$accountId/groups/$groupId/')({
  // The member count comes with the page, not after it (no request waterfall).
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(groupMembersQuery(context.accountId, params.groupId, MEMBER_COUNT_PARAMS)),
  component: function OverviewRoute() {
    const { groupId } = Route.useParams();
    return <UserGroupOverview groupId={groupId} />;
  },
});
