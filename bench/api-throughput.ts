import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestSpec } from 'autocannon';
import { startConsole, verdict, waitUntilUp } from './hardening-support.ts';
import { load, share, type LoadResult } from './load.ts';
import { ACCOUNT_ID, freePort, printTable } from './support.ts';

/**
 * Sandbox API under load, on the real server (default seed), with autocannon:
 * 1. GET user_groups?per_page=20 — every group with its policies, from SQLite — side by side in
 *    the same run with Prism mocking the same endpoint (bench/prism/user-groups.openapi.json) with
 *    the sandbox's own answer as its example: the same bytes from a static mock. Target: ≥ 3×.
 * 2. Reads at 200 connections (list, one group, its members, resource groups). Target p99 < 50 ms.
 * 3. Mixed reads and writes at 200 connections (one request in five a PUT that renames a group and
 *    replaces its policies). Targets: no 5xx, p99 < 200 ms, timeouts ≤ 0.05 %. Twice: with every
 *    connection sending the same cycle in step (the writes arrive in waves and the reads after a
 *    wave share one cache refill), then with each request drawn at random from that cycle (writes
 *    spread out, so most list reads come right after some write: the harder case).
 * Each row also gives how long until every connection had its first answer, and the p99 over every
 * response from the start (load.ts); the targets are checked against that one, the burst included.
 * BENCH_LOAD_SECONDS (default 4) and BENCH_LOAD_CONNECTIONS (default 10, scenario 1) tune it.
 * Numbers only: nothing fails on a timing.
 */

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 10);
const MANY = 200;
const GROUPS = `/client/v4/accounts/${ACCOUNT_ID}/iam/user_groups`;
const LIST = `${GROUPS}?per_page=20`;
const HEADERS = { authorization: 'Bearer bench', accept: 'application/json' };
const ROOT = new URL('..', import.meta.url).pathname;

async function startPrism(example: unknown): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'iam-bench-prism-'));
  const doc = JSON.parse(readFileSync(join(ROOT, 'bench/prism/user-groups.openapi.json'), 'utf8'));
  doc.paths['/client/v4/accounts/{account_id}/iam/user_groups'].get.responses['200'].content['application/json'].example = example;
  const file = join(dir, 'user-groups.openapi.json');
  writeFileSync(file, JSON.stringify(doc));
  const port = await freePort();
  // Prism logs every request; its output is dropped so logging does not skew it.
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js'), 'mock', '-h', '127.0.0.1', '-p', String(port), file], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(baseUrl + LIST, child, 'Prism', { headers: HEADERS });
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

async function json(url: string, init?: RequestInit) {
  const res = await fetch(url, { ...init, headers: { ...HEADERS, 'content-type': 'application/json', ...init?.headers } });
  return (await res.json()) as { result: any };
}

/** Scenario 1: the list against Prism, same connections, one after the other. */
async function versusPrism(baseUrl: string): Promise<void> {
  const rows: Array<Record<string, string | number>> = [];
  const sample = await json(baseUrl + LIST);
  await load({ url: baseUrl + LIST, connections: CONNECTIONS, seconds: 1, headers: HEADERS }); // warm-up, discarded
  const ours = await load({ url: baseUrl + LIST, connections: CONNECTIONS, seconds: SECONDS, headers: HEADERS });
  rows.push({ server: 'IAM Console sandbox (SQLite)', ...ours });
  let prism: Awaited<ReturnType<typeof startPrism>> | null = null;
  try {
    prism = await startPrism(sample);
    const check = await fetch(prism.baseUrl + LIST, { headers: HEADERS });
    if (check.status !== 200) throw new Error(`Prism answered ${check.status}: ${(await check.text()).slice(0, 300)}`);
    await load({ url: prism.baseUrl + LIST, connections: CONNECTIONS, seconds: 1, headers: HEADERS });
    const theirs = await load({ url: prism.baseUrl + LIST, connections: CONNECTIONS, seconds: SECONDS, headers: HEADERS });
    rows.push({ server: 'Prism mock (static example)', ...theirs });
    printTable(`1. GET user_groups?per_page=20: ${CONNECTIONS} connections × ${SECONDS} s each, one after the other`, rows);
    const ratio = ours['req/s'] / theirs['req/s'];
    console.log(`ratio sandbox / Prism: throughput ×${ratio.toFixed(2)} (target ≥ ×3: ${verdict(ratio, 3, true)}), p95 ×${(ours['p95 ms'] / theirs['p95 ms']).toFixed(2)}`);
  } catch (error) {
    printTable(`1. GET user_groups?per_page=20: ${CONNECTIONS} connections × ${SECONDS} s`, rows);
    console.log(`Prism could not be measured here: ${(error as Error).message}`);
  } finally {
    await prism?.stop();
  }
}

