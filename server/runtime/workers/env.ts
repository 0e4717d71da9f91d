import type { DurableObjectNamespace, Fetcher } from 'cloudflare:workers';
import { loadConfig, type ServerConfig } from '../../config.ts';

/** The Worker's bindings (wrangler.jsonc) and settings: vars, and CLOUDFLARE_API_TOKEN as a secret. */
export interface WorkerEnv {
  CONSOLE: DurableObjectNamespace;
  ASSETS: Fetcher;
  ACCESS_TEAM_DOMAIN?: string;
  ACCESS_AUD?: string;
  /** The local Access stand-in's keys (dev and e2e only; must be a loopback URL). */
  ACCESS_JWKS_URL?: string;
  CLOUDFLARE_API_TOKEN?: string;
  CLOUDFLARE_ACCOUNT_ID?: string;
  CLOUDFLARE_API_BASE?: string;
  SANDBOX_SEED?: string;
  SANDBOX_VERIFICATION_DELAY_MS?: string;
  SANDBOX_FAULTS?: string;
}

/** The server's settings read from the Worker's vars, by the same loadConfig as on Node. */
export function workerConfig(env: WorkerEnv): ServerConfig & { access: NonNullable<ServerConfig['access']> } {
  const settings: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (typeof value === 'string' && value !== '') settings[name] = value;
  // Only a Worker secret can carry a credential here: no email + global key on a shared console.
  delete settings.CLOUDFLARE_EMAIL;
  delete settings.CLOUDFLARE_API_KEY;
  const config = loadConfig(settings);
  if (!config.access) {
    throw new Error('Team mode is required on Workers: set ACCESS_TEAM_DOMAIN and ACCESS_AUD (the Access application in front of this Worker)');
  }
  return { ...config, access: config.access };
}
