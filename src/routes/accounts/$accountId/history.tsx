import { createFileRoute, useNavigate } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { historyQuery } from '@/api/history/queries';
import { HistoryPage } from '@/features/history/components/history-page';
import { boundedInt, optionalEnum, optionalText } from '@/lib/search-params';

const date = z.catch(z.optional(z.string().check(z.regex(/^\d{4}-\d\d-\d\d$/))), undefined);

const searchSchema = z.object({
  resource_type: optionalEnum(['user_group', 'user_group_members', 'resource_group', 'sso_connector', 'oauth_client'] as const),
  resource_id: optionalText(64),
  actor: optionalText(),
  action: optionalText(64),
  since: date,
  before: date,
  page: boundedInt(1, 100_000, 1),
  per_page: boundedInt(1, 100, 25),
});

export const Route = createFileRoute('/accounts/$accountId/history')({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => search,
  // The timeline's request starts with the route, beside the account check, rather than once the
  // page has rendered; not waited for: the header and filters show at once, the entries as they come.
  loader: ({ context, deps }) => void context.queryClient.prefetchQuery(historyQuery(context.accountId, deps)),
  component: function HistoryRoute() {
    const navigate = useNavigate({ from: '/accounts/$accountId/history' });
    return <HistoryPage filters={Route.useSearch()} onFiltersChange={(next) => void navigate({ search: next as z.infer<typeof searchSchema> })} />;
  },
});
