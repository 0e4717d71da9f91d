import { createFileRoute } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { UserGroupsList } from '@/features/user-groups/components/user-groups-list';
import { userGroupsQuery } from '@/api/user-groups/queries';
import { GROUP_PAGE_SIZES } from '@/features/user-groups/search-params';
import { boundedInt, optionalEnum, optionalText } from '@/lib/search-params';

// A page size the view does not offer falls back to the API's default rather than erroring.
const perPage = z._default(z.catch(z.literal(GROUP_PAGE_SIZES), 100), 100);

const searchSchema = z.object({
  page: boundedInt(1, 1_000_000, 1),
  per_page: perPage,
  q: optionalText(),
  direction: optionalEnum(['asc', 'desc'] as const),
  sort: optionalEnum(['members', 'policies', 'created', 'modified'] as const),
  filter: optionalEnum(['admin', 'empty'] as const),
});

export const Route = createFileRoute('/accounts/$accountId/groups/')({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => search,
  // Measured (bench/user-groups.ts): with the router's 500 ms default, a skeleton shown at 150 ms
  // held a 500-row table back ~0.5 s after its data had arrived. 200 ms still avoids a flash.
  pendingMinMs: 200,
  loader: ({ context, deps, cause }) => {
    // Another order than name, or a filter, is served whole-account by the membership index
    // (no Cloudflare request); only the API's own name order reads the API.
    if (deps.sort || deps.filter) return;
    const loading = context.queryClient.ensureQueryData(
      userGroupsQuery(context.accountId, { page: deps.page, per_page: deps.per_page, fuzzyName: deps.q, direction: deps.direction }),
    );
    // Typing a search or turning a page keeps the table (and the search box's focus) on screen
    // with the previous rows until the new ones arrive; only entering the page waits for data.
    if (cause === 'stay') return void loading.catch(() => {});
    return loading;
  },
  component: function UserGroupsRoute() {
    return <UserGroupsList search={Route.useSearch()} />;
  },
});
