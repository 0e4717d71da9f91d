import { createFileRoute } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { UserGroupsList } from '../../features/user-groups/components/user-groups-list';
import { userGroupsQuery } from '../../api/queries/user-groups';
import { boundedInt, optionalEnum, optionalText } from '../../lib/search-params';

const searchSchema = z.object({
  page: boundedInt(1, 1_000_000, 1),
  per_page: boundedInt(1, 500, 100),
  q: optionalText(),
  direction: optionalEnum(['asc', 'desc'] as const),
});

export const Route = createFileRoute('/groups/')({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) =>
    context.queryClient.ensureQueryData(
      userGroupsQuery(context.accountId, { page: deps.page, per_page: deps.per_page, fuzzy_name: deps.q, direction: deps.direction }),
    ),
  component: function UserGroupsRoute() {
    const search = Route.useSearch();
    return (
      <UserGroupsList
        params={{ page: search.page, per_page: search.per_page, fuzzy_name: search.q, direction: search.direction }}
      />
    );
  },
});
