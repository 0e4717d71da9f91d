import { NOT_HANDLED_HEADER } from '../http/not-handled.ts';
import type { MiddlewareHandler } from 'hono';
import type { SandboxEnv } from './context.ts';
import { CfError, ErrorCode, errorBody } from '../http/envelope.ts';
import { ratelimitHeader } from './rate-limit.ts';

/**
 * Fault injection for the sandbox, so the dashboard's handling of a failing network and API is
 * tested rather than assumed. Two switches:
 *
 * - `SANDBOX_FAULTS` (environment), random faults on every call, e.g.
 *   `500:0.1,429:0.05,latency:200,drop:0.02` — a probability per fault kind, a fixed (or `50-300`
 *   ranged) latency in ms, and optionally `retry-after:<s>` for the 429s.
 * - `X-Sandbox-Fault` (request header), exactly this fault on this call, for tests: a comma list of
 *   `500`, `429`, `retry-after=<s>`, `latency=<ms>`, `drop` (the connection is cut before the
 *   handler runs), `drop=after` (the handler commits, then the connection is cut — the write
 *   happened but its answer is lost) or `quota=<left>/<s>` (answered as usual, but its
 *   `Ratelimit` header says <left> requests remain until a reset in <s> seconds: a quota running
 *   low, without spending it).
 *
 * Only the sandbox understands the header: live mode never interprets it and the proxy strips it.
 */
export interface FaultConfig {
  rate500: number;
  rate429: number;
  rateDrop: number;
  latencyMs: [number, number] | null;
  retryAfterSeconds: number;
}

export interface FaultPlan {
  status?: 500 | 429;
  retryAfterSeconds: number;
  latencyMs: number;
  drop?: 'before' | 'after';
  /** What the answer's Ratelimit header reports instead of the limiter's count. */
  quota?: { remaining: number; resetSeconds: number };
}

export const FAULT_HEADER = 'x-sandbox-fault';
const DEFAULT_RETRY_AFTER = 1;
const MAX_LATENCY_MS = 60_000;
const MAX_RETRY_AFTER_S = 3600;

function probability(kind: string, value: string): number {
  const p = Number(value);
  if (!(value.trim() !== '' && p >= 0 && p <= 1)) throw new Error(`SANDBOX_FAULTS: ${kind} needs a probability from 0 to 1, got "${value}"`);
  return p;
}

function wholeNumber(what: string, value: string, max: number, unit: string): number {
  const n = Number(value);
  if (!(/^\d+$/.test(value.trim()) && n <= max)) throw new Error(`${what} needs whole ${unit} up to ${max}, got "${value}"`);
  return n;
}
const milliseconds = (what: string, value: string) => wholeNumber(what, value, MAX_LATENCY_MS, 'milliseconds');
const seconds = (what: string, value: string) => wholeNumber(what, value, MAX_RETRY_AFTER_S, 'seconds');

/** Parses `SANDBOX_FAULTS`; null when unset or empty. A typo is an error at startup, not silence. */
export function parseFaultConfig(spec: string | undefined): FaultConfig | null {
  if (!spec?.trim()) return null;
  const config: FaultConfig = { rate500: 0, rate429: 0, rateDrop: 0, latencyMs: null, retryAfterSeconds: DEFAULT_RETRY_AFTER };
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [kind = '', value = ''] = part.split(':', 2).map((p) => p.trim());
    if (kind === '500') config.rate500 = probability(kind, value);
    else if (kind === '429') config.rate429 = probability(kind, value);
    else if (kind === 'drop') config.rateDrop = probability(kind, value);
    else if (kind === 'retry-after') config.retryAfterSeconds = seconds('SANDBOX_FAULTS: retry-after', value);
    else if (kind === 'latency') {
      const [low = '', high = low] = value.split('-', 2);
      const range: [number, number] = [milliseconds('SANDBOX_FAULTS: latency', low), milliseconds('SANDBOX_FAULTS: latency', high)];
      if (range[1] < range[0]) throw new Error(`SANDBOX_FAULTS: latency range "${value}" is backwards`);
      config.latencyMs = range;
    } else {
      throw new Error(`SANDBOX_FAULTS: unknown fault "${part}" (use 500:<p>, 429:<p>, drop:<p>, latency:<ms>, retry-after:<s>)`);
    }
  }
  return config;
}

