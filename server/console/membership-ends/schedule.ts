/**
 * When the scheduler acts on a time-bound membership: pure, so its rules are tested without
 * clocks or storage (schedule.test.ts). Times are epoch milliseconds.
 */

/** First retry after a failed removal, doubling up to the cap. */
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 15 * 60_000;
/** From this many failed attempts on, an end not yet carried out is a critical finding. */
export const FAILING_AFTER_ATTEMPTS = 3;
/** However far away the next end, the scheduler looks again this often (a clock may have jumped). */
export const MAX_SLEEP_MS = 60 * 60_000;

export interface OpenEnd {
  id: string;
  endsAt: number;
  nextAttemptAt: number;
  attempts: number;
}

/** The ends due now, earliest first; ties keep a stable order (by id) so a batch is deterministic. */
export function dueEnds<T extends OpenEnd>(open: readonly T[], now: number): T[] {
  return open.filter((e) => e.nextAttemptAt <= now).sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.id.localeCompare(b.id));
}

/** When to wake next: the earliest open attempt, never later than MAX_SLEEP_MS from now; null when nothing is open. */
export function nextWakeAt(open: readonly OpenEnd[], now: number): number | null {
  if (open.length === 0) return null;
  const earliest = Math.min(...open.map((e) => e.nextAttemptAt));
  return Math.min(Math.max(earliest, now), now + MAX_SLEEP_MS);
}

/** After a failed attempt (the API refused for a passing reason, or did not answer): when to try again. */
export function retryAt(attempts: number, now: number): number {
  return now + Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** An end past due and still not carried out after repeated attempts: the admin must know. */
export function isFailing(end: OpenEnd, now: number): boolean {
  return end.attempts >= FAILING_AFTER_ATTEMPTS && end.endsAt <= now;
}

/** Durations the dialog offers, and the limits of a chosen end. */
export const MIN_LEAD_MS = 30_000;
export const MAX_LEAD_MS = 366 * 86_400_000;

export function endProblem(endsAt: number, now: number): string | null {
  if (!Number.isFinite(endsAt)) return 'Choose when access ends';
  if (endsAt < now + MIN_LEAD_MS) return 'The end must be at least 30 seconds from now';
  if (endsAt > now + MAX_LEAD_MS) return 'The end must be within a year';
  return null;
}
