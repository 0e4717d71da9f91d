import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startConsole, waitUntilUp } from './hardening-support.ts';
import { ACCOUNT_ID, freePort, printTable, summarize } from './support.ts';
import { startWorkersConsole } from './workers-support.ts';

/**
 * Sandbox API under load: `autocannon` against GET user_groups (the default seed's first page,
 * every group with its policies, from SQLite) on the real server, and side by side in the same
 * run against Prism mocking the same endpoint from bench/prism/user-groups.openapi.json with the
 * sandbox's own answer as its example — the same bytes from a static mock. Throughput and
 * p50/p95/p99 latency (from every response's own time), and the ratio. The same load goes to
 * the Worker on `wrangler dev` (the handlers inside a Durable Object, each request's Access token
 * verified) for the runtime's figure beside Node's. BENCH_LOAD_SECONDS
 * (default 10) and BENCH_LOAD_CONNECTIONS (default 10) tune the load.
 */

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 10);
const PATH = `/client/v4/accounts/${ACCOUNT_ID}/iam/user_groups`;
const HEADERS = { authorization: 'Bearer bench', accept: 'application/json' };
const ROOT = new URL('..', import.meta.url).pathname;

async function load(url: string, extraHeaders: Record<string, string> = {}) {
  const times: number[] = [];
  let bytes = 0;
  const instance = autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: { ...HEADERS, ...extraHeaders } });
  instance.on('response', (_client, statusCode, resBytes, responseTime) => {
    if (statusCode === 200) times.push(responseTime);
    bytes = resBytes;
  });
  const result = await instance;
  const latency = summarize(times);
  const sorted = [...times].sort((a, b) => a - b);
  return {
    'req/s': result.requests.average,
    requests: result.requests.total,
    'p50 ms': latency.p50,
    'p95 ms': latency.p95,
    'p99 ms': sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)] ?? NaN,
    'non-2xx': result.non2xx,
    errors: result.errors + result.timeouts,
    'bytes/resp': bytes,
  };
}

async function startPrism(example: unknown): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'iam-bench-prism-'));
  const doc = JSON.parse(readFileSync(join(ROOT, 'bench/prism/user-groups.openapi.json'), 'utf8'));
  doc.paths['/client/v4/accounts/{account_id}/iam/user_groups'].get.responses['200'].content['application/json'].example = example;
  const file = join(dir, 'user-groups.openapi.json');
  writeFileSync(file, JSON.stringify(doc));
  const port = await freePort();
  // Prism logs every request; --errors off and its output dropped so logging does not skew it.
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js'), 'mock', '-h', '127.0.0.1', '-p', String(port), file], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(baseUrl + PATH, child, 'Prism', { headers: HEADERS });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${stderr.slice(-2000)}`, { cause: error });
  }
  return {
    baseUrl,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function run(): Promise<void> {
  const server = await startConsole({ spa: false });
  const rows: Array<Record<string, string | number>> = [];
  try {
    const sample = await (await fetch(server.baseUrl + PATH, { headers: HEADERS })).json();
    await load(server.baseUrl + PATH); // warm-up is cheap insurance against a cold JIT; discarded
    const ours = await load(server.baseUrl + PATH);
    rows.push({ server: 'IAM Console sandbox (SQLite)', ...ours });

    const worker = await startWorkersConsole().catch((error: Error) => {
      console.log(`wrangler dev could not be measured here: ${error.message}`);
      return null;
    });
    if (worker) {
      try {
        await load(worker.baseUrl + PATH, worker.headers);
        rows.push({ server: 'Worker on wrangler dev (Durable Object SQLite)', ...(await load(worker.baseUrl + PATH, worker.headers)) });
      } finally {
        await worker.stop();
      }
    }

    let prism: Awaited<ReturnType<typeof startPrism>> | null = null;
    try {
      prism = await startPrism(sample);
      const check = await fetch(prism.baseUrl + PATH, { headers: HEADERS });
      if (check.status !== 200) throw new Error(`Prism answered ${check.status}: ${(await check.text()).slice(0, 300)}`);
      await load(prism.baseUrl + PATH);
      const theirs = await load(prism.baseUrl + PATH);
      rows.push({ server: 'Prism mock (static example)', ...theirs });
      printTable(`GET user_groups under load: ${CONNECTIONS} connections × ${SECONDS} s each, same machine, one after the other`, rows);
      console.log(
        `ratio sandbox / Prism: throughput ×${(ours['req/s'] / theirs['req/s']).toFixed(2)}, ` +
          `p95 ×${(ours['p95 ms'] / theirs['p95 ms']).toFixed(2)} (lower is better for p95)`,
      );
    } catch (error) {
      printTable(`GET user_groups under load: ${CONNECTIONS} connections × ${SECONDS} s`, rows);
      console.log(`Prism could not be measured here: ${(error as Error).message}`);
    } finally {
      await prism?.stop();
    }
  } finally {
    await server.stop();
  }
}
