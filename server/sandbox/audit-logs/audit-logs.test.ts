import { describe, expect, it } from 'vitest';
import { ACCOUNT, BEARER, createTestSandbox } from '../test-support.ts';
import { tokenIdOf } from './actor.ts';

const KEY_AUTH = { 'x-auth-email': 'ana@acme.example', 'x-auth-key': 'k'.repeat(37) };
const groups = `/accounts/${ACCOUNT}/iam/user_groups`;
const audit = `/accounts/${ACCOUNT}/audit_logs`;

function sandbox() {
  const t = createTestSandbox('default');
  const permissionGroup = (t.db.prepare("SELECT id FROM permission_groups WHERE scope_level = 'zone' LIMIT 1").get() as { id: string }).id;
  const resourceGroup = (t.db.prepare('SELECT id FROM resource_groups WHERE account_id = ? LIMIT 1').get(ACCOUNT) as { id: string }).id;
  const member = (t.db.prepare('SELECT id, email FROM account_members WHERE account_id = ? LIMIT 1').get(ACCOUNT) as { id: string; email: string });
  const policy = { access: 'allow', permission_groups: [{ id: permissionGroup }], resource_groups: [{ id: resourceGroup }] };
  return { ...t, policy, member };
}

describe('sandbox audit log', () => {
  it('records each write with actor, action, resource and the state before and after, newest first', async () => {
    const { call, policy, member } = sandbox();
    const created = await call('POST', groups, { name: 'Audited', policies: [] });
    const id = created.body.result.id as string;
    await call('PUT', `${groups}/${id}`, { policies: [policy] });
    await call('POST', `${groups}/${id}/members`, [{ id: member.id }], KEY_AUTH);

    const res = await call('GET', `${audit}?resource.id=${id}`);
    expect(res.status).toBe(200);
    const [add, update, create] = res.body.result;
    expect(res.body.result_info).toMatchObject({ page: 1, count: 3, total_count: 3 });
    expect(create).toMatchObject({ action: { type: 'create', result: true }, resource: { id, type: 'user_group' }, oldValue: '' });
    expect(create.actor).toEqual({ id: tokenIdOf('test-token'), ip: '127.0.0.1', type: 'user' });
    expect(update.oldValueJson.policies).toEqual([]);
    expect(update.newValueJson.policies[0].permission_groups[0].id).toBe(policy.permission_groups[0]!.id);
    expect(JSON.parse(update.newValue)).toEqual(update.newValueJson);
    expect(add).toMatchObject({ action: { type: 'add_members' }, resource: { id, type: 'user_group_members' }, actor: { email: KEY_AUTH['x-auth-email'] } });
    expect(add.oldValueJson).toEqual([]);
    expect(add.newValueJson).toEqual([expect.objectContaining({ id: member.id, email: member.email })]);
  });

  it("records a group's PUT with its answer as the state after, as a GET then answers it", async () => {
    const { call, policy } = sandbox();
    const id = (await call('POST', groups, { name: 'Answered', policies: [] })).body.result.id as string;
    const put = await call('PUT', `${groups}/${id}`, { name: 'Answered, renamed', policies: [policy] });
    const [update] = (await call('GET', `${audit}?resource.id=${id}&action.type=update`)).body.result;
    expect(update.newValueJson).toEqual(put.body.result);
    expect(update.newValueJson).toEqual((await call('GET', `${groups}/${id}`)).body.result);
  });

  it('filters by action type, actor email, date and pages in the chosen order', async () => {
    const { call } = sandbox();
    const start = new Date().toISOString();
    for (const name of ['A1', 'A2', 'A3']) await call('POST', groups, { name, policies: [] }, KEY_AUTH);
    const a3 = (await call('GET', `${groups}?name=A3`)).body.result[0].id;
    await call('DELETE', `${groups}/${a3}`);

    // Since the test began: the seed's past has a deleted group of its own.
    const deletes = await call('GET', `${audit}?action.type=delete&since=${start}`);
    expect(deletes.body.result.map((e: any) => e.resource.id)).toEqual([a3]);
    expect(deletes.body.result[0].oldValueJson.name).toBe('A3');
    const byEmail = await call('GET', `${audit}?actor.email=ANA@acme.example&direction=asc&per_page=2`);
    expect(byEmail.body.result.map((e: any) => e.newValueJson.name)).toEqual(['A1', 'A2']);
    expect(byEmail.body.result_info).toMatchObject({ total_count: 3, total_pages: 2 });
    const page2 = await call('GET', `${audit}?actor.email=ana@acme.example&direction=asc&per_page=2&page=2`);
    expect(page2.body.result.map((e: any) => e.newValueJson.name)).toEqual(['A3']);
    expect((await call('GET', `${audit}?since=2999-01-01`)).body.result).toEqual([]);
    expect((await call('GET', `${audit}?before=2000-01-01`)).body.result).toEqual([]);
    const bad = await call('GET', `${audit}?since=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ code: 1002 });
  });

  it('v2: requires since and before, pages with a cursor and filters with .not', async () => {
    const { call } = sandbox();
    const start = new Date(Date.now() - 1000).toISOString(); // after the seed's own entries (SCIM creations)
    for (const name of ['B1', 'B2', 'B3']) await call('POST', groups, { name, policies: [] });
    const v2 = `/accounts/${ACCOUNT}/logs/audit`;
    expect((await call('GET', v2)).status).toBe(400);
    const window = `since=${start}&before=2999-01-01`;
    const first = await call('GET', `${v2}?${window}&limit=2&direction=asc`);
    expect(first.body.result.map((e: any) => e.resource.response.name)).toEqual(['B1', 'B2']);
    expect(first.body.result[0]).toMatchObject({ action: { type: 'create', result: 'success' }, actor: { context: 'api_token', token_id: tokenIdOf('test-token') }, account: { id: ACCOUNT } });
    const cursor = (first.body.result_info as any).cursors.after;
    const second = await call('GET', `${v2}?${window}&limit=2&direction=asc&cursor=${cursor}`);
    expect(second.body.result.map((e: any) => e.resource.response.name)).toEqual(['B3']);
    expect((second.body.result_info as any).cursors).toEqual({});
    const notCreates = await call('GET', `${v2}?${window}&action_type.not=create`);
    expect(notCreates.body.result).toEqual([]);
  });

  it('never stores a secret and records no rejected write', async () => {
    const { call, db } = sandbox();
    const scope = (db.prepare('SELECT id FROM oauth_scopes LIMIT 1').get() as { id: string }).id;
    const client = await call('POST', `/accounts/${ACCOUNT}/oauth_clients`, {
      client_name: 'Bot', grant_types: ['authorization_code'], redirect_uris: ['https://a.example/cb'],
      response_types: ['code'], scopes: [scope], token_endpoint_auth_method: 'client_secret_post',
    });
    expect(client.status).toBe(200);
    const rotated = await call('POST', `/accounts/${ACCOUNT}/oauth_clients/${client.body.result.client_id}/rotate_secret`);
    const secrets = [client.body.result.client_secret, rotated.body.result.client_secret];
    const stored = JSON.stringify(db.prepare('SELECT * FROM audit_logs').all());
    for (const secret of secrets) expect(stored).not.toContain(secret);
    expect(stored).toContain('rotate_secret');
    const before = (db.prepare('SELECT count(*) AS n FROM audit_logs').get() as { n: number }).n;
    expect((await call('POST', groups, { name: '' }, BEARER)).status).toBe(400);
    expect((db.prepare('SELECT count(*) AS n FROM audit_logs').get() as { n: number }).n).toBe(before);
  });

  it("v1: a SCIM-provisioned group's creation entry says interface SCIM; the API's writes say API (Decision 4)", async () => {
    const { call, db } = sandbox();
    const scim = db.prepare("SELECT id, name FROM user_groups WHERE managed_by = 'scim' ORDER BY name").all() as Array<{ id: string; name: string }>;
    expect(scim.map((g) => g.name)).toEqual(['Okta · Finance', 'Okta · Platform Engineers']);
    for (const group of scim) {
      const [entry, ...rest] = (await call('GET', `${audit}?resource.id=${group.id}`)).body.result;
      expect(rest).toEqual([]);
      expect(entry).toMatchObject({ action: { type: 'create' }, interface: 'SCIM', resource: { id: group.id, type: 'user_group' } });
      expect(entry.newValueJson.name).toBe(group.name);
    }
    const id = (await call('POST', groups, { name: 'By the API', policies: [] })).body.result.id;
    expect((await call('GET', `${audit}?resource.id=${id}`)).body.result[0].interface).toBe('API');
  });
});
