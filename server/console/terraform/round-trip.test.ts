import { describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openSandboxDb, type Db } from '../../sandbox/db/open.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT } from '../../sandbox/db/seed.ts';
import { openConsoleStore } from '../../runtime/node/open-console-store.ts';
import { parseHcl } from '../../../src/lib/terraform/hcl-parser.ts';
import { loadBaseline } from '../../../src/lib/terraform/baseline.ts';
import { compareBaseline, type LiveSide } from '../../../src/lib/terraform/drift.ts';
import { isTfType, unknownAttributes } from '../../../src/lib/terraform/provider-schema.ts';

/**
 * The round trip of issue 29 through the whole server: export → parse the HCL with the parser →
 * every attribute is in the provider's schema → the parsed code as a baseline → no drift; then a
 * change made straight through the API (not the console) → exactly that change, and the journal
 * names who made it.
 */
const ORIGIN = 'http://127.0.0.1:3000';
const CONSOLE = { host: '127.0.0.1:3000', origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'x-iam-console': '1' };
const TF = `/console-api/accounts/${ACCOUNT}/terraform`;

function setup() {
  const db: Db = openSandboxDb(':memory:', 'default');
  const storage = openConsoleStore(':memory:');
  const app = createApp({ config: loadConfig({ PORT: '3000' }), db, consoleStorage: storage, serveSpa: false });
  const get = (path: string) => app.request(ORIGIN + path, { headers: CONSOLE });
  return { app, db, storage, get };
}

