import { createFileRoute } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { resourceGroupsQuery } from '@/api/resource-groups/queries';
import { prefetchZoneNames } from '@/api/zones/queries';
import { ResourceGroupsPage } from '@/features/resource-groups/components/resource-groups-page';
import { optionalText } from '@/lib/search-params';

const searchSchema = z.object({ q: optionalText() });

export const Route = createFileRoute('/accounts/$accountId/resource-groups/')({
  validateSearch: searchSchema,
  // The search is client-side over the one unpaginated list, so it is not a loader dependency.
  loader: ({ context }) => {
    prefetchZoneNames(context.queryClient, context.accountId);
    return context.queryClient.ensureQueryData(resourceGroupsQuery(context.accountId));
  },
  component: function ResourceGroupsRoute() {
    return <ResourceGroupsPage search={Route.useSearch().q} />;
  },
});
