import { createFileRoute } from '@tanstack/react-router';
import { GroupMembersPlaceholder } from '../../../features/user-groups/components/group-members-placeholder';

export const Route = createFileRoute('/groups/$groupId/members')({
  component: function MembersRoute() {
    const { groupId } = Route.useParams();
    return <GroupMembersPlaceholder groupId={groupId} />;
  },
});
