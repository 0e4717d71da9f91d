/**
 * What history costs: a write through the sandbox (its audit recorder reads the resource before
 * and after) and through the console's journal on top, against a plain read; and one History page
 * (with the audit-log merge) as the journal grows. Reported, never asserted.
 */
import { createApp } from '../server/runtime/node/app.ts';
import { loadConfig } from '../server/config.ts';
import { openConsoleStore } from '../server/runtime/node/open-console-store.ts';
import { openSandboxDb } from '../server/runtime/node/open-sandbox-db.ts';
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
  await requestsPerJournaledWrite('default');
  await requestsPerJournaledWrite('large');
}

/**
 * Requests per journaled write, counted at a stand-in upstream in live mode once the membership
 * index is warm: the journal's own reads are what the admin's rate limit pays for History.
 */
export async function requestsPerJournaledWrite(seed: 'default' | 'large') {
  const { createSandboxApi } = await import('../server/sandbox/router.ts');
  const db = openSandboxDb(':memory:', seed);
  const upstream = createSandboxApi({ db, verificationDelayMs: 0 });
  let calls = 0;
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls += 1;
    return upstream.fetch(new Request(String(input).replace('https://api.test', 'http://sandbox'), init));
  }) as typeof fetch;
  // The large seed's index would take the budget's hours to build (10k groups at Cloudflare's
  // limit); there the index is held (share 0) so its background reads do not mix into the count:
  // a membership change costs the same with a cold index, only its entry lacks emails.
  const warm = seed === 'default';
  const config = loadConfig({ PORT: '3000', CLOUDFLARE_API_TOKEN: 'bench-token-123456', CLOUDFLARE_API_BASE: 'https://api.test/client/v4', CONSOLE_INDEX_SHARE: warm ? '1' : '0' });
  const app = createApp({ config, db: null, consoleStorage: openConsoleStore(':memory:'), serveSpa: false, fetchImpl, security: { session: false } });
  const call = (method: string, path: string, body?: unknown) =>
    app.request(ORIGIN + path, { method, headers: { ...HEADERS, 'x-iam-console': '1' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const started = performance.now();
  for (; warm; ) {
    const status = (await (await call('GET', `/console-api/accounts/${ACCOUNT}/membership-index`)).json()) as { state: string };
    if (status.state === 'warm') break;
    if (performance.now() - started > 600_000) throw new Error('index not warm after 10 minutes');
    await new Promise((r) => setTimeout(r, 100));
  }
  const group = db
    .prepare('SELECT user_group_id AS id, count(*) AS n FROM user_group_members m JOIN user_groups g ON g.id = m.user_group_id WHERE g.account_id = ? GROUP BY 1 ORDER BY 2 DESC LIMIT 1')
    .get(ACCOUNT) as { id: string; n: number };
  // The biggest group may hold everyone: a member is removed, then added back.
  const member = db.prepare('SELECT member_id AS id FROM user_group_members WHERE user_group_id = ? LIMIT 1').get(group.id) as { id: string };
  await call('PUT', `${GROUPS}/${group.id}`, { name: 'Bench warm-up' });
  const extra = async (label: string, method: string, path: string, body?: unknown) => {
    const before = calls;
    const res = await call(method, path, body);
    if (!res.ok) throw new Error(`${label}: ${res.status} ${await res.text()}`);
    console.log(`  ${label.padEnd(40)} ${calls - before - 1} extra request(s)`);
  };
  console.log(`requests per journaled write, ${seed} seed, group of ${group.n} members (live mode, index ${warm ? 'warm' : 'held'}):`);
  await extra('remove one member', 'DELETE', `${GROUPS}/${group.id}/members/${member.id}`);
  await extra('add one member', 'POST', `${GROUPS}/${group.id}/members`, [{ id: member.id }]);
  await extra('rename the group', 'PUT', `${GROUPS}/${group.id}`, { name: 'Bench renamed' });
}
