import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext } from '@tanstack/react-router';
import { AppShell } from '../components/layout/app-shell';
import { NotFound, RouteError } from '../components/layout/route-states';
import { accountsQuery, consoleModeQuery, resolveAccountId } from '../api/queries/accounts';

export interface RouterContext {
  queryClient: QueryClient;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  beforeLoad: async ({ context }) => ({ accountId: await resolveAccountId(context.queryClient) }),
  loader: ({ context }) =>
    Promise.all([context.queryClient.ensureQueryData(accountsQuery), context.queryClient.ensureQueryData(consoleModeQuery)]),
  component: AppShell,
  errorComponent: RouteError,
  notFoundComponent: NotFound,
});
