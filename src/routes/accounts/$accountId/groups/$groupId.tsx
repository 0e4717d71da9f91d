import { createFileRoute } from '@tanstack/react-router';
import { userGroupQuery } from '../../../../api/queries/user-groups';
import { UserGroupLayout } from '../../../../features/user-groups/components/user-group-layout';

export const Route = createFileRoute('/accounts/$accountId/groups/$groupId')({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(userGroupQuery(context.accountId, params.groupId)),
  component: function UserGroupRoute() {
    const { groupId } = Route.useParams();
    return <UserGroupLayout groupId={groupId} />;
  },
});
