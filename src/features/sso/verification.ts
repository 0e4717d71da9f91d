import type { SsoConnector } from '../../api/schemas/sso';

export const SSO_CODE_PREFIX = 'cloudflare_dashboard_sso=';

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

export type TxtFinding =
  | { kind: 'found' }
  /** A verification record is there, but with another value (an old code, a typo, a truncated paste). */
  | { kind: 'wrong-value'; values: string[] }
  | { kind: 'missing' };

/**
 * What a list of TXT values at the email domain means for this connector's code. Only an exact
 * match counts, as it does for Cloudflare's check: a value with literal quotes or spaces around it
 * (typed into a provider that adds its own quotes) is reported as a wrong value, not as found.
 */
export function interpretTxtRecords(records: readonly string[], code: string): TxtFinding {
  if (records.includes(code)) return { kind: 'found' };
  const ours = records.filter((r) => r.includes(SSO_CODE_PREFIX));
  return ours.length ? { kind: 'wrong-value', values: ours } : { kind: 'missing' };
}

/**
 * A TXT record may be published at the zone twice over (example.com.example.com) when the full
 * name is typed into a host field that already appends the zone: the name to look at for that.
 */
export function doubledName(domain: string): string {
  return `${domain}.${domain}`;
}
