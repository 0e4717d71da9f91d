/**
 * What history costs: a write through the sandbox (its audit recorder reads the resource before
 * and after) and through the console's journal on top, against a plain read; and one History page
 * (with the audit-log merge) as the journal grows. Reported, never asserted.
 */
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openConsoleStore } from '../server/runtime/node/open-console-store.ts';
import { openSandboxDb } from '../server/sandbox/db/open.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT } from '../server/sandbox/db/seed.ts';

const ORIGIN = 'http://127.0.0.1:3000';
const HEADERS = { host: '127.0.0.1:3000', origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' };
const GROUPS = `/client/v4/accounts/${ACCOUNT}/iam/user_groups`;

async function timed(label: string, n: number, fn: (i: number) => Response | Promise<Response>) {
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const res = await fn(i);
    if (!res.ok) throw new Error(`${label}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  }
  const ms = (performance.now() - started) / n;
  console.log(`${label.padEnd(58)} ${ms.toFixed(2)} ms each (n=${n})`);
}

export async function run() {
  const app = createApp({ config: loadConfig({ PORT: '3000' }), db: openSandboxDb(':memory:', 'default'), consoleStorage: openConsoleStore(':memory:'), serveSpa: false });
  const call = (method: string, path: string, console: boolean, body?: unknown) =>
    app.request(ORIGIN + path, {
      method,
      headers: { ...HEADERS, ...(console ? { 'x-iam-console': '1' } : { authorization: 'Bearer bench' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const id = (await (await call('POST', GROUPS, false, { name: 'Bench history', policies: [] })).json()).result.id as string;
  const N = 300;
  await timed('GET one group (baseline read)', N, () => call('GET', `${GROUPS}/${id}`, false));
  await timed('PUT rename, API client (sandbox audit log records it)', N, (i) => call('PUT', `${GROUPS}/${id}`, false, { name: `Bench a${i}` }));
  await timed('PUT rename, console (+ journal: before read, entry)', N, (i) => call('PUT', `${GROUPS}/${id}`, true, { name: `Bench c${i}` }));
  await timed('History page of 25 (journal + audit-log merge)', 50, () => call('GET', `/console-api/history?account_id=${ACCOUNT}&per_page=25`, true));
  await timed('History of one group, 25 per page', 50, () => call('GET', `/console-api/history?account_id=${ACCOUNT}&resource_type=user_group&resource_id=${id}`, true));
}
