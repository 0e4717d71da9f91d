/**
 * The dashboard's side of Cloudflare's rate limit (1,200 requests per 5 minutes per user, shared
 * with every token of that user; a 5-minute lockout past it). client.ts runs every call through
 * here, so this is the one place that:
 *
 * - reads `Ratelimit: "default";r=<remaining>;t=<seconds>`, `Ratelimit-Policy` and 429s;
 * - caps concurrency (6 calls in flight; background work gets 2 of them, a fifth of a second apart);
 * - pauses background work while fewer than a fifth of the limit is left, and everything after a
 *   lockout 429, until it ends (a call then fails at once with the time to wait, not after a trip).
 *
 * Framework-free: the shell reads it with useSyncExternalStore.
 */
export const MAX_IN_FLIGHT = 6;
export const MAX_BACKGROUND_IN_FLIGHT = 2;
const BACKGROUND_GAP_MS = 200;
/** Below this share of the limit, background work waits and the shell shows the budget. */
export const LOW_SHARE = 0.2;

export interface BudgetSnapshot {
  limit: number | null;
  remaining: number | null;
  /** Epoch ms when quota comes back (per the last answer), or when a lockout ends. */
  resetAt: number | null;
  /** Set while a lockout 429 holds. */
  blockedUntil: number | null;
  low: boolean;
  /** Labels of background work waiting for quota. */
  paused: string[];
  /** Writes the admin asked for that wait for a free slot: not sent yet, so still cancellable. */
  held: HeldWrite[];
  /**
   * The clock every countdown reads (epoch ms): it ticks once a second while something is counted
   * down, so the banner, an error and a dialog show the same second for the same lockout.
   */
  now: number;
}

/** A write waiting its turn: what it is, the page it was asked for on, and whether to keep it. */
export interface HeldWrite {
  id: number;
  /** What the admin asked for, in their words ("Create connector example.com") or the call. */
  label: string;
  /** The page (path) it was asked for on: leaving it cancels the write unless kept. */
  page: string;
  since: number;
  kept: boolean;
}

interface Waiter {
  background: string | null;
  held: HeldWrite | null;
  start: () => void;
  cancel: () => void;
}

let limit: number | null = null;
let remaining: number | null = null;
let resetAt: number | null = null;
let blockedUntil: number | null = null;
let inFlight = 0;
let backgroundInFlight = 0;
let lastBackgroundStart = 0;
let queue: Waiter[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;
let now = () => Date.now();
const listeners = new Set<() => void>();

function computeSnapshot(): BudgetSnapshot {
  const t = now();
  const fresh = resetAt !== null && resetAt > t;
  const left = fresh ? remaining : null;
  const blocked = blockedUntil !== null && blockedUntil > t ? blockedUntil : null;
  return {
    limit,
    remaining: left,
    resetAt: blocked ?? (fresh ? resetAt : null),
    blockedUntil: blocked,
    low: blocked !== null || (left !== null && limit !== null && left < limit * LOW_SHARE),
    paused: [...new Set(queue.filter((w) => w.background).map((w) => w.background!))],
    held: queue.flatMap((w) => (w.held ? [{ ...w.held }] : [])),
    now: t,
  };
}

let snapshot: BudgetSnapshot = computeSnapshot();

/** Deadlines some view counts down to (a lockout's end, a refused call's Retry-After). */
const countdowns = new Set<number>();
let ticker: ReturnType<typeof setInterval> | null = null;

function publish() {
  snapshot = computeSnapshot();
  const t = snapshot.now;
  for (const deadline of countdowns) if (deadline <= t) countdowns.delete(deadline);
  if (blockedUntil !== null && blockedUntil > t) countdowns.add(blockedUntil);
  if (countdowns.size && !ticker) ticker = setInterval(publish, 1000);
  if (!countdowns.size && ticker) {
    clearInterval(ticker);
    ticker = null;
  }
  for (const listener of listeners) listener();
}

/** Keeps the shared clock ticking until `deadline` (epoch ms), for a view that counts down to it. */
export function countDownTo(deadline: number) {
  if (deadline <= now() || countdowns.has(deadline)) return;
  countdowns.add(deadline);
  publish();
}

/**
 * When a refused call may go again (epoch ms), the one answer for the whole app: the lockout's end
 * while a lockout holds (every view of it shows the same countdown), else the call's own
 * Retry-After; null when nobody said.
 */
export function retryAtFor(error: { status: number; retryAt: number | null }): number | null {
  const t = now();
  if (blockedUntil !== null && blockedUntil > t && (error.status === 429 || error.retryAt !== null)) return blockedUntil;
  return error.retryAt !== null && error.retryAt > t ? error.retryAt : null;
}

/**
 * A lockout the console's server already knows of (it sees every answer; `/console-api/mode` says
 * so on a cold load), before this tab has asked anything: calls fail at once, and the banner shows.
 */
export function noteLockout(seconds: number) {
  const until = now() + seconds * 1000;
  if (blockedUntil === null || until > blockedUntil) blockedUntil = until;
  publish();
}

function backgroundMayStart(t: number): number {
  const s = computeSnapshot();
  if (s.low && s.resetAt) return s.resetAt - t;
  if (backgroundInFlight >= MAX_BACKGROUND_IN_FLIGHT) return Infinity;
  return Math.max(0, lastBackgroundStart + BACKGROUND_GAP_MS - t);
}

/** Starts whatever may start now; sets a timer for background work that must wait. */
function pump() {
  if (timer) clearTimeout(timer);
  timer = null;
  let wait = Infinity;
  const t = now();
  queue = queue.filter((w) => {
    if (inFlight >= MAX_IN_FLIGHT) return true;
    if (w.background) {
      const delay = backgroundMayStart(t);
      if (delay > 0) {
        wait = Math.min(wait, delay);
        return true;
      }
      backgroundInFlight += 1;
      lastBackgroundStart = t;
    }
    inFlight += 1;
    w.start();
    return false;
  });
  if (Number.isFinite(wait)) timer = setTimeout(pump, Math.min(wait, 60_000));
  publish();
}

/** A write that would wait for a slot: shown, cancellable, and tied to the page it was asked on. */
export interface HoldInfo {
  label: string;
  page: string;
}

/** Thrown to a held write the admin (or their leaving the page) cancelled: it was never sent. */
export class HeldWriteCancelled extends Error {
  constructor(readonly label: string) {
    super(`Cancelled before it was sent: nothing was saved (${label}).`);
    this.name = 'HeldWriteCancelled';
  }
}

let nextHeldId = 1;

/**
 * Waits for a slot; the returned function gives it back. A write (`hold`) that has to wait is
 * listed in the snapshot's `held` until it starts, and may be cancelled meanwhile (it then
 * rejects with HeldWriteCancelled, never having been sent).
 */
export function acquireSlot(background: string | null = null, hold: HoldInfo | null = null): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const waiter: Waiter = {
      background,
      held: hold ? { id: nextHeldId++, label: hold.label, page: hold.page, since: now(), kept: false } : null,
      start: () => {
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          inFlight -= 1;
          if (background) backgroundInFlight -= 1;
          pump();
        });
      },
      cancel: () => reject(new HeldWriteCancelled(hold?.label ?? 'a write')),
    };
    queue.push(waiter);
    pump();
  });
}

