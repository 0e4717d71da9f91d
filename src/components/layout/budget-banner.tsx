import { useEffect, useSyncExternalStore } from 'react';
import { countDownTo, getBudgetSnapshot, subscribeBudget } from '@/api/request-budget';
import { clock } from '@/lib/format';

/**
 * Shows Cloudflare's rate-limit budget when it matters: quota below a fifth of the limit, or a
 * lockout. Says what is paused meanwhile — the server's membership index and findings reads pause
 * at the same threshold (server/console/budget.ts), as does the dashboard's own background work.
 */
export function BudgetBanner() {
  const budget = useSyncExternalStore(subscribeBudget, getBudgetSnapshot);
  // The app's one clock: an error about the same lockout shows the same second.
  const now = budget.now;
  const active = budget.low && budget.resetAt !== null && budget.resetAt > now;
  useEffect(() => {
    if (budget.resetAt !== null) countDownTo(budget.resetAt);
  }, [budget.resetAt]);
  if (!active) return null;
  const seconds = Math.ceil((budget.resetAt! - now) / 1000);
  // The server's own reads stop at the same threshold: the index and the findings' account reads.
  const paused = ['membership index refresh', 'findings recomputation', ...budget.paused];
  return (
    <div className="banner banner-warning budget-banner" role="status">
      {budget.blockedUntil ? (
        <strong>
          Cloudflare’s API rate limit is reached: every call is refused for <span role="timer">{clock(seconds)}</span>.
        </strong>
      ) : (
        <strong>
          API budget low: {(budget.remaining ?? 0).toLocaleString('en-US')} of {(budget.limit ?? 1200).toLocaleString('en-US')} left, resets in {clock(seconds)}
        </strong>
      )}
      <span> Paused until then: {paused.join(', ')}.</span>
    </div>
  );
}
