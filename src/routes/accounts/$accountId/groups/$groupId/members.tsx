import { createFileRoute } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { groupMembersQuery } from '@/api/user-groups/queries';
import { GroupMembers } from '@/features/user-groups/components/group-members';
import { GROUP_PAGE_SIZES } from '@/features/user-groups/search-params';
import { boundedInt, optionalEnum, optionalText } from '@/lib/search-params';

const searchSchema = z.object({
  page: boundedInt(1, 1_000_000, 1),
  per_page: z._default(z.catch(z.literal(GROUP_PAGE_SIZES), 50), 50),
  q: optionalText(90),
  direction: optionalEnum(['asc', 'desc'] as const),
  member: optionalText(64),
});

export const Route = createFileRoute('/accounts/$accountId/groups/$groupId/members')({
  validateSearch: searchSchema,
  // The open member panel is not part of the list's data: opening it must not reload the list.
  loaderDeps: ({ search: { page, per_page, q, direction } }) => ({ page, per_page, q, direction }),
  // The router's 500 ms minimum for a shown skeleton held big pages back after their data came.
  pendingMinMs: 200,
  loader: ({ context, params, deps, cause }) => {
    const loading = context.queryClient.ensureQueryData(
      groupMembersQuery(context.accountId, params.groupId, {
        page: deps.page,
        per_page: deps.per_page,
        fuzzyEmail: deps.q,
        direction: deps.direction,
      }),
    );
    // Searching or paging keeps the table and the search box's focus; only entering waits.
    if (cause === 'stay') return void loading.catch(() => {});
    return loading;
  },
  component: function MembersRoute() {
    const { groupId } = Route.useParams();
    return <GroupMembers groupId={groupId} search={Route.useSearch()} />;
  },
});
