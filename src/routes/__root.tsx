import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext } from '@tanstack/react-router';
import { AppShell, RootError } from '../components/layout/app-shell';
import { NotFound } from '../components/layout/route-states';
import { accountsQuery, consoleModeQuery } from '../api/queries/accounts';
import { KeyboardLayer } from '../features/palette/keyboard-layer';

export interface RouterContext {
  queryClient: QueryClient;
}

/** The shell, with the console-wide shortcuts and the command palette mounted beside every page. */
function Shell() {
  return <AppShell overlay={(accountId) => <KeyboardLayer accountId={accountId} />} />;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  // No beforeLoad wait: the account comes from the URL, so the shell's data (accounts, mode) and
  // the page's data are asked for in the same wave.
  loader: ({ context }) =>
    Promise.all([context.queryClient.ensureQueryData(accountsQuery), context.queryClient.ensureQueryData(consoleModeQuery)]),
  component: Shell,
  // Keeps the frame (and, with an account known, the navigation) around the error.
  errorComponent: RootError,
  notFoundComponent: NotFound,
});
