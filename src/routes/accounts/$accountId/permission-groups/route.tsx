import { createFileRoute, Outlet } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { permissionGroupsQuery } from '@/api/permission-groups/queries';
import { PermissionGroupsPage } from '@/features/permission-groups/components/permission-groups-page';
import { boundedInt, optionalText } from '@/lib/search-params';

const searchSchema = z.object({
  page: boundedInt(1, 1_000_000, 1),
  per_page: boundedInt(5, 50, 20),
  name: optionalText(),
  label: optionalText(),
  id: optionalText(64),
});

/** The list is a layout: the detail panel (/permission-groups/$permissionGroupId) opens beside it. */
export const Route = createFileRoute('/accounts/$accountId/permission-groups')({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps, cause }) => {
    const query = permissionGroupsQuery(context.accountId, deps);
    // Typing a filter stays on this route: the table shows the previous page, dimmed, while the
    // next loads, instead of the whole page falling back to a skeleton and losing focus.
    if (cause === 'stay') return void context.queryClient.prefetchQuery(query);
    return context.queryClient.ensureQueryData(query);
  },
  component: function PermissionGroupsRoute() {
    return (
      <PermissionGroupsPage params={Route.useSearch()}>
        <Outlet />
      </PermissionGroupsPage>
    );
  },
});
