/**
 * One request budget for everything the console's server asks of /client/v4 on its own (the
 * membership index today). Cloudflare counts the dashboard, every token and this server together
 * (1,200 requests per 5 minutes per user, then a 5-minute lockout), so background work:
 *
 * - never spends more than `share` of the limit in any rolling window (default 25 %), and spreads
 *   it: a burst of at most a fifth of that share, then an even pace (300 / 5 min = one a second);
 * - pauses while the quota left (as the last answer's `Ratelimit` header said, from any caller:
 *   the server also sees the dashboard's answers pass through) is under `reserve` of the limit;
 * - stops after a 429 until its `Retry-After` has passed.
 *
 * Until an answer states the policy, Cloudflare's published 1,200 / 300 s is assumed.
 *
 * A read someone is waiting on (the findings page's account reads) goes through it too, with
 * `spendForView()`: counted in the same window, so background work slows down after it, and
 * refused only where it would risk the lockout (quota low, or after a 429), not by share or pace.
 */
export interface BudgetOptions {
  share?: number;
  reserve?: number;
  now?: () => number;
}

export type PauseReason = 'share' | 'pace' | 'low' | 'blocked';

/** A request the budget refused: `reason` and how long until it would allow one. */
export class BudgetRefused extends Error {
  constructor(
    readonly reason: PauseReason,
    readonly waitMs: number,
  ) {
    super(`request budget paused (${reason}) for ${Math.ceil(waitMs / 1000)} s`);
    this.name = 'BudgetRefused';
  }
}

export interface BudgetSnapshot {
  limit: number;
  windowSeconds: number;
  /** Left in the window as last reported, or null when no answer said (or it has expired). */
  remaining: number | null;
  /** Seconds until quota comes back, per that answer. */
  resetSeconds: number | null;
  /** Background requests spent in the current window, and the most allowed. */
  spent: number;
  allowance: number;
  paused: PauseReason | null;
  /** Milliseconds until background work may go on (0 when it may now). */
  waitMs: number;
}

const DEFAULT_LIMIT = 1200;
const DEFAULT_WINDOW_S = 300;

/** `"default";r=140;t=192` → {remaining, reset}; anything else null. */
export function parseRatelimit(value: string | null): { remaining: number; reset: number } | null {
  const r = /(?:^|;)\s*r=(\d+)/.exec(value ?? '');
  const t = /(?:^|;)\s*t=(\d+)/.exec(value ?? '');
  return r && t ? { remaining: Number(r[1]), reset: Number(t[1]) } : null;
}

/** `"default";q=1200;w=300` → {limit, window}. */
export function parseRatelimitPolicy(value: string | null): { limit: number; window: number } | null {
  const q = /(?:^|;)\s*q=(\d+)/.exec(value ?? '');
  const w = /(?:^|;)\s*w=(\d+)/.exec(value ?? '');
  return q && w ? { limit: Number(q[1]), window: Number(w[1]) } : null;
}

export function createRequestBudget({ share = 0.25, reserve = 0.2, now = Date.now }: BudgetOptions = {}) {
  let limit = DEFAULT_LIMIT;
  let windowMs = DEFAULT_WINDOW_S * 1000;
  /** Last reported remaining quota and when it stops being true (quota comes back). */
  let reported: { remaining: number; until: number } | null = null;
  let blockedUntil = 0;
  const spentAt: number[] = [];
  /** Token bucket for the pace: refills at allowance per window, holds a fifth of it. */
  let tokens = Number.POSITIVE_INFINITY;
  let refilledAt = now();

  const allowance = () => Math.max(1, Math.floor(limit * share));
  const prune = (t: number) => {
    while (spentAt.length && spentAt[0]! <= t - windowMs) spentAt.shift();
  };

  const burst = () => Math.max(1, Math.floor(allowance() / 5));
  function refill(t: number) {
    const rate = allowance() / windowMs;
    tokens = Math.min(burst(), tokens + (t - refilledAt) * rate);
    refilledAt = t;
  }

  function count(t: number) {
    spentAt.push(t);
    tokens -= 1;
  }

  /** What stops any request the console's server makes on its own: a lockout risk. */
  function quotaState(t: number): { paused: PauseReason | null; waitMs: number } {
    if (blockedUntil > t) return { paused: 'blocked', waitMs: blockedUntil - t };
    if (reported && reported.until > t && reported.remaining < limit * reserve) return { paused: 'low', waitMs: reported.until - t };
    return { paused: null, waitMs: 0 };
  }

  function state(): { paused: PauseReason | null; waitMs: number } {
    const t = now();
    prune(t);
    refill(t);
    const quota = quotaState(t);
    if (quota.paused) return quota;
    if (spentAt.length >= allowance()) return { paused: 'share', waitMs: spentAt[0]! + windowMs - t };
    if (tokens < 1) return { paused: 'pace', waitMs: Math.ceil((1 - tokens) / (allowance() / windowMs)) };
    return { paused: null, waitMs: 0 };
  }

  return {
    /**
     * Reads what an answer says about the quota (any caller's answer: the quota is shared). A 429
     * stops background work when it was the index's own, or when it says the quota is at zero (a
     * lockout); a one-off refusal of someone else's call does not.
     */
    observe(response: { status: number; headers: Headers }, own = true): void {
      const t = now();
      const policy = parseRatelimitPolicy(response.headers.get('ratelimit-policy'));
      if (policy) {
        limit = policy.limit;
        windowMs = policy.window * 1000;
      }
      const current = parseRatelimit(response.headers.get('ratelimit'));
      if (current) reported = { remaining: current.remaining, until: t + current.reset * 1000 };
      if (response.status === 429 && (own || current?.remaining === 0)) {
        const retryAfter = Number(response.headers.get('retry-after'));
        blockedUntil = t + (Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : DEFAULT_WINDOW_S) * 1000;
      }
    },
    /** Whether a background request may go now; if so it is counted. */
    trySpend(): boolean {
      if (state().paused) return false;
      count(now());
      return true;
    },
    /** Counts a read someone is waiting on, or throws BudgetRefused when the quota is low or blocked. */
    spendForView(): void {
      const t = now();
      prune(t);
      refill(t);
      const quota = quotaState(t);
      if (quota.paused) throw new BudgetRefused(quota.paused, quota.waitMs);
      count(t);
    },
    snapshot(): BudgetSnapshot {
      const { paused, waitMs } = state();
      const t = now();
      const live = reported && reported.until > t ? reported : null;
      return {
        limit,
        windowSeconds: windowMs / 1000,
        remaining: live?.remaining ?? null,
        resetSeconds: live ? Math.ceil((live.until - t) / 1000) : null,
        spent: spentAt.length,
        allowance: allowance(),
        paused,
        waitMs,
      };
    },
  };
}

export type RequestBudget = ReturnType<typeof createRequestBudget>;
