import type { SandboxApiShapes } from '../config.ts';
import type { Db } from './db/sql.ts';
import type { FaultConfig } from './faults.ts';
import type { RateLimiter } from './rate-limit.ts';

/** What every sandbox route module is given. */
export interface SandboxDeps {
  db: Db;
  /** How long a started DNS verification stays pending before the sandbox checks the record. */
  verificationDelayMs: number;
  /** How long a started verification keeps looking for a missing record before it fails (default 48 h). */
  verificationWindowMs?: number;
  /** Random faults on every call (SANDBOX_FAULTS); the X-Sandbox-Fault header works regardless. */
  faults?: FaultConfig | null;
  /** Cloudflare's per-credential limit (SANDBOX_RATE_LIMIT); none when absent. */
  rateLimiter?: RateLimiter | null;
  /** SANDBOX_API_SHAPES: today's published schema (default) or the 2024 pages' answers. Fixed per process. */
  shapes?: SandboxApiShapes;
  /** For tests: the dice the random faults are drawn with. */
  random?: () => number;
}

export interface SandboxEnv {
  Variables: { accountId: string };
}
