import { describe, expect, it } from 'vitest';
import { createApp } from '../runtime/node/app.ts';
import { loadConfig } from '../config.ts';
import { openSandboxDb } from '../runtime/node/open-sandbox-db.ts';
import { ACCOUNT } from '../sandbox/test-support.ts';
import { openConsoleStore } from '../runtime/node/open-console-store.ts';
import { createAccountGate } from './account-gate.ts';

const dashboard = { 'x-iam-console': '1', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' };
const madeUp = (i: number) => i.toString(16).padStart(32, 'e');

describe('the console works only for accounts its credential reaches', () => {
  it('300 made-up account ids start no index and keep no rows', async () => {
    const db = openSandboxDb(':memory:', 'default');
    const storage = openConsoleStore(':memory:');
    const app = createApp({ config: loadConfig({ SANDBOX_RATE_LIMIT: 'off' }), db, consoleStorage: storage, serveSpa: false });
    const answers = [];
    for (let i = 0; i < 300; i++) {
      const res = await app.request(`/console-api/accounts/${madeUp(i)}/membership-index`, { headers: dashboard });
      answers.push(res.status);
    }
    expect(new Set(answers)).toEqual(new Set([404]));
    const tables = (storage.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);
    for (const table of tables.filter((t) => t.startsWith('index_') || t.startsWith('membership'))) {
      const rows = storage.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE account_id LIKE 'eeee%'`).get() as { n: number } | undefined;
      expect(rows?.n ?? 0, table).toBe(0);
    }
    const real = await app.request(`/console-api/accounts/${ACCOUNT}/membership-index`, { headers: dashboard });
    expect(real.status).toBe(200);
  });

  it('refuses dismissals and history for a made-up account, and a finding id past 200 characters', async () => {
    const db = openSandboxDb(':memory:', 'default');
    const app = createApp({ config: loadConfig({ SANDBOX_RATE_LIMIT: 'off' }), db, consoleStorage: openConsoleStore(':memory:'), serveSpa: false });
    const dismiss = (account: string, finding: string) =>
      app.request(`/console-api/accounts/${account}/findings/${finding}/dismissal`, { method: 'PUT', headers: dashboard, body: JSON.stringify({ reason: 'known' }) });
    expect((await dismiss(madeUp(1), 'rule:x')).status).toBe(404);
    expect((await app.request(`/console-api/history?account_id=${madeUp(2)}`, { headers: dashboard })).status).toBe(404);
    expect((await dismiss(ACCOUNT, 'x'.repeat(8000))).status).toBe(400);
    expect((await dismiss(ACCOUNT, 'rule:x')).status).toBe(200);
  });

  it('asks the API again for an unknown id at most every 30 s, and for a known one every 5 minutes', async () => {
    let calls = 0;
    let clock = 0;
    const handler = async () => {
      calls += 1;
      return Response.json({ success: true, errors: [], messages: [], result: [{ id: ACCOUNT, name: 'Acme' }] });
    };
    const gate = createAccountGate(() => handler, () => clock);
    expect(await gate.reachable(ACCOUNT)).toBe(true);
    expect(await gate.reachable(madeUp(1))).toBe(false);
    expect(await gate.reachable(madeUp(2))).toBe(false);
    expect(calls).toBe(1);
    clock = 31_000;
    expect(await gate.reachable(madeUp(3))).toBe(false);
    expect(calls).toBe(2);
    clock = 60_000;
    expect(await gate.reachable(ACCOUNT)).toBe(true);
    expect(calls).toBe(2);
    clock = 31_000 + 5 * 60_000;
    expect(await gate.reachable(ACCOUNT)).toBe(true);
    expect(calls).toBe(3);
    expect(await gate.reachable('not-hex')).toBe(false);
  });
});