/** One of `specs` at random on every send (autocannon otherwise sends them in turn on each connection). */
function drawnAtRandom(specs: RequestSpec[]): RequestSpec {
  return {
    setupRequest: (request) => {
      const spec = specs[Math.floor(Math.random() * specs.length)]!;
      const drawn = { ...request, method: spec.method, path: spec.path, headers: spec.headers ?? request.headers, body: undefined };
      return spec.setupRequest ? spec.setupRequest(drawn) : drawn;
    },
  };
}

/** Scenarios 2 and 3: the dashboard's reads, then reads with writes, at 200 connections. */
async function manyConnections(baseUrl: string): Promise<void> {
  const list = (await json(`${baseUrl}${GROUPS}?per_page=50`)).result as Array<{ id: string; policies: unknown[] }>;
  const group = list.find((g) => g.policies.length > 0)!;
  const resourceGroups = `/client/v4/accounts/${ACCOUNT_ID}/iam/resource_groups`;
  const reads: RequestSpec[] = [
    { method: 'GET', path: LIST },
    { method: 'GET', path: `${GROUPS}/${group.id}` },
    { method: 'GET', path: `${GROUPS}/${group.id}/members?per_page=50` },
    { method: 'GET', path: resourceGroups },
  ];
  // Groups of the bench's own, renamed and re-policied in turn by the writes.
  const policies = JSON.parse(JSON.stringify(group.policies)).map((p: any) => ({
    access: p.access,
    permission_groups: p.permission_groups.map((pg: { id: string }) => ({ id: pg.id })),
    resource_groups: p.resource_groups.map((rg: { id: string }) => ({ id: rg.id })),
  }));
  const own: string[] = [];
  for (let i = 0; i < 20; i++) own.push((await json(baseUrl + GROUPS, { method: 'POST', body: JSON.stringify({ name: `Bench load ${i}`, policies }) })).result.id);
  let writes = 0;
  const write: RequestSpec = {
    method: 'PUT',
    headers: { ...HEADERS, 'content-type': 'application/json' },
    setupRequest: (request) => {
      const n = writes++;
      const id = own[n % own.length]!;
      return { ...request, path: `${GROUPS}/${id}`, body: JSON.stringify({ name: `Bench load ${n % own.length} r${n}`, policies: policies.slice(0, 1 + (n % policies.length)) }) };
    },
  };
  const mixed: RequestSpec[] = [...reads, write];

  await load({ url: baseUrl, connections: MANY, seconds: 1, headers: HEADERS, requests: reads }); // warm-up
  const r = await load({ url: baseUrl, connections: MANY, seconds: SECONDS, headers: HEADERS, requests: reads });
  const inStep = await load({ url: baseUrl, connections: MANY, seconds: SECONDS, headers: HEADERS, requests: mixed });
  const outOfStep = await load({ url: baseUrl, connections: MANY, seconds: SECONDS, headers: HEADERS, requests: [drawnAtRandom(mixed)] });
  printTable(`2–3. ${MANY} connections × ${SECONDS} s (reads: list, one group, its members, resource groups; mixed: + 1 PUT in 5)`, [
    { scenario: 'reads', ...r },
    { scenario: 'mixed, in step', ...inStep },
    { scenario: 'mixed, at random', ...outOfStep },
  ]);
  const timeoutShare = (x: LoadResult) => share(x.timeouts, x);
  // The targets hold for every response, the 200 connections' opening burst included.
  const p99 = (x: LoadResult, budget: number) =>
    `p99 ${x['p99 from start ms'].toFixed(1)} ms from the start, ${x['p99 ms'].toFixed(1)} once connected ` +
    `(target < ${budget}: ${verdict(x['p99 from start ms'], budget)})`;
  const mixedLine = (label: string, m: LoadResult) =>
    `3. ${label}: 5xx ${m['5xx']} (target 0: ${verdict(m['5xx'], 0)}), ${p99(m, 200)}, ` +
    `timeouts ${timeoutShare(m).toFixed(3)} % (target ≤ 0.05 %: ${verdict(timeoutShare(m), 0.05)})`;
  console.log(
    [
      `2. reads: ${p99(r, 50)}`,
      mixedLine('mixed, in step', inStep),
      mixedLine('mixed, at random', outOfStep),
    ].join('\n'),
  );
}

export async function run(): Promise<void> {
  // Throughput of the server itself: Cloudflare's per-credential limit would answer 429 after 1,200.
  const server = await startConsole({ spa: false, env: { SANDBOX_RATE_LIMIT: 'off' } });
  try {
    await versusPrism(server.baseUrl);
    await manyConnections(server.baseUrl);
  } finally {
    await server.stop();
  }
}
