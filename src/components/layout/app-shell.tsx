import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useParams, useRouterState, type ErrorComponentProps } from '@tanstack/react-router';
import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { accountsQuery, consoleModeQuery, pickAccountId } from '@/api/accounts/queries';
import { cancelHeldWritesLeftBehind, getBudgetSnapshot, subscribeBudget } from '@/api/request-budget';
import { usePreferences } from '@/stores/preferences';
import { useToasts } from '@/stores/toasts';
import { AccountSwitcher } from './account-switcher';
import { ModeBadge } from './mode-badge';
import { Nav, sectionOf } from './nav';
import { NavMenu } from './nav-menu';
import { onDemand } from '../ui/on-demand';
import { PageSkeleton } from '../ui/skeleton';
import { DeferredRouteError, usePrefetchRouteStates } from './deferred-route-states';
import { SignedInAs } from './signed-in-as';
import { ThemeToggle } from './theme-toggle';

const toaster = onDemand(() => import('../ui/toaster'));

/** Radix Toast is not part of the first load: it comes right after it (before any toast or dialog, as a rule). */
function DeferredToaster() {
  const loaded = toaster.useLoaded('mount');
  const hasToasts = useToasts((s) => s.toasts.length > 0);
  useEffect(() => {
    if (hasToasts) void toaster.load();
  }, [hasToasts]);
  return loaded ? <loaded.Toaster /> : null;
}

const budgetBanner = onDemand(() => import('./budget-banner'));

/** The rate-limit banner's code comes when the budget first runs low (most sessions never see it). */
function DeferredBudgetBanner() {
  const low = useSyncExternalStore(subscribeBudget, () => getBudgetSnapshot().low);
  const loaded = budgetBanner.useLoaded(false);
  useEffect(() => {
    if (low) void budgetBanner.load();
  }, [low]);
  return loaded ? <loaded.BudgetBanner /> : null;
}

const heldWrites = onDemand(() => import('./held-writes'));

/** The held-writes panel's code comes with the first write held back (it shows only after 400 ms held). */
function DeferredHeldWrites() {
  const anyHeld = useSyncExternalStore(subscribeBudget, () => getBudgetSnapshot().held.length > 0);
  const loaded = heldWrites.useLoaded(false);
  useEffect(() => {
    if (anyHeld) void heldWrites.load();
  }, [anyHeld]);
  return loaded ? <loaded.HeldWrites /> : null;
}

/** The frame every screen sits in: navigation (a sidebar, or a menu on narrow screens) and a top bar. */
function ShellFrame({ accountId, topbar, children }: { accountId: string | null; topbar: ReactNode; children: ReactNode }) {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <Link to="/" className="brand" aria-label="IAM Console home">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>IAM Console</span>
        </Link>
        {accountId ? <Nav accountId={accountId} /> : null}
      </aside>
      <div className="main-column">
        <header className="topbar">
          {accountId ? <NavMenu accountId={accountId} /> : null}
          {topbar}
        </header>
        <DeferredBudgetBanner />
        <DeferredHeldWrites />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <DeferredToaster />
    </div>
  );
}

interface AppShellProps {
  /**
   * What the route layer mounts beside every page of an account (the keyboard shortcuts and the
   * command palette, a feature): the shell itself imports no feature.
   */
  overlay?: (accountId: string) => ReactNode;
}

export function AppShell({ overlay }: AppShellProps) {
  const { data: accounts } = useSuspenseQuery(accountsQuery);
  const { data: mode } = useSuspenseQuery(consoleModeQuery);
  const preferred = usePreferences((s) => s.accountId);
  const urlAccountId = useParams({ strict: false, select: (p) => p.accountId });
  // Outside an account's pages (a page that does not exist) the links go to the usual account.
  const accountId = urlAccountId ?? pickAccountId(mode, accounts, preferred) ?? '';
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const account = accounts.find((a) => a.id === accountId);
  usePrefetchRouteStates();
  // Only while the admin is there: a write still waiting to be sent from a page they left goes no further.
  useEffect(() => cancelHeldWritesLeftBehind(pathname), [pathname]);

  // The other account's list of the same section. A leave guard (an unsaved draft) may block the
  // navigation, and then the account stays what it was, since the account is the URL.
  const switchAccount = (next: string) => void navigate({ to: sectionOf(pathname).to, params: { accountId: next } });

  return (
    <ShellFrame
      accountId={accountId}
      topbar={
        <>
          <AccountSwitcher accounts={accounts} accountId={accountId} pinned={Boolean(mode.accountId)} onChange={switchAccount} />
          <ModeBadge mode={mode.mode} accountName={account?.name ?? accountId} />
          <SignedInAs email={mode.signedInAs} />
          <ThemeToggle />
        </>
      }
    >
      <Outlet />
      {overlay?.(accountId)}
    </ShellFrame>
  );
}

/**
 * While the shell's own data loads (a cold load): the frame and the rate-limit banner already, so
 * a lockout is said at once instead of a grey page until it ends.
 */
export function RootPending() {
  const urlAccountId = useParams({ strict: false, select: (p) => p.accountId });
  const preferred = usePreferences((s) => s.accountId);
  return (
    <ShellFrame accountId={urlAccountId ?? preferred} topbar={<ThemeToggle />}>
      <PageSkeleton />
    </ShellFrame>
  );
}

/**
 * The shell itself could not load (the accounts list or the mode failed): the frame stays, with
 * the navigation when an account is known, and the error where the page would be.
 */
export function RootError(props: ErrorComponentProps) {
  const urlAccountId = useParams({ strict: false, select: (p) => p.accountId });
  const preferred = usePreferences((s) => s.accountId);
  return (
    <ShellFrame accountId={urlAccountId ?? preferred} topbar={<ThemeToggle />}>
      <DeferredRouteError {...props} />
    </ShellFrame>
  );
}
