import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouter, useRouterState } from '@tanstack/react-router';
import { accountsQuery, consoleModeQuery } from '../../api/queries/accounts';
import { usePreferences } from '../../stores/preferences';
import { Toaster } from '../ui/toaster';
import { AccountSwitcher } from './account-switcher';
import { ModeBadge } from './mode-badge';
import { Nav } from './nav';
import { ThemeToggle } from './theme-toggle';

export function AppShell() {
  const { data: accounts } = useSuspenseQuery(accountsQuery);
  const { data: mode } = useSuspenseQuery(consoleModeQuery);
  const accountId = usePreferences((s) => s.accountId) ?? accounts[0]?.id ?? '';
  const setAccountId = usePreferences((s) => s.setAccountId);
  const router = useRouter();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const account = accounts.find((a) => a.id === accountId);

  const switchAccount = (next: string) => {
    setAccountId(next);
    // A detail page belongs to the old account: go back to its section's list.
    const section = '/' + (pathname.split('/')[1] ?? '');
    void navigate({ to: section === '/' ? '/groups' : section }).then(() => router.invalidate());
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <Link to="/groups" className="brand" aria-label="IAM Console home">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>IAM Console</span>
        </Link>
        <Nav />
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
    </div>
  );
}
