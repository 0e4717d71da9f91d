import { createFileRoute } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { permissionGroupsQuery } from '../../api/queries/permission-groups';
import { PermissionGroupsList } from '../../features/permission-groups/components/permission-groups-list';
import { boundedInt, optionalText } from '../../lib/search-params';

const searchSchema = z.object({
  page: boundedInt(1, 1_000_000, 1),
  per_page: boundedInt(5, 50, 20),
  name: optionalText(),
  label: optionalText(),
});

export const Route = createFileRoute('/permission-groups/')({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(permissionGroupsQuery(context.accountId, deps)),
  component: function PermissionGroupsRoute() {
    return <PermissionGroupsList params={Route.useSearch()} />;
  },
});
