import { createFileRoute } from '@tanstack/react-router';
import { resourceGroupsQuery } from '../../api/queries/resource-groups';
import { ResourceGroupsList } from '../../features/resource-groups/components/resource-groups-list';

export const Route = createFileRoute('/resource-groups/')({
  loader: ({ context }) => context.queryClient.ensureQueryData(resourceGroupsQuery(context.accountId)),
  component: ResourceGroupsList,
});