function dropHeld(pick: (held: HeldWrite) => boolean) {
  const dropped = queue.filter((w) => w.held && pick(w.held));
  if (!dropped.length) return;
  queue = queue.filter((w) => !dropped.includes(w));
  for (const w of dropped) w.cancel();
  publish();
}

/** The admin cancels a held write: it is never sent. */
export function cancelHeldWrite(id: number) {
  dropHeld((held) => held.id === id);
}

/** The admin chose to let a held write go even if they leave its page. */
export function keepHeldWrite(id: number) {
  const waiter = queue.find((w) => w.held?.id === id);
  if (!waiter?.held) return;
  waiter.held.kept = true;
  publish();
}

/** The admin is now on `page`: held writes asked for elsewhere, and not kept, are cancelled. */
export function cancelHeldWritesLeftBehind(page: string) {
  dropHeld((held) => !held.kept && held.page !== page);
}

/** Seconds left of a lockout the last 429 announced, or null when calls may go. */
export function lockoutSeconds(): number | null {
  const t = now();
  return blockedUntil !== null && blockedUntil > t ? Math.ceil((blockedUntil - t) / 1000) : null;
}

const field = (value: string | null, key: string) => {
  const match = new RegExp(`(?:^|;)\\s*${key}=(\\d+)`).exec(value ?? '');
  return match ? Number(match[1]) : null;
};

/** Reads what an answer says about the quota. */
export function observeResponse(response: { status: number; headers: Headers }, retryAfter: number | null) {
  const t = now();
  const policyLimit = field(response.headers.get('ratelimit-policy'), 'q');
  if (policyLimit !== null) limit = policyLimit;
  const header = response.headers.get('ratelimit');
  const r = field(header, 'r');
  const reset = field(header, 't');
  if (r !== null && reset !== null) {
    remaining = r;
    resetAt = t + reset * 1000;
  }
  // A lockout (quota at zero), not a one-off refusal: every call would be refused until it ends.
  if (response.status === 429 && r === 0) blockedUntil = t + (retryAfter ?? reset ?? 300) * 1000;
  publish();
}

export function subscribeBudget(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const getBudgetSnapshot = () => snapshot;

/** For tests: a clean budget, and optionally a fake clock. */
export function resetBudget(clock: () => number = () => Date.now()) {
  now = clock;
  limit = remaining = resetAt = blockedUntil = null;
  inFlight = backgroundInFlight = lastBackgroundStart = 0;
  queue = [];
  if (timer) clearTimeout(timer);
  timer = null;
  countdowns.clear();
  publish();
}
