const FIRST_POLL_MS = 1000;
const MAX_POLL_MS = 30_000;

/**
 * Delay before the `attempt`-th status check (0-based): quick at first, when a record that is
 * already published settles within seconds, then backing off so a tab left open for two days
 * does not hammer the API.
 */
export function pollDelay(attempt: number): number {
  if (!Number.isFinite(attempt) || attempt < 0) return FIRST_POLL_MS;
  return Math.min(MAX_POLL_MS, Math.round(FIRST_POLL_MS * 1.6 ** attempt));
}