/** Parses `X-Sandbox-Fault`; a value it does not understand is a 400, so a test's typo fails loudly. */
export function parseFaultHeader(value: string): FaultPlan {
  const plan: FaultPlan = { retryAfterSeconds: DEFAULT_RETRY_AFTER, latencyMs: 0 };
  const bad = (message: string) =>
    new CfError(400, { code: ErrorCode.invalidHeaders, message: `Invalid X-Sandbox-Fault header: ${message}` });
  for (const part of value.split(',').map((p) => p.trim().toLowerCase()).filter(Boolean)) {
    const [kind = '', arg] = part.split('=', 2);
    try {
      if ((kind === '500' || kind === '429') && arg === undefined) plan.status = Number(kind) as 500 | 429;
      else if (kind === 'drop' && (arg === undefined || arg === 'before' || arg === 'after')) plan.drop = arg === 'after' ? 'after' : 'before';
      else if (kind === 'latency' && arg !== undefined) plan.latencyMs = milliseconds('latency', arg);
      else if (kind === 'retry-after' && arg !== undefined) plan.retryAfterSeconds = seconds('retry-after', arg);
      else if (kind === 'quota' && arg !== undefined) {
        const [left = '', reset = ''] = arg.split('/', 2);
        plan.quota = { remaining: wholeNumber('quota', left, 1_000_000_000, 'requests'), resetSeconds: seconds('quota', reset) };
      } else throw new Error(`unknown fault "${part}" (use 500, 429, retry-after=<s>, latency=<ms>, drop, drop=after, quota=<left>/<s>)`);
    } catch (error) {
      if (error instanceof CfError) throw error;
      throw bad((error as Error).message);
    }
  }
  return plan;
}

/** Draws this call's faults from the environment's rates. */
export function drawFaults(config: FaultConfig, random: () => number): FaultPlan {
  const [low, high] = config.latencyMs ?? [0, 0];
  const plan: FaultPlan = { retryAfterSeconds: config.retryAfterSeconds, latencyMs: Math.round(low + (high - low) * random()) };
  if (random() < config.rateDrop) plan.drop = 'before';
  else if (random() < config.rate500) plan.status = 500;
  else if (random() < config.rate429) plan.status = 429;
  return plan;
}

/**
 * Cuts the connection without an answer. On the Node server that is the socket itself; in-process
 * callers (app.request in tests) get a body that errors, as fetch does on a reset connection.
 */

function dropConnection(env: unknown, handled: Response | null): Response {
  const socket = (env as { incoming?: { socket?: { destroy(): void } } } | undefined)?.incoming?.socket;
  if (socket) {
    socket.destroy();
    // Nobody reads it: the connection is gone. A handled write keeps its answer for the layers
    // around the sandbox (the write-once record), as a real server's would.
    return handled ?? new Response(null, { status: 204, headers: { [NOT_HANDLED_HEADER]: '1' } });
  }
  return new Response(
    new ReadableStream({
      start(controller) {
        controller.error(new Error('connection dropped by sandbox fault injection'));
      },
    }),
    handled ? undefined : { headers: { [NOT_HANDLED_HEADER]: '1' } },
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function faultInjection(options: {
  config: FaultConfig | null;
  random?: () => number;
  /** Requests that never draw a fault (the audit recorder's own reads). */
  exempt?: (request: Request) => boolean;
}): MiddlewareHandler<SandboxEnv> {
  const random = options.random ?? Math.random;
  return async (c, next) => {
    if (options.exempt?.(c.req.raw)) return next();
    const header = c.req.header(FAULT_HEADER);
    const plan = header !== undefined ? parseFaultHeader(header) : options.config ? drawFaults(options.config, random) : null;
    if (!plan) return next();
    if (plan.latencyMs > 0) await sleep(plan.latencyMs);
    if (plan.drop === 'before') return dropConnection(c.env, null);
    const quota = plan.quota ? ratelimitHeader(plan.quota.remaining, plan.quota.resetSeconds) : null;
    if (quota) c.header('Ratelimit', quota);
    if (plan.status === 429) {
      c.header('Retry-After', String(plan.retryAfterSeconds));
      return c.json(
        errorBody([{ code: ErrorCode.rateLimited, message: 'Rate limited: please wait and consider throttling your request speed' }]),
        429,
      );
    }
    if (plan.status === 500) {
      return c.json(errorBody([{ code: ErrorCode.internal, message: 'Internal error (injected by the sandbox)' }]), 500);
    }
    await next();
    // Over the rate limiter's own header, which the handler's answer now carries.
    if (quota) c.res.headers.set('Ratelimit', quota);
    if (plan.drop === 'after') c.res = dropConnection(c.env, c.res);
  };
}
