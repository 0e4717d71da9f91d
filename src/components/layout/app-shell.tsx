import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouter, useRouterState } from '@tanstack/react-router';
import { accountsQuery, consoleModeQuery } from '../../api/queries/accounts';
import { usePreferences } from '../../stores/preferences';
import { Toaster } from '../ui/toaster';
import { AccountSwitcher } from './account-switcher';
import { BudgetBanner } from './budget-banner';
import { ModeBadge } from './mode-badge';
import { Nav, NAV_ITEMS } from './nav';
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

  const switchAccount = async (next: string) => {
    // A detail page belongs to the old account: leave it for its section's list first, so a
    // leave guard (an unsaved draft) can still keep the admin here — and the account unchanged.
    const section = '/' + (pathname.split('/')[1] ?? '');
    const target = NAV_ITEMS.find((item) => item.to === section)?.to ?? '/groups';
    await navigate({ to: target });
    if (router.state.location.pathname !== target) return;
    setAccountId(next);
    await router.invalidate();
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
          <AccountSwitcher accounts={accounts} accountId={accountId} pinned={Boolean(mode.accountId)} onChange={(next) => void switchAccount(next)} />
          <ModeBadge mode={mode.mode} accountName={account?.name ?? accountId} />
          <ThemeToggle />
        </header>
        <BudgetBanner />
        <main id="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <Toaster />
    </div>
  );
}
