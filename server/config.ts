import { resolve } from 'node:path';

export type SeedKind = 'default' | 'large' | 'huge' | 'empty';

export interface UpstreamCredential {
  kind: 'token' | 'key';
  headers: Record<string, string>;
}

export interface ServerConfig {
  host: string;
  port: number;
  sandboxDbPath: string;
  /** CONSOLE_DB: the console's own store (membership index, journal, dismissals), in both modes. */
  consoleDbPath: string;
  seed: SeedKind;
  /** Present only in live mode: the credential the server adds to upstream calls. */
  upstream: { baseUrl: string; credential: UpstreamCredential; accountId?: string } | null;
  /** How long the sandbox DNS checker waits before a pending verification settles. */
  verificationDelayMs: number;
  distDir: string;
  /** SANDBOX_FAULTS: random fault injection in the sandbox (server/sandbox/faults.ts); off when unset. */
  sandboxFaults?: string;
}

function seedKind(value: string | undefined): SeedKind {
  if (value === 'large' || value === 'huge' || value === 'empty') return value;
  return 'default';
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const credential = credentialFrom(env);
  return {
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    sandboxDbPath: resolve(env.SANDBOX_DB ?? '.data/sandbox.db'),
    consoleDbPath: env.CONSOLE_DB === ':memory:' ? ':memory:' : resolve(env.CONSOLE_DB ?? '.data/console.db'),
    seed: seedKind(env.SANDBOX_SEED),
    upstream: credential
      ? {
          baseUrl: (env.CLOUDFLARE_API_BASE ?? 'https://api.cloudflare.com/client/v4').replace(/\/$/, ''),
          credential,
          accountId: env.CLOUDFLARE_ACCOUNT_ID || undefined,
        }
      : null,
    verificationDelayMs: Number(env.SANDBOX_VERIFICATION_DELAY_MS ?? 4000),
    distDir: resolve(env.DIST_DIR ?? 'dist'),
    sandboxFaults: env.SANDBOX_FAULTS || undefined,
  };
}
