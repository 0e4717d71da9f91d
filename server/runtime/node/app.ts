import { resolve } from 'node:path';
import type { Hono } from 'hono';
import { composeApp, type AppDeps } from '../../app.ts';
import type { RuntimeServices } from '../services.ts';
import { nodeRuntime } from './services.ts';

/**
 * The server on Node: the composed app with Node's services (the SPA from config.distDir on disk,
 * the machine's DNS resolver, turns shared among connections). A test may replace any of them.
 */
export function createApp({ runtime, ...deps }: Omit<AppDeps, 'runtime'> & { runtime?: Partial<RuntimeServices> }): Hono {
  return composeApp({ ...deps, runtime: { ...nodeRuntime(resolve(deps.config.distDir)), ...runtime } });
}
