import { describe, expect, it } from 'vitest';
import { createApp } from '../../runtime/node/app.ts';
import { loadConfig } from '../../config.ts';
import { openSandboxDb } from '../../runtime/node/open-sandbox-db.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT } from '../../sandbox/db/seed.ts';
import { createSandboxApi } from '../../sandbox/router.ts';
import { openConsoleStore } from '../../runtime/node/open-console-store.ts';

/**
 * What journaling a write costs the admin's rate limit, in live mode, counted at the upstream:
 * the History must not spend the budget the admin needs (one DELETE of a member used to cost 5
 * upstream calls, and 24–25 on a 5,200-member group).
 */
const ORIGIN = 'http://127.0.0.1:3000';
const CONSOLE = { host: '127.0.0.1:3000', origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'x-iam-console': '1', 'content-type': 'application/json' };
const GROUPS = `/client/v4/accounts/${ACCOUNT}/iam/user_groups`;

describe('requests per journaled write (live mode)', () => {
  it('a membership change costs no extra request; any other write at most one', async () => {
    const started = new Date().toISOString(); // after the seed's own past
    const db = openSandboxDb(':memory:', 'default');
    const upstream = createSandboxApi({ db, verificationDelayMs: 0 });
    const calls: string[] = [];
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(String(input).replace('https://api.test', 'http://sandbox'), init);
      calls.push(`${request.method} ${new URL(request.url).pathname}`);
      return upstream.fetch(request);
    }) as typeof fetch;
    const config = loadConfig({ PORT: '3000', CLOUDFLARE_API_TOKEN: 'live-secret-token-1234', CLOUDFLARE_API_BASE: 'https://api.test/client/v4' });
    const app = createApp({ config, db: null, consoleStorage: openConsoleStore(':memory:'), serveSpa: false, fetchImpl, security: { session: false } });
    const call = (method: string, path: string, body?: unknown) =>
      app.request(ORIGIN + path, { method, headers: CONSOLE, body: body === undefined ? undefined : JSON.stringify(body) });

    // The index reads the account once; after that it is idle until its refresh is due.
    const status = async () => (await (await call('GET', `/console-api/accounts/${ACCOUNT}/membership-index`)).json()) as { state: string };
    for (let i = 0; i < 800 && (await status()).state !== 'warm'; i++) await new Promise((r) => setTimeout(r, 25));
    expect((await status()).state).toBe('warm');

    const group = db.prepare('SELECT id FROM user_groups WHERE account_id = ? ORDER BY name LIMIT 1').get(ACCOUNT) as { id: string };
    const outsider = db
      .prepare('SELECT id FROM account_members WHERE account_id = ? AND id NOT IN (SELECT member_id FROM user_group_members WHERE user_group_id = ?) LIMIT 1')
      .get(ACCOUNT, group.id) as { id: string };
    const current = (db.prepare('SELECT member_id AS id FROM user_group_members WHERE user_group_id = ?').all(group.id) as Array<{ id: string }>).map((m) => ({ id: m.id }));
    // The credential's id is read once, on the first write; not counted below.
    await call('PUT', `${GROUPS}/${group.id}`, { name: 'Warm-up rename' });

    async function extraRequests(method: string, path: string, body?: unknown): Promise<number> {
      const before = calls.length;
      const res = await call(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(200);
      return calls.length - before - 1;
    }
    const costs = {
      add: await extraRequests('POST', `${GROUPS}/${group.id}/members`, [{ id: outsider.id }]),
      remove: await extraRequests('DELETE', `${GROUPS}/${group.id}/members/${outsider.id}`),
      replace: await extraRequests('PUT', `${GROUPS}/${group.id}/members`, current),
      rename: await extraRequests('PUT', `${GROUPS}/${group.id}`, { name: 'Renamed once' }),
    };
    expect(costs).toEqual({ add: 0, remove: 0, replace: 0, rename: 1 });

    const history = (await (await call('GET', `/console-api/history?account_id=${ACCOUNT}&resource_type=user_group_members&per_page=10&since=${started}`)).json()) as {
      entries: Array<{ action: string; before: Array<{ id: string; email?: string }> | null; after: Array<{ id: string; email?: string }> | null; resource: { name: string | null } }>;
    };
    const byAction = Object.fromEntries(history.entries.map((e) => [e.action, e]));
    expect(byAction.add_members?.after).toEqual([expect.objectContaining({ id: outsider.id, email: expect.stringContaining('@') })]);
    expect(byAction.remove_member?.before).toEqual([expect.objectContaining({ id: outsider.id, email: expect.stringContaining('@') })]);
    expect(byAction.remove_member?.after).toEqual([]);
    expect(byAction.add_members?.resource.name).toBe('Warm-up rename');
  }, 60_000);
});
