import type { SsoConnector } from '../../api/sso/schema';

/** Cloudflare keeps checking a started verification for about two days, then marks it failed. */
export const VERIFICATION_WINDOW_MS = 48 * 60 * 60 * 1000;

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

/**
 * When a pending verification gives up: the API does not say when it began, but beginning it
 * bumps `updated_on`, so that is the best estimate (hence "about" in the UI).
 */
export function verificationDeadline(connector: Pick<SsoConnector, 'updated_on' | 'verification'>): Date | null {
  if (connector.verification?.status !== 'pending' || !connector.updated_on) return null;
  const started = Date.parse(connector.updated_on);
  return Number.isNaN(started) ? null : new Date(started + VERIFICATION_WINDOW_MS);
}
