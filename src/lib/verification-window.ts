/**
 * Cloudflare keeps checking a started DNS verification (SSO domain, OAuth client URI) for about
 * two days, then marks it failed.
 */
export const VERIFICATION_WINDOW_MS = 48 * 60 * 60 * 1000;

/**
 * When a verification still in flight gives up. The API does not say when it began, but
 * beginning it bumps the resource's update time, so that is the best estimate ("about").
 */
export function verificationDeadlineFrom(startedIso: string | undefined | null, inFlight: boolean): Date | null {
  if (!inFlight || !startedIso) return null;
  const started = Date.parse(startedIso);
  return Number.isNaN(started) ? null : new Date(started + VERIFICATION_WINDOW_MS);
}
