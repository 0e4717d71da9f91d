import { describe, expect, it } from 'vitest';
import { ACCOUNT } from '../../sandbox/test-support.ts';
import { openConsoleStore } from '../../runtime/node/open-console-store.ts';
import { createRequestBudget, type RequestBudget } from '../budget.ts';
import { noMembershipSource, sandboxMembershipSource, sandboxReader } from '../findings/test-support.ts';
import { insertEntry } from '../journal/store.ts';
import { createTerraformApi } from './routes.ts';

function setup({ budget, memberships = true }: { budget?: RequestBudget; memberships?: boolean } = {}) {
  const { sandbox, asked, reader } = sandboxReader(budget);
  const storage = openConsoleStore(':memory:');
  const api = createTerraformApi({ reader, memberships: memberships ? sandboxMembershipSource(sandbox.db) : noMembershipSource, storage });
  const groups = sandbox.db.prepare("SELECT id, name FROM user_groups WHERE account_id = ? AND name NOT LIKE 'Okta%' ORDER BY name").all(ACCOUNT) as Array<{ id: string; name: string }>;
  return { api, asked, storage, groups };
}
const TF = `/accounts/${ACCOUNT}/terraform`;

describe('GET /terraform scopes and limits', () => {
  it('exports the groups of a History filter, and only those', async () => {
    const { api, storage, groups } = setup();
    const [a, b, c] = groups;
    const entry = (id: string, actor: string) =>
      insertEntry(storage, { accountId: ACCOUNT, at: new Date().toISOString(), source: 'api', actorId: null, actorLabel: actor, action: 'update', resourceType: 'user_group', resourceId: id, resourceName: null, success: true });
    entry(a!.id, 'alice@acme.com');
    entry(b!.id, 'alice@acme.com');
    entry(c!.id, 'bob@acme.com');
    const text = await (await api.request(`${TF}?history=1&actor=alice`)).text();
    expect(text).toContain('(2 groups in a History filter)');
    expect(text).toContain(`id = "${ACCOUNT}/${a!.id}"`);
    expect(text).toContain(`id = "${ACCOUNT}/${b!.id}"`);
    expect(text).not.toContain(c!.id);
    expect((await api.request(`${TF}?history=1&since=yesterday`)).status).toBe(400);
  });

  it('reads a small selection group by group, members included, without the index', async () => {
    const { api, asked, groups } = setup({ memberships: false });
    const res = await api.request(`${TF}?group=${groups[0]!.id}&group=${groups[1]!.id}`);
    const text = await res.text();
    expect(text).toContain('resource "cloudflare_user_group_members"');
    expect(asked.filter((p) => p.endsWith('/members')).length).toBeLessThanOrEqual(2);
    expect(asked.some((p) => p.endsWith('/iam/user_groups'))).toBe(false);
  });

  it('without the index, says memberships are unknown for the whole account instead of reading every group', async () => {
    const { api, asked } = setup({ memberships: false });
    const text = await (await api.request(TF)).text();
    expect(text).toMatch(/# {3}Members of \d+ groups: The membership index has not finished its first pass/);
    expect(asked.filter((p) => /\/user_groups\/[0-9a-f]{32}\/members$/.test(p))).toEqual([]);
  });

  it('answers 503 with Retry-After and reads nothing when the request budget refuses', async () => {
    const budget = createRequestBudget();
    budget.observe({ status: 429, headers: new Headers({ 'retry-after': '45' }) });
    const { api, asked } = setup({ budget });
    const res = await api.request(TF);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('45');
    expect(((await res.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/about 45 s/);
    expect(asked).toEqual([]);
  });

  it('refuses a bad account id or group id with the field named', async () => {
    const { api } = setup();
    expect((await api.request('/accounts/nope/terraform')).status).toBe(400);
    const bad = await api.request(`${TF}?group=x`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ source: { pointer: string } }> }).errors[0]!.source.pointer).toBe('/group');
  });
});
