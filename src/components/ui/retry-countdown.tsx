import { useEffect, useSyncExternalStore } from 'react';
import { isApiError, type ApiError } from '@/api/api-error';
import { countDownTo, getBudgetSnapshot, retryAtFor, subscribeBudget } from '@/api/request-budget';
import { clock } from '@/lib/format';

/**
 * Seconds until a refused call may go again, live, from the app's one clock (request-budget.ts):
 * during a lockout every view of it — the banner, an error, a dialog — counts down to the same
 * end. Null when nobody said when (or the time has passed).
 */
export function useRetryCountdown(error: ApiError | null): { seconds: number; at: number } | null {
  const budget = useSyncExternalStore(subscribeBudget, getBudgetSnapshot);
  const at = error ? retryAtFor(error) : null;
  useEffect(() => {
    if (at !== null) countDownTo(at);
  }, [at]);
  if (at === null || at <= budget.now) return null;
  return { seconds: Math.ceil((at - budget.now) / 1000), at };
}

/**
 * For text that cannot tick (a toast, a field's message): when a 429 may be retried, as a time of
 * day from the same source as every countdown, so it never disagrees with one. Null for other errors.
 */
export function retryAtText(error: unknown): string | null {
  if (!isApiError(error) || error.status !== 429) return null;
  const at = retryAtFor(error);
  if (at === null) return 'Cloudflare’s API is limiting requests: wait a moment, then try again.';
  return `You can try again at ${new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}.`;
}

/** "You can try again in 1:58 (at 12:04:10)": what every 429 says, wherever it is shown. */
export function RetryCountdown({ error }: { error: ApiError }) {
  const left = useRetryCountdown(error);
  if (!left) return <p>Cloudflare’s API is limiting requests: wait a moment, then try again. Nothing you typed is lost.</p>;
  const at = new Date(left.at).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return (
    <p>
      You can try again in <span role="timer">{clock(left.seconds)}</span> (at {at}). Nothing you typed is lost.
    </p>
  );
}
