import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support.ts';

/**
 * Shared by the hardening benches (bundle-size, lighthouse, requests-per-navigation,
 * api-throughput): one production build per `npm run bench` run, and the real server on a fresh
 * temp database that several benches can start without rebuilding.
 */

const ROOT = new URL('..', import.meta.url).pathname;
const cleanup: string[] = [];
process.on('exit', () => {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

let built: string | null = null;

/** Builds the SPA with its manifest into a temp dir (never ./dist: others build there), once. */
export function buildOnce(): string {
  if (built) return built;
  const dir = mkdtempSync(join(tmpdir(), 'iam-bench-build-'));
  cleanup.push(dir);
  const dist = join(dir, 'dist');
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error', '--manifest', '--outDir', dist], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('vite build failed');
  built = dist;
  return dist;
}

export interface ConsoleServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

/** The real server (sandbox, default seed) on a temp database; `spa: false` skips the build. */
export async function startConsole(options: { spa?: boolean; env?: Record<string, string> } = {}): Promise<ConsoleServer> {
  const dir = mkdtempSync(join(tmpdir(), 'iam-bench-db-'));
  cleanup.push(dir);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/index.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DIST_DIR: options.spa === false ? join(dir, 'no-dist') : buildOnce(),
      SANDBOX_DB: join(dir, 'sandbox.db'),
      CONSOLE_DB: join(dir, 'console.db'),
      SANDBOX_SEED: 'default',
      SANDBOX_FAULTS: '',
      CLOUDFLARE_API_TOKEN: '',
      CLOUDFLARE_EMAIL: '',
      CLOUDFLARE_API_KEY: '',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${baseUrl}/console-api/mode`, child, 'the console');
  return {
    baseUrl,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    },
  };
}

export async function waitUntilUp(url: string, child: ChildProcess, what: string, init?: RequestInit): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url, init)).status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 120_000) throw new Error(`${what} did not start within 2 minutes`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A verdict column: the number against its budget, without failing anything. */
export function verdict(value: number, budget: number, higherIsBetter = false): string {
  const ok = higherIsBetter ? value >= budget : value <= budget;
  return ok ? 'within budget' : 'OVER BUDGET';
}
