import { startConsole } from './hardening-support.ts';
import { load } from './load.ts';
import { ACCOUNT_ID, printTable } from './support.ts';
import { startWorkersConsole } from './workers-support.ts';

/**
 * The same load on both runtimes, one after the other: GET user_groups?per_page=20 on the Node
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

async function measure(baseUrl: string, headers: Record<string, string>) {
  const check = await fetch(baseUrl + LIST, { headers });
  if (check.status !== 200) throw new Error(`${baseUrl} answered ${check.status}: ${(await check.text()).slice(0, 200)}`);
  await load({ url: baseUrl + LIST, connections: CONNECTIONS, seconds: 1, headers }); // warm-up, discarded
  return load({ url: baseUrl + LIST, connections: CONNECTIONS, seconds: SECONDS, headers });
}

export async function run(): Promise<void> {
  const rows: Array<Record<string, string | number>> = [];
  const node = await startConsole({ spa: false, env: NO_RATE_LIMIT });
  try {
    rows.push({ runtime: 'Node (better-sqlite3)', ...(await measure(node.baseUrl, HEADERS)) });
  } finally {
    await node.stop();
  }
  const worker = await startWorkersConsole(NO_RATE_LIMIT);
  try {
    rows.push({ runtime: 'Workers on wrangler dev (Durable Object SQLite)', ...(await measure(worker.baseUrl, { ...HEADERS, ...worker.headers })) });
  } finally {
    await worker.stop();
  }
  printTable(`GET user_groups?per_page=20: ${CONNECTIONS} connections × ${SECONDS} s on each runtime, one after the other`, rows);
  const [n, w] = rows as Array<{ 'req/s': number }>;
  console.log(`Workers / Node throughput: ×${(w!['req/s'] / n!['req/s']).toFixed(2)}`);
}
