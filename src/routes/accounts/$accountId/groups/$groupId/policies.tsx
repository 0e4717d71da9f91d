import { createFileRoute } from '@tanstack/react-router';
import { allPermissionGroupsQuery } from '@/api/permission-groups/queries';
import { resourceGroupsQuery } from '@/api/resource-groups/queries';
import { prefetchZoneNames } from '@/api/zones/queries';
import { PolicyComposer } from '@/features/user-groups/components/policy-composer/policy-composer';

export const Route = createFileRoute('/accounts/$accountId/groups/$groupId/policies')({
  // The group itself is loaded by the parent route; the pickers need both catalogues.
  loader: ({ context }) => {
    prefetchZoneNames(context.queryClient, context.accountId);
    return Promise.all([
      context.queryClient.ensureQueryData(allPermissionGroupsQuery(context.accountId)),
      context.queryClient.ensureQueryData(resourceGroupsQuery(context.accountId)),
    ]);
  },
  component: function PoliciesRoute() {
    const { groupId } = Route.useParams();
    return <PolicyComposer groupId={groupId} />;
  },
});
