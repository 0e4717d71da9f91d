import { describe, expect, it } from 'vitest';
import { createApp } from '../../runtime/node/app.ts';
import { loadConfig } from '../../config.ts';
import { openSandboxDb } from '../../runtime/node/open-sandbox-db.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT } from '../../sandbox/db/seed.ts';
import { createSandboxApi } from '../../sandbox/router.ts';
import { openConsoleStore } from '../../runtime/node/open-console-store.ts';

const ORIGIN = 'http://127.0.0.1:3000';
const CONSOLE = { host: '127.0.0.1:3000', origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'x-iam-console': '1' };
const GROUPS = `/client/v4/accounts/${ACCOUNT}/iam/user_groups`;

function consoleCall(app: { request: (url: string, init?: RequestInit) => Response | Promise<Response> }, method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
  return app.request(ORIGIN + path, {
    method,
    headers: { ...CONSOLE, ...extra, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function history(app: Parameters<typeof consoleCall>[0], query = '') {
  const res = await consoleCall(app, 'GET', `/console-api/history?account_id=${ACCOUNT}${query}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { entries: any[]; total: number; audit_log_synced: boolean };
  // The seed's own past (a year of Acme Corp's audit log) is not what these tests are about.
  return { ...body, entries: body.entries.filter((e) => Date.parse(e.at) >= TEST_START) };
}
const TEST_START = Date.now();

function sandboxConsole(env: Record<string, string> = {}) {
  const db = openSandboxDb(':memory:', 'default');
  const storage = openConsoleStore(':memory:');
  const app = createApp({ config: loadConfig({ PORT: '3000', ...env }), db, consoleStorage: storage, serveSpa: false });
  const ids = {
    pg: (db.prepare("SELECT id FROM permission_groups WHERE scope_level = 'zone' LIMIT 1").get() as { id: string }).id,
    rg: (db.prepare('SELECT id, name FROM resource_groups WHERE account_id = ? LIMIT 1').get(ACCOUNT) as { id: string }).id,
    member: (db.prepare('SELECT id, email FROM account_members WHERE account_id = ? LIMIT 1').get(ACCOUNT) as { id: string; email: string }),
  };
  return { app, db, storage, ids };
}

describe('change journal (sandbox mode)', () => {
  it('records each console write with before and after, request, result and actor', async () => {
    const { app, ids } = sandboxConsole();
    const created = await (await consoleCall(app, 'POST', GROUPS, { name: 'Journaled', policies: [] })).json();
    const id = created.result.id as string;
    const policy = { access: 'allow', permission_groups: [{ id: ids.pg }], resource_groups: [{ id: ids.rg }] };
    await consoleCall(app, 'PUT', `${GROUPS}/${id}`, { policies: [policy] });
    await consoleCall(app, 'POST', `${GROUPS}/${id}/members`, [{ id: ids.member.id }]);
    const rejected = await consoleCall(app, 'PUT', `${GROUPS}/${id}`, { name: '' });
    expect(rejected.status).toBe(400);

    const { entries } = await history(app, `&resource_type=user_group&resource_id=${id}`);
    expect(entries.map((e) => [e.action, e.source, e.result.success])).toEqual([
      ['update', 'console', false],
      ['add_members', 'console', true],
      ['update', 'console', true],
      ['create', 'console', true],
    ]);
    const [failed, added, updated] = entries;
    expect(failed.result.errors[0]).toMatchObject({ code: 1001 });
    expect(added).toMatchObject({ resource: { type: 'user_group_members', name: 'Journaled' }, before: [], after: [{ id: ids.member.id, email: ids.member.email }] });
    expect(updated.before.policies).toEqual([]);
    expect(updated.after.policies[0].permission_groups[0].id).toBe(ids.pg);
    expect(updated.request).toMatchObject({ method: 'PUT', body: { policies: [policy] } });
    expect(updated.actor.label).toMatch(/^API token [0-9a-f]{8}…$/);
  });

  it('keeps a deleted group’s members in the before-state and marks a revert', async () => {
    const { app, ids } = sandboxConsole();
    const id = (await (await consoleCall(app, 'POST', GROUPS, { name: 'Doomed', policies: [] })).json()).result.id;
    await consoleCall(app, 'POST', `${GROUPS}/${id}/members`, [{ id: ids.member.id }]);
    await consoleCall(app, 'DELETE', `${GROUPS}/${id}`);
    const deleted = (await history(app, `&action=delete`)).entries[0];
    expect(deleted.before).toMatchObject({ name: 'Doomed', members: [{ id: ids.member.id }] });
    expect(deleted.after).toBeNull();
    await consoleCall(app, 'POST', GROUPS, { name: 'Doomed', policies: [] }, { 'x-iam-console-revert': deleted.id });
    const revert = (await history(app, `&action=create`)).entries[0];
    expect(revert.reverts).toBe(deleted.id);
    const one = await consoleCall(app, 'GET', `/console-api/history/${deleted.id}?account_id=${ACCOUNT}`);
    expect((await one.json()).entry).toMatchObject({ id: deleted.id, action: 'delete' });
    expect((await consoleCall(app, 'GET', `/console-api/history/${deleted.id}?account_id=${'0'.repeat(32)}`)).status).toBe(404);
  });

  it('merges changes made directly through the API, once, marked with their source', async () => {
    const { app } = sandboxConsole();
    await consoleCall(app, 'POST', GROUPS, { name: 'By console', policies: [] });
    // An SDK or Terraform with its own token, not through the console.
    await app.request(ORIGIN + GROUPS, {
      method: 'POST',
      headers: { host: '127.0.0.1:3000', authorization: 'Bearer terraform-token', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'By terraform', policies: [] }),
    });
    const { entries, audit_log_synced } = await history(app);
    expect(audit_log_synced).toBe(true);
    expect(entries.map((e) => [e.resource.name, e.source])).toEqual([
      ['By terraform', 'api'],
      ['By console', 'console'],
    ]);
    const actorFilter = await history(app, `&actor=${encodeURIComponent(entries[0].actor.label.slice(0, 14))}`);
    expect(actorFilter.entries.map((e) => e.resource.name)).toEqual(['By terraform']);
  });

  it('shows a change made through the API right after an earlier History view', async () => {
    const { app } = sandboxConsole();
    const direct = (name: string) =>
      app.request(ORIGIN + GROUPS, {
        method: 'POST',
        headers: { host: '127.0.0.1:3000', authorization: 'Bearer terraform-token', 'content-type': 'application/json' },
        body: JSON.stringify({ name, policies: [] }),
      });
    await direct('Before the first view');
    expect((await history(app)).entries.map((e) => e.resource.name)).toEqual(['Before the first view']);
    await direct('Right after it');
    expect((await history(app)).entries.map((e) => e.resource.name)).toEqual(['Right after it', 'Before the first view']);
  });

  it('exports NDJSON, oldest first, and forgets entries past CONSOLE_HISTORY_DAYS', async () => {
    const { app, storage } = sandboxConsole({ CONSOLE_HISTORY_DAYS: '30' });
    await consoleCall(app, 'POST', GROUPS, { name: 'First', policies: [] });
    await consoleCall(app, 'POST', GROUPS, { name: 'Second', policies: [] });
    const res = await consoleCall(app, 'GET', `/console-api/history/export?account_id=${ACCOUNT}&since=${new Date(TEST_START).toISOString()}`);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await res.text()).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((e) => e.resource.name)).toEqual(['First', 'Second']);
    storage.prepare("UPDATE journal_entries SET at = '2020-01-01T00:00:00.000Z' WHERE resource_name = 'First'").run();
    const { pruneEntries } = await import('./store.ts');
    expect(pruneEntries(storage, 30)).toBe(1);
    expect((await history(app)).entries.map((e) => e.resource.name)).toEqual(['Second']);
  });
});

describe('change journal (live mode, against a stand-in upstream)', () => {
  it('journals the console’s writes and merges the upstream audit log, dashboard and API marked apart', async () => {
    const upstreamDb = openSandboxDb(':memory:', 'default');
    const upstream = createSandboxApi({ db: upstreamDb, verificationDelayMs: 0 });
    const dashboardChange = {
      id: 'dash-1', action: { type: 'update', result: true }, actor: { id: 'u1', email: 'dana@acme.example', type: 'user' },
      interface: 'UI', resource: { id: 'f'.repeat(32), type: 'user_group' }, when: new Date(Date.now() + 1000).toISOString(),
      oldValue: '{"name":"Ops"}', newValue: '{"name":"Operations"}',
    };
    const zoneChange = { ...dashboardChange, id: 'zone-1', resource: { id: 'z', type: 'zone' } };
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(String(input).replace('https://api.test', 'http://sandbox'), init);
      const response = await upstream.fetch(request);
      if (!new URL(request.url).pathname.endsWith('/audit_logs')) return response;
      // The real audit log also holds dashboard changes and non-IAM events.
      const body = (await response.json()) as { result: unknown[] };
      return Response.json({ ...body, result: [...body.result, dashboardChange, zoneChange] });
    }) as typeof fetch;
    const storage = openConsoleStore(':memory:');
    const config = loadConfig({ PORT: '3000', CLOUDFLARE_API_TOKEN: 'live-secret-token-1234', CLOUDFLARE_API_BASE: 'https://api.test/client/v4' });
    const app = createApp({ config, db: null, consoleStorage: storage, serveSpa: false, fetchImpl, security: { session: false } });

    const res = await consoleCall(app, 'POST', GROUPS, { name: 'Live group', policies: [] });
    expect(res.status).toBe(200);
    const { entries } = await history(app);
    expect(entries.map((e) => [e.resource.name, e.source, e.actor.label])).toEqual([
      ['Operations', 'dashboard', 'dana@acme.example'],
      ['Live group', 'console', expect.stringMatching(/^API token /)],
    ]);
    const stored = JSON.stringify(storage.prepare('SELECT * FROM journal_entries').all());
    expect(stored).not.toContain('live-secret-token-1234');
  });
});