async function warmIndex(get: (path: string) => Response | Promise<Response>) {
  for (let i = 0; i < 200; i++) {
    const state = ((await (await get(`/console-api/accounts/${ACCOUNT}/membership-index`)).json()) as { state: string }).state;
    if (state === 'warm') return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the membership index did not warm');
}

async function live(get: (path: string) => Response | Promise<Response>, query = ''): Promise<LiveSide> {
  const res = await get(`${TF}?format=json${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: LiveSide }).result;
}

function attributesOf(body: ReturnType<typeof parseHcl>) {
  return body.blocks.filter((b) => b.type === 'resource').map((b) => ({ type: b.labels[0]!, name: b.labels[1]!, attrs: Object.fromEntries(Object.entries(b.body.attributes).map(([k, a]) => [k, a.value])) }));
}

describe('Terraform export and drift, round trip (default seed)', () => {
  it('says what an export will cost before it is made', async () => {
    const { get } = setup();
    await warmIndex(get);
    const res = await get(`${TF}/cost`);
    expect(res.status).toBe(200);
    const { result } = (await res.json()) as { result: { requests: number; groups: number; memberships: string } };
    expect(result.memberships).toBe('index');
    expect(result.groups).toBeGreaterThan(10);
    expect(result.requests).toBeGreaterThan(2);
    expect(result.requests).toBeLessThan(10);
    expect((await get(`${TF}?group=not-an-id`)).status).toBe(400);
  });

  it('exports HCL the parser reads, every attribute in the provider schema, and the code shows no drift', async () => {
    const { get } = setup();
    await warmIndex(get);
    const res = await get(TF);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    const parsed = parseHcl(text);
    const resources = attributesOf(parsed);
    expect(resources.length).toBeGreaterThan(10);
    for (const r of resources) {
      expect(isTfType(r.type), r.type).toBe(true);
      if (isTfType(r.type)) expect(unknownAttributes(r.type, r.attrs), `${r.type}.${r.name}`).toEqual([]);
    }
    // One import block per resource, ids <account>/<id>, names unique.
    const imports = parsed.blocks.filter((b) => b.type === 'import');
    expect(imports).toHaveLength(resources.length);
    for (const i of imports) expect(i.body.attributes.id!.value).toMatch(new RegExp(`^${ACCOUNT}/[0-9a-f]{32}$`));
    expect(new Set(resources.map((r) => `${r.type}.${r.name}`)).size).toBe(resources.length);
    for (const type of ['cloudflare_user_group', 'cloudflare_user_group_members', 'cloudflare_sso_connector', 'cloudflare_account_member']) {
      expect(resources.some((r) => r.type === type), type).toBe(true);
    }
    // SCIM-managed groups (the seed's Okta groups) are listed, not exported; so are OAuth clients.
    expect(text).toMatch(/# {3}User group Okta · [^:]+: Managed by SCIM provisioning/);
    expect(resources.some((r) => String(r.attrs.name ?? '').startsWith('Okta'))).toBe(false);
    expect(text).toMatch(/# {3}OAuth client .*: The provider cannot import an OAuth client/);
    // Stable: a second export of the unchanged account is byte-identical.
    expect(await (await get(TF)).text()).toBe(text);

    const baseline = loadBaseline(text, ACCOUNT);
    expect(baseline.ok).toBe(true);
    if (!baseline.ok) return;
    expect(baseline.baseline.resources).toHaveLength(resources.length);
    const drift = compareBaseline(baseline.baseline.resources, await live(get));
    expect(drift.filter((d) => d.status !== 'same')).toEqual([]);
  });

  it('writes members and policies in the order the API answers them (a first plan after import shows no change)', async () => {
    const { get, app } = setup();
    await warmIndex(get);
    const { resources } = await live(get);
    const api = async (path: string) => ((await (await app.request(`${ORIGIN}/client/v4/accounts/${ACCOUNT}${path}`, { headers: { authorization: 'Bearer test-token' } })).json()) as { result: any }).result;
    const withMembers = resources.filter((r) => r.type === 'cloudflare_user_group_members' && r.members.length >= 3).slice(0, 5);
    expect(withMembers.length).toBeGreaterThan(0);
    for (const r of withMembers) {
      const answered = (await api(`/iam/user_groups/${r.id}/members?per_page=500`)) as Array<{ id: string }>;
      expect(r.type === 'cloudflare_user_group_members' && r.members).toEqual(answered.map((m) => m.id));
    }
    const withPolicies = resources.filter((r) => r.type === 'cloudflare_user_group' && r.policies.length >= 2).slice(0, 5);
    expect(withPolicies.length).toBeGreaterThan(0);
    for (const r of withPolicies) {
      const answered = (await api(`/iam/user_groups/${r.id}`)) as { policies: Array<{ access: string; permission_groups: Array<{ id: string }>; resource_groups: Array<{ id: string }> }> };
      const expected = answered.policies.map((p) => ({ access: p.access, permission_groups: p.permission_groups.map((x) => x.id), resource_groups: p.resource_groups.map((x) => x.id) }));
      expect(r.type === 'cloudflare_user_group' && r.policies).toEqual(expected);
    }
  });

  it('reports exactly a change made through the API, and the journal names its actor', async () => {
    const { get, app, db } = setup();
    await warmIndex(get);
    const group = db.prepare("SELECT id, name FROM user_groups WHERE account_id = ? AND name NOT LIKE 'Okta%' ORDER BY name LIMIT 1").get(ACCOUNT) as { id: string; name: string };
    const text = await (await get(`${TF}?group=${group.id}`)).text();
    const baseline = loadBaseline(text, ACCOUNT);
    expect(baseline.ok).toBe(true);
    if (!baseline.ok) return;
    expect(compareBaseline(baseline.baseline.resources, await live(get, `&group=${group.id}`)).every((d) => d.status === 'same')).toBe(true);

    // Someone renames the group with their own API token, outside the console.
    const renamed = await app.request(`${ORIGIN}/client/v4/accounts/${ACCOUNT}/iam/user_groups/${group.id}`, {
      method: 'PUT',
      headers: { authorization: 'Bearer test-token', 'content-type': 'application/json' },
      body: JSON.stringify({ name: `${group.name} (renamed)` }),
    });
    expect(renamed.status).toBe(200);

    const drift = compareBaseline(baseline.baseline.resources, await live(get, `&group=${group.id}`));
    const changed = drift.filter((d) => d.status !== 'same');
    expect(changed.map((d) => [d.address, d.changes])).toEqual([
      [expect.stringMatching(/^cloudflare_user_group\./), [{ field: 'name', code: group.name, live: `${group.name} (renamed)` }]],
    ]);
    const history = (await (await get(`/console-api/history?account_id=${ACCOUNT}&resource_type=user_group&resource_id=${group.id}`)).json()) as { entries: Array<{ actor: { label: string }; action: string; source: string }> };
    expect(history.entries[0]).toMatchObject({ action: 'update', source: 'api' });
    expect(history.entries[0]!.actor.label).not.toBe('');
  });
});
