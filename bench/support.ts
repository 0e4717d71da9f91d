import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Helpers shared by benchmarks: a throwaway server on a temp database, and percentiles. */

export const ACCOUNT_ID = '023e105f4ecef8ad9ca31a8372d0c353';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface IndexStatus {
  state: string;
  last_build: { requests: number; seconds: number } | null;
  progress: { groups: number; members: number };
}

/** The membership index's status for the bench account. */
export async function indexStatus(baseUrl: string): Promise<IndexStatus> {
  const res = await fetch(`${baseUrl}/console-api/accounts/${ACCOUNT_ID}/membership-index`, { headers: { 'sec-fetch-site': 'same-origin' } });
  return (await res.json()) as IndexStatus;
}

/** Waits until a full pass of the membership index is in (any console-api call for the account starts it). */
export async function waitForWarmIndex(baseUrl: string, { timeoutMs = 300_000, everyMs = 1_000 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await indexStatus(baseUrl)).state !== 'warm') {
    if (Date.now() > deadline) throw new Error(`the membership index did not warm within ${Math.round(timeoutMs / 60_000)} minutes`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface BenchServer {
  baseUrl: string;
  /** How long the server took to answer its first request (the large seed is written on first start). */
  startupMs: number;
  stop: () => Promise<void>;
}

/**
 * Builds the SPA into a temp dir (never ./dist: others build there) and starts the real server on
 * a fresh temp database with the given seed. Everything is deleted on stop.
 */
export async function startServer(seed: 'default' | 'large', extraEnv: Record<string, string> = {}): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'iam-bench-'));
  const dist = join(dir, 'dist');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', dist], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const port = await freePort();
  const env = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DIST_DIR: dist,
    SANDBOX_DB: join(dir, 'sandbox.db'),
    CONSOLE_DB: join(dir, 'console.db'),
    SANDBOX_SEED: seed,
    // Always the sandbox, whatever the shell holds.
    CLOUDFLARE_API_TOKEN: '',
    CLOUDFLARE_EMAIL: '',
    CLOUDFLARE_API_KEY: '',
    ...extraEnv,
  };
  const child: ChildProcess = spawn('npx', ['tsx', 'server/index.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/console-api/mode`)).ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 180_000) throw new Error('server did not start within 3 minutes');
    await new Promise((r) => setTimeout(r, 200));
  }
  const startupMs = performance.now() - started;
  return {
    baseUrl,
    startupMs,
    stop: async () => {
      // The whole process group: npx → tsx → node.
      if (child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
      await new Promise((r) => setTimeout(r, 300));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? NaN };
}

/** Prints rows as an aligned text table (numbers in ms with one decimal). */
export function printTable(title: string, rows: Array<Record<string, string | number>>): void {
  console.log(`\n${title}`);
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const cell = (v: string | number | undefined) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : (v ?? ''));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) =>
    values.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  console.log(line(columns));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(columns.map((c) => cell(row[c]))));
}
