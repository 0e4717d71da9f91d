import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useParams, useRouterState } from '@tanstack/react-router';
import { accountsQuery, consoleModeQuery, pickAccountId } from '../../api/queries/accounts';
import { usePreferences } from '../../stores/preferences';
import { KeyboardLayer } from '../../features/palette/keyboard-layer';
import { Toaster } from '../ui/toaster';
import { AccountSwitcher } from './account-switcher';
import { ModeBadge } from './mode-badge';
import { Nav, sectionOf } from './nav';
import { ThemeToggle } from './theme-toggle';

export function AppShell() {
  const { data: accounts } = useSuspenseQuery(accountsQuery);
  const { data: mode } = useSuspenseQuery(consoleModeQuery);
  const preferred = usePreferences((s) => s.accountId);
  const urlAccountId = useParams({ strict: false, select: (p) => p.accountId });
  // Outside an account's pages (a page that does not exist) the links go to the usual account.
  const accountId = urlAccountId ?? pickAccountId(mode, accounts, preferred) ?? '';
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const account = accounts.find((a) => a.id === accountId);

  // The other account's list of the same section. A leave guard (an unsaved draft) may block the
  // navigation, and then the account stays what it was, since the account is the URL.
  const switchAccount = (next: string) => void navigate({ to: sectionOf(pathname).to, params: { accountId: next } });

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <Link to="/accounts/$accountId/groups" params={{ accountId }} className="brand" aria-label="IAM Console home">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>IAM Console</span>
        </Link>
        <Nav accountId={accountId} />
      </aside>
      <div className="main-column">
        <header className="topbar">
          <AccountSwitcher accounts={accounts} accountId={accountId} pinned={Boolean(mode.accountId)} onChange={switchAccount} />
          <ModeBadge mode={mode.mode} accountName={account?.name ?? accountId} />
          <ThemeToggle />
        </header>
        <main id="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <Toaster />
      <KeyboardLayer accountId={accountId} />
    </div>
  );
}
