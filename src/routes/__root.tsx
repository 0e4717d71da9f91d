import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext } from '@tanstack/react-router';
import { AppShell, RootError, RootPending } from '../components/layout/app-shell';
import { DeferredNotFound } from '../components/layout/deferred-route-states';
import { onDemand } from '../components/ui/on-demand';
import { accountsQuery, consoleModeQuery } from '../api/accounts/queries';

export interface RouterContext {
  queryClient: QueryClient;
}

// The shortcuts are not needed to paint: fetched as this module runs, beside the page's own
// chunk and data rather than inside the first load.
const keyboardLayer = onDemand(() => import('../features/palette/keyboard-layer'));
void keyboardLayer.load();

function Keyboard({ accountId }: { accountId: string }) {
  const loaded = keyboardLayer.useLoaded(false);
  return loaded ? <loaded.KeyboardLayer accountId={accountId} /> : null;
}

/** The shell, with the console-wide shortcuts and the command palette mounted beside every page. */
function Shell() {
  return <AppShell overlay={(accountId) => <Keyboard accountId={accountId} />} />;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  // No beforeLoad wait: the account comes from the URL, so the shell's data (accounts, mode) and
  // the page's data are asked for in the same wave.
  loader: ({ context }) =>
    Promise.all([context.queryClient.ensureQueryData(accountsQuery), context.queryClient.ensureQueryData(consoleModeQuery)]),
  component: Shell,
  // Keeps the frame (and, with an account known, the navigation) around the error.
  errorComponent: RootError,
  // A cold load waits on the accounts list: during a lockout that is minutes, said by the banner.
  // Shown at once and for no minimum: it takes over from index.html's static frame without a
  // blank moment, and never holds the shell back once its data is in.
  pendingComponent: RootPending,
  pendingMs: 0,
  pendingMinMs: 0,
  notFoundComponent: DeferredNotFound,
});
