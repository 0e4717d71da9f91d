import { createFileRoute, Link } from '@tanstack/react-router';
import { userGroupQuery } from '@/api/user-groups/queries';
import { ResourceRouteError } from '@/components/layout/missing-resource';
import { UserGroupLayout } from '@/features/user-groups/components/user-group-layout';

export const Route = createFileRoute('/accounts/$accountId/groups/$groupId')({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(userGroupQuery(context.accountId, params.groupId)),
  component: function UserGroupRoute() {
    const { groupId } = Route.useParams();
    return <UserGroupLayout groupId={groupId} />;
  },
  // The group's tabs fail here too: a deleted group says so, whichever tab the link opened.
  errorComponent: function UserGroupError(props) {
    const { accountId, groupId } = Route.useParams();
    const back = (
      <Link to="/accounts/$accountId/groups" params={{ accountId }} className="btn">
        Back to user groups
      </Link>
    );
    return <ResourceRouteError {...props} noun="user group" id={groupId} back={back} />;
  },
});
