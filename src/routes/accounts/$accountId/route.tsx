import { createFileRoute } from '@tanstack/react-router';
import { ensureAccountReachable } from '@/api/accounts/ensure-reachable';
import { assertAccountIdShape } from '@/api/accounts/reachable';
import { AccountOutlet, AccountRouteError } from '@/components/layout/account-outlet';
import { NotFound } from '@/components/layout/route-states';

/** Every resource page lives under the account it belongs to, so a link opens the right one. */
export const Route = createFileRoute('/accounts/$accountId')({
  beforeLoad: ({ params }) => {
    // A malformed id stops here, before any request; the child loaders read the account from context.
    assertAccountIdShape(params.accountId);
    return { accountId: params.accountId };
  },
  // Runs alongside the page's own loader (loaders of one navigation run in parallel).
  loader: ({ context, params }) => ensureAccountReachable(context.queryClient, params.accountId),
  component: AccountOutlet,
  errorComponent: AccountRouteError,
  notFoundComponent: NotFound,
});
