import { createFileRoute } from '@tanstack/react-router';
import { GroupAccess } from '../../../../../features/user-groups/components/effective-access/group-access';

export const Route = createFileRoute('/accounts/$accountId/groups/$groupId/access')({
  component: function AccessRoute() {
    const { groupId } = Route.useParams();
    return <GroupAccess groupId={groupId} />;
  },
});
