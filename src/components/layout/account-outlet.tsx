import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, Outlet, useParams, type ErrorComponentProps } from '@tanstack/react-router';
import { useEffect } from 'react';
import { isAccountUnreachable, type AccountUnreachableError } from '@/api/accounts/reachable';
import { accountsQuery, consoleModeQuery, pickAccountId } from '@/api/accounts/queries';
import { usePreferences } from '@/stores/preferences';
import { RouteError } from './route-states';

/** The pages of one account. Opening one makes it the account an old link or `/` lands on. */
export function AccountOutlet() {
  const accountId = useParams({ from: '/accounts/$accountId', select: (p) => p.accountId });
  const setAccountId = usePreferences((s) => s.setAccountId);
  useEffect(() => setAccountId(accountId), [accountId, setAccountId]);
  return <Outlet />;
}

export function AccountRouteError(props: ErrorComponentProps) {
  return isAccountUnreachable(props.error) ? <AccountUnreachable error={props.error} /> : <RouteError {...props} />;
}

/** Said plainly, inside the shell: which account the link names and why it does not open. */
function AccountUnreachable({ error }: { error: AccountUnreachableError }) {
  const { data: accounts } = useSuspenseQuery(accountsQuery);
  const { data: mode } = useSuspenseQuery(consoleModeQuery);
  const fallback = pickAccountId(mode, accounts, usePreferences.getState().accountId);
  const fallbackName = accounts.find((a) => a.id === fallback)?.name ?? fallback;
  return (
    <div className="page">
      <div className="banner banner-error" role="alert">
        <h1>{error.reason === 'malformed' ? 'This is not an account id' : 'This account cannot be opened'}</h1>
        <p>{explanation(error)}</p>
        {error.apiError ? (
          <p>
            Cloudflare answered: {error.apiError.errors.map((e) => (e.code ? `${e.message} (code ${e.code})` : e.message)).join('; ')}
          </p>
        ) : null}
      </div>
      {fallback ? (
        <p>
          <Link to="/accounts/$accountId/groups" params={{ accountId: fallback }} className="btn">
            Open {fallbackName}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

function explanation(error: AccountUnreachableError): string {
  const id = `“${error.accountId.slice(0, 64)}”`;
  switch (error.reason) {
    case 'malformed':
      return `The link names the account ${id}, but account ids are 32 hexadecimal characters. The link may have been cut off or mistyped.`;
    case 'pinned':
      return `The link is for account ${id}, but this console is pinned to account ${error.pinnedAccountId} (CLOUDFLARE_ACCOUNT_ID) and opens no other.`;
    case 'unreachable':
      return `The link is for account ${id}, which the credential this console uses cannot reach. Ask whoever shared it to check the account, or use a credential that is a member of it.`;
  }
}
