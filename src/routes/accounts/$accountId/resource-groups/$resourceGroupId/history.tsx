import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { resourceGroupsQuery } from '@/api/resource-groups/queries';
import { ResourceHistoryPage } from '@/features/history/components/resource-history-page';

export const Route = createFileRoute('/accounts/$accountId/resource-groups/$resourceGroupId/history')({
  // The list, not the detail: a deleted group's history is still worth reading.
  loader: ({ context }) => context.queryClient.ensureQueryData(resourceGroupsQuery(context.accountId)),
  component: function ResourceGroupHistoryRoute() {
    const { resourceGroupId } = Route.useParams();
    const { accountId } = Route.useRouteContext();
    const { data: groups } = useSuspenseQuery(resourceGroupsQuery(accountId));
    const name = groups.find((g) => g.id === resourceGroupId)?.name ?? resourceGroupId;
    return (
      <ResourceHistoryPage
        back={<Link to="/accounts/$accountId/resource-groups" params={{ accountId }}>Resource groups</Link>}
        title={`History: ${name}`}
        resourceType="resource_group"
        resourceId={resourceGroupId}
        noun="this resource group"
      />
    );
  },
});
