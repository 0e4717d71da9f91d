import type { MiddlewareHandler } from 'hono';
import type { SandboxEnv } from './context.ts';
import { ErrorCode, errorBody } from '../http/envelope.ts';

/**
 * Cloudflare's global API limit, emulated: per credential, `limit` requests per rolling window
 * (1,200 per 5 minutes by default, SANDBOX_RATE_LIMIT); past it every call of that credential is
 * refused with 429 for a 5-minute block. Every answer carries the IETF draft headers the real
 * API sends: `Ratelimit: "default";r=<remaining>;t=<seconds>` and
 * `Ratelimit-Policy: "default";q=<limit>;w=<window seconds>`; a 429 adds `Retry-After`.
 *
 * `t` is when quota next comes back: the oldest counted request leaving the window, or the end
 * of the block. Counts live in memory: a restart forgives everyone, as a new sandbox should.
 */
export interface RateLimitConfig {
  limit: number;
  windowSeconds: number;
  /** How long a credential is refused once it went past the limit (Cloudflare: 5 minutes). */
  blockSeconds: number;
}

export const DEFAULT_RATE_LIMIT = '1200/300';

/** The `Ratelimit` header's value: what is left, and seconds until quota comes back. */
export const ratelimitHeader = (remaining: number, resetSeconds: number) => `"default";r=${remaining};t=${resetSeconds}`;
const BLOCK_SECONDS = 300;

/** Parses `SANDBOX_RATE_LIMIT` (`<requests>/<seconds>` or `off`); a typo stops the server. */
export function parseRateLimit(spec: string | undefined): RateLimitConfig | null {
  const value = (spec ?? DEFAULT_RATE_LIMIT).trim().toLowerCase();
  if (value === 'off') return null;
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(value);
  const limit = Number(match?.[1]);
  const windowSeconds = Number(match?.[2]);
  if (!match || limit < 1 || windowSeconds < 1) {
    throw new Error(`SANDBOX_RATE_LIMIT: expected <requests>/<seconds> (e.g. ${DEFAULT_RATE_LIMIT}) or off, got "${spec}"`);
  }
  return { limit, windowSeconds, blockSeconds: BLOCK_SECONDS };
}

export interface RateDecision {
  allowed: boolean;
  remaining: number;
  /** Seconds until quota comes back (rounded up). */
  resetSeconds: number;
}

interface Bucket {
  /** Times of the counted requests in the window, oldest first. */
  times: number[];
  blockedUntil: number;
}

/** The counting itself, free of HTTP so it can be tested with a fake clock. */
export function createRateLimiter(config: RateLimitConfig, now: () => number = Date.now) {
  const buckets = new Map<string, Bucket>();
  const windowMs = config.windowSeconds * 1000;
  const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

  return {
    config,
    take(key: string): RateDecision {
      const t = now();
      const bucket = buckets.get(key) ?? { times: [], blockedUntil: 0 };
      buckets.set(key, bucket);
      if (bucket.blockedUntil > t) return { allowed: false, remaining: 0, resetSeconds: seconds(bucket.blockedUntil - t) };
      if (bucket.blockedUntil) {
        // The block is over: a clean slate, as after Cloudflare's lockout.
        bucket.blockedUntil = 0;
        bucket.times = [];
      }
      let expired = 0;
      while (expired < bucket.times.length && bucket.times[expired]! <= t - windowMs) expired++;
      if (expired) bucket.times.splice(0, expired);
      if (bucket.times.length >= config.limit) {
        bucket.blockedUntil = t + config.blockSeconds * 1000;
        return { allowed: false, remaining: 0, resetSeconds: config.blockSeconds };
      }
      bucket.times.push(t);
      return {
        allowed: true,
        remaining: config.limit - bucket.times.length,
        resetSeconds: Math.max(1, seconds(bucket.times[0]! + windowMs - t)),
      };
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

/** Who is counted: the token, or the user behind an email + key (all their keys together). */
export function credentialKey(headers: { header(name: string): string | undefined }): string | null {
  const authorization = headers.header('authorization');
  if (authorization) return `token:${authorization}`;
  const email = headers.header('x-auth-email');
  return email ? `user:${email.toLowerCase()}` : null;
}

/** `exempt`: requests the sandbox makes of itself, which no client's quota pays for. */
export function rateLimit(limiter: RateLimiter, exempt?: (request: Request) => boolean): MiddlewareHandler<SandboxEnv> {
  const policy = `"default";q=${limiter.config.limit};w=${limiter.config.windowSeconds}`;
  return async (c, next) => {
    const key = exempt?.(c.req.raw) ? null : credentialKey(c.req);
    if (key === null) return next();
    const decision = limiter.take(key);
    const ratelimit = ratelimitHeader(decision.remaining, decision.resetSeconds);
    if (!decision.allowed) {
      c.header('Ratelimit', ratelimit);
      c.header('Ratelimit-Policy', policy);
      c.header('Retry-After', String(decision.resetSeconds));
      return c.json(
        errorBody([{ code: ErrorCode.rateLimited, message: 'Rate limited: please wait and consider throttling your request speed' }]),
        429,
      );
    }
    await next();
    c.res.headers.set('Ratelimit', ratelimit);
    c.res.headers.set('Ratelimit-Policy', policy);
  };
}
