import { loadAccessConfig, type AccessConfig } from './security/access-config.ts';
import { DEFAULT_RATE_LIMIT } from './sandbox/rate-limit.ts';

export type SeedKind = 'default' | 'large' | 'huge' | 'empty';

/** SANDBOX_API_SHAPES: which era of Cloudflare's answers the sandbox gives (today's schema, or the 2024 pages). */
export type SandboxApiShapes = 'today' | '2024';

export interface UpstreamCredential {
  kind: 'token' | 'key';
  headers: Record<string, string>;
}

export interface ServerConfig {
  host: string;
  port: number;
  /** SANDBOX_DB. Paths stay as typed, relative to the working directory: the Node runtime opens them. */
  sandboxDbPath: string;
  /** CONSOLE_DB: the console's own store (membership index, journal, dismissals), in both modes. */
  consoleDbPath: string;
  seed: SeedKind;
  /** Present only in live mode: the credential the server adds to upstream calls. */
  upstream: { baseUrl: string; credential: UpstreamCredential; accountId?: string } | null;
  /** How long the sandbox DNS checker waits before a pending verification settles. */
  verificationDelayMs: number;
  /** DIST_DIR: the built SPA Node serves (the Worker serves its static assets instead). */
  distDir: string;
  /** SANDBOX_FAULTS: random fault injection in the sandbox (server/sandbox/faults.ts); off when unset. */
  sandboxFaults?: string;
  /** Team mode: Cloudflare Access signs admins in (ACCESS_TEAM_DOMAIN + ACCESS_AUD); null on a local console. */
  access?: AccessConfig | null;
  /** SANDBOX_RATE_LIMIT: `<requests>/<seconds>` per credential, or `off` (server/sandbox/rate-limit.ts); off when unset here. */
  sandboxRateLimit?: string;
  /** CONSOLE_INDEX_SHARE: the most of the rate limit the membership index may spend (0–1, default 0.25). */
  indexShare?: number;
  /** CONSOLE_INDEX_REFRESH_SECONDS: how old the index gets before a background pass refreshes it (default 300). */
  indexRefreshSeconds?: number;
  /** SANDBOX_API_SHAPES: `today` (default, the published 2026 schema) or `2024` (the 2024 reference pages' answers). */
  sandboxApiShapes?: SandboxApiShapes;
  /** CONSOLE_HISTORY_DAYS: how long the change journal keeps entries (default 365). */
  historyDays?: number;
}

function seedKind(value: string | undefined): SeedKind {
  if (value === 'large' || value === 'huge' || value === 'empty') return value;
  return 'default';
}

export function sandboxApiShapes(value: string | undefined): SandboxApiShapes {
  return value === '2024' ? '2024' : 'today';
}

function fraction(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && n > 0 && n <= 1 ? n : fallback;
}

function credentialFrom(env: NodeJS.ProcessEnv): UpstreamCredential | null {
  if (env.CLOUDFLARE_API_TOKEN) {
    return { kind: 'token', headers: { authorization: `Bearer ${env.CLOUDFLARE_API_TOKEN}` } };
  }
  if (env.CLOUDFLARE_EMAIL && env.CLOUDFLARE_API_KEY) {
    return {
      kind: 'key',
      headers: { 'x-auth-email': env.CLOUDFLARE_EMAIL, 'x-auth-key': env.CLOUDFLARE_API_KEY },
    };
  }
  return null;
}

function positiveNumber(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n : fallback;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const credential = credentialFrom(env);
  return {
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    sandboxDbPath: env.SANDBOX_DB ?? '.data/sandbox.db',
    consoleDbPath: env.CONSOLE_DB ?? '.data/console.db',
    seed: seedKind(env.SANDBOX_SEED),
    upstream: credential
      ? {
          baseUrl: (env.CLOUDFLARE_API_BASE ?? 'https://api.cloudflare.com/client/v4').replace(/\/$/, ''),
          credential,
          accountId: env.CLOUDFLARE_ACCOUNT_ID || undefined,
        }
      : null,
    verificationDelayMs: Number(env.SANDBOX_VERIFICATION_DELAY_MS ?? 4000),
    distDir: env.DIST_DIR ?? 'dist',
    sandboxFaults: env.SANDBOX_FAULTS || undefined,
    access: loadAccessConfig(env),
    sandboxRateLimit: env.SANDBOX_RATE_LIMIT || DEFAULT_RATE_LIMIT,
    sandboxApiShapes: sandboxApiShapes(env.SANDBOX_API_SHAPES),
    indexShare: fraction(env.CONSOLE_INDEX_SHARE, 0.25),
    indexRefreshSeconds: Number(env.CONSOLE_INDEX_REFRESH_SECONDS) > 0 ? Number(env.CONSOLE_INDEX_REFRESH_SECONDS) : 300,
    historyDays: positiveNumber(env.CONSOLE_HISTORY_DAYS, 365),
  };
}
