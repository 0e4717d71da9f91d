import { createFileRoute } from '@tanstack/react-router';
import { ResourceHistory } from '@/features/history/components/resource-history';

export const Route = createFileRoute('/accounts/$accountId/groups/$groupId/history')({
  component: function GroupHistoryRoute() {
    const { groupId } = Route.useParams();
    return <ResourceHistory resourceType="user_group" resourceId={groupId} noun="this group" />;
  },
});
