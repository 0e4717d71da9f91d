/**
 * Cloudflare keeps checking a started DNS verification (SSO domain, OAuth client URI) for about
 * two days, then marks it failed.
 */
export const VERIFICATION_WINDOW_MS = 48 * 60 * 60 * 1000;

/** When a verification that began at `startedIso` gives up; null when the start is unknown. */
export function verificationDeadlineFrom(startedIso: string | undefined | null, inFlight: boolean): Date | null {
  if (!inFlight || !startedIso) return null;
  const started = Date.parse(startedIso);
  return Number.isNaN(started) ? null : new Date(started + VERIFICATION_WINDOW_MS);
}

/** One change to the resource, as History records it (newest first). */
export interface VerificationChange {
  at: string;
  action: string;
  result: { success: boolean };
  request?: { body?: unknown } | null;
  before?: unknown;
  after?: unknown;
}

const IN_FLIGHT = new Set(['pending', 'in_progress']);

/** The verification status a resource state holds: an SSO connector's or an OAuth client URI's. */
function statusOf(state: unknown): string | null {
  if (!state || typeof state !== 'object') return null;
  const s = state as { verification?: { status?: unknown }; client_uri_verification?: { status?: unknown } };
  const status = s.verification?.status ?? s.client_uri_verification?.status;
  return typeof status === 'string' ? status : null;
}

/**
 * When the verification in flight began, from the resource's History: the latest successful
 * change that started it — a begin_verification, a create that began verifying, a (re)submitted
 * client URI, or any change that moved the status into flight. Its update time is no guide: a
 * FedRAMP toggle or a rename moves it while Cloudflare's clock runs on. Null when History does
 * not hold the start (older than its window, or more changes since than were read).
 */
export function verificationStartedAt(changes: readonly VerificationChange[]): string | null {
  for (const change of changes) {
    if (!change.result.success) continue;
    if (change.action === 'begin_verification') return change.at;
    const after = statusOf(change.after);
    if (!after || !IN_FLIGHT.has(after)) continue;
    const before = statusOf(change.before);
    const body = change.request?.body;
    const resubmitted = !!body && typeof body === 'object' && 'client_uri' in body;
    if (!before || !IN_FLIGHT.has(before) || resubmitted) return change.at;
  }
  return null;
}
