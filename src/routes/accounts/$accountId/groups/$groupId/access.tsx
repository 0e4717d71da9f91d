import { createFileRoute } from '@tanstack/react-router';
import { prefetchZoneNames } from '@/api/zones/queries';
import { GroupAccess } from '@/features/user-groups/components/effective-access/group-access';

export const Route = createFileRoute('/accounts/$accountId/groups/$groupId/access')({
  loader: ({ context }) => prefetchZoneNames(context.queryClient, context.accountId),
  component: function AccessRoute() {
    const { groupId } = Route.useParams();
    return <GroupAccess groupId={groupId} />;
  },
});
