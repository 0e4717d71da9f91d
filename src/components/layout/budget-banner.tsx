import { useEffect, useState, useSyncExternalStore } from 'react';
import { getBudgetSnapshot, subscribeBudget } from '../../api/request-budget';
import { clock } from '../../lib/format';

/**
 * Shows Cloudflare's rate-limit budget when it matters: quota below a fifth of the limit, or a
 * lockout. Says what is paused meanwhile — the server's membership index and findings reads pause
 * at the same threshold (server/console/budget.ts), as does the dashboard's own background work.
 */
export function BudgetBanner() {
  const budget = useSyncExternalStore(subscribeBudget, getBudgetSnapshot);
  const [now, setNow] = useState(() => Date.now());
  const active = budget.low && budget.resetAt !== null && budget.resetAt > now;
  useEffect(() => {
    if (!budget.low) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [budget.low]);
  if (!active) return null;
  const seconds = Math.ceil((budget.resetAt! - now) / 1000);
  // The server's own reads stop at the same threshold: the index and the findings' account reads.
  const paused = ['membership index refresh', 'findings recomputation', ...budget.paused];
  return (
    <div className="banner banner-warning budget-banner" role="status">
      {budget.blockedUntil ? (
        <strong>Cloudflare’s API rate limit is reached: every call is refused for {clock(seconds)}.</strong>
      ) : (
        <strong>
          API budget low: {(budget.remaining ?? 0).toLocaleString('en-US')} of {(budget.limit ?? 1200).toLocaleString('en-US')} left, resets in{' '}
          {clock(seconds)}
        </strong>
      )}
      <span> Paused until then: {paused.join(', ')}.</span>
    </div>
  );
}
