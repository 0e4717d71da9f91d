import { createFileRoute } from '@tanstack/react-router';
import { UserGroupOverview } from '../../../features/user-groups/components/user-group-overview';

export const Route = createFileRoute('/groups/$groupId/')({
  component: function OverviewRoute() {
    const { groupId } = Route.useParams();
    return <UserGroupOverview groupId={groupId} />;
  },
});
