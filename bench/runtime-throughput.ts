import { startConsole } from './hardening-support.ts';
import { load } from './load.ts';
import { ACCOUNT_ID, printTable } from './support.ts';
import { startWorkersConsole } from './workers-support.ts';

/**
 * The same load on both runtimes, one after the other: GET user_groups?per_page=20 (and, as the
 * floor of what a request costs there, the database-free /console-api/mode) on the Node
 * server and on the Worker under `wrangler dev` (the handlers inside a Durable Object over its
 * SQLite, every request's Access token verified). wrangler dev puts a Node proxy in front of
 * workerd, so its figure is a floor for the local tool, not a forecast for Cloudflare's edge.
 * BENCH_LOAD_SECONDS (default 4) and BENCH_LOAD_CONNECTIONS (default 10) tune it. The sandbox's
 * rate limit is off on both: it would answer 429 past 1,200 requests, and this measures the server.
 */
const NO_RATE_LIMIT = { SANDBOX_RATE_LIMIT: 'off' };
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 10);
const LIST = `/client/v4/accounts/${ACCOUNT_ID}/iam/user_groups?per_page=20`;
const HEADERS = { authorization: 'Bearer bench', accept: 'application/json' };

/** The console's smallest answer (no database): what the runtime and its front cost per request. */
const MODE = '/console-api/mode';

async function measure(baseUrl: string, path: string, headers: Record<string, string>) {
  const check = await fetch(baseUrl + path, { headers });
  if (check.status !== 200) throw new Error(`${baseUrl} answered ${check.status}: ${(await check.text()).slice(0, 200)}`);
  await load({ url: baseUrl + path, connections: CONNECTIONS, seconds: 1, headers }); // warm-up, discarded
  return load({ url: baseUrl + path, connections: CONNECTIONS, seconds: SECONDS, headers });
}

async function both(runtime: string, baseUrl: string, headers: Record<string, string>) {
  return [
    { runtime, route: 'user_groups?per_page=20', ...(await measure(baseUrl, LIST, headers)) },
    { runtime, route: 'console-api/mode', ...(await measure(baseUrl, MODE, headers)) },
  ];
}

export async function run(): Promise<void> {
  const rows: Array<Record<string, string | number>> = [];
  const node = await startConsole({ spa: false, env: NO_RATE_LIMIT });
  try {
    rows.push(...(await both('Node (better-sqlite3)', node.baseUrl, HEADERS)));
  } finally {
    await node.stop();
  }
  const worker = await startWorkersConsole(NO_RATE_LIMIT);
  try {
    rows.push(...(await both('Workers on wrangler dev (Durable Object SQLite)', worker.baseUrl, { ...HEADERS, ...worker.headers })));
  } finally {
    await worker.stop();
  }
  printTable(`${CONNECTIONS} connections × ${SECONDS} s per route on each runtime, one after the other`, rows);
  const [nList, nMode, wList, wMode] = rows as Array<{ 'req/s': number }>;
  console.log(`Workers / Node throughput: user_groups ×${(wList!['req/s'] / nList!['req/s']).toFixed(2)}, console-api/mode ×${(wMode!['req/s'] / nMode!['req/s']).toFixed(2)}`);
}
