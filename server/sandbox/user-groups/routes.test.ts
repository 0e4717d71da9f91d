import { describe, expect, it } from 'vitest';
import { newId, timestamp } from '../ids.ts';
import { ACCOUNT } from '../test-support.ts';
import {
  ACCOUNT_KEY,
  OTHER_ACCOUNT,
  accountScope,
  createIamSandbox,
  expectError,
  expectRejectedWithoutWrite,
  insertAccountMember,
  zoneKey,
  zoneScope,
} from '../iam-test-fixtures.ts';

const base = `/accounts/${ACCOUNT}/iam/user_groups`;
const rgBase = `/accounts/${ACCOUNT}/iam/resource_groups`;
const HEX32 = /^[0-9a-f]{32}$/;

const policy = (pg: string, rg: unknown, access = 'allow') => ({
  access,
  permission_groups: [{ id: pg }],
  resource_groups: [typeof rg === 'string' ? { id: rg } : rg],
});

describe('user groups: create', () => {
  it('creates a group from a name alone (policies are optional, as in the SDK)', async () => {
    const { call } = createIamSandbox();
    const res = await call('POST', base, { name: 'Engineering' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, errors: [], messages: [] });
    expect(res.body.result).toEqual({
      id: expect.stringMatching(HEX32),
      name: 'Engineering',
      created_on: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
      modified_on: res.body.result.created_on,
      policies: [],
    });
  });

  it('answers policies with full permission groups and full resource groups', async () => {
    const { call, createResourceGroup, zonePg, zonePg2 } = createIamSandbox();
    const rg = await createResourceGroup('Prod', zoneScope(1));
    const res = await call('POST', base, {
      name: 'Ops',
      policies: [{ access: 'deny', permission_groups: [{ id: zonePg }, { id: zonePg2 }], resource_groups: [{ id: rg }] }],
    });
    expect(res.status).toBe(200);
    const [p] = res.body.result.policies;
    expect(p).toEqual({
      id: expect.stringMatching(HEX32),
      access: 'deny',
      permission_groups: [
        { id: zonePg, name: 'Test Zone Read', meta: { label: 'test_zone_read', scopes: 'com.cloudflare.api.account.zone', description: 'Test Zone Read', editable: 'false' } },
        { id: zonePg2, name: 'Test DNS Write', meta: { label: 'test_dns_write', scopes: 'com.cloudflare.api.account.zone', description: 'Test DNS Write', editable: 'false' } },
      ],
      // Today: one scope object (schema iam_scope), nested in policies too.
      resource_groups: [{ id: rg, name: 'Prod', scope: zoneScope(1) }],
    });
    expect((await call('GET', `${base}/${res.body.result.id}`)).body.result).toEqual(res.body.result);
  });

  it('2024 era: answers nested scopes as arrays and permission-group meta as {key, value, label, scopes}', async () => {
    const { call, createResourceGroup, zonePg } = createIamSandbox('2024');
    const rg = await createResourceGroup('Prod', zoneScope(1));
    const res = await call('POST', base, {
      name: 'Ops',
      policies: [{ access: 'allow', permission_groups: [{ id: zonePg }], resource_groups: [{ id: rg }] }],
    });
    const [p] = res.body.result.policies;
    expect(p.permission_groups).toEqual([
      { id: zonePg, name: 'Test Zone Read', meta: { key: 'label', value: 'test_zone_read', label: 'test_zone_read', scopes: 'com.cloudflare.api.account.zone' } },
    ]);
    expect(p.resource_groups).toEqual([{ id: rg, name: 'Prod', scope: [zoneScope(1)] }]);
  });

  it('ignores a permission group listed twice in one policy', async () => {
    const { createResourceGroup, createUserGroup, zonePg } = createIamSandbox();
    const rg = await createResourceGroup('Prod');
    const group = await createUserGroup({
      name: 'Twice',
      policies: [{ access: 'allow', permission_groups: [{ id: zonePg }, { id: zonePg }], resource_groups: [{ id: rg }, { id: rg }] }],
    });
    expect(group.policies[0].permission_groups).toHaveLength(1);
    expect(group.policies[0].resource_groups).toHaveLength(1);
  });

  it('turns an inline scope into an anonymous ad-hoc resource group, reused for the same scope', async () => {
    const { call, createUserGroup, zonePg, accountPg } = createIamSandbox();
    const inline = { meta: { adhoc: 'true' }, scope: { key: zoneKey(9), objects: [{ key: '*' }] } };
    const a = await createUserGroup({ name: 'A', policies: [policy(zonePg, inline)] });
    const rg = a.policies[0].resource_groups[0];
    expect(rg).toEqual({
      id: expect.stringMatching(HEX32),
      name: zoneKey(9),
      meta: { key: 'adhoc', value: 'true' },
      scope: { key: zoneKey(9), objects: [{ key: '*' }] },
    });
    const b = await createUserGroup({ name: 'B', policies: [policy(zonePg, { scope: inline.scope })] });
    expect(b.policies[0].resource_groups[0].id).toBe(rg.id);
    // an inline account-wide scope works with account-level permission groups
    const c = await createUserGroup({ name: 'C', policies: [policy(accountPg, { scope: accountScope() })] });
    expect(c.policies[0].resource_groups[0].meta).toEqual({ key: 'adhoc', value: 'true' });
    expect((await call('GET', `${rgBase}/${rg.id}`)).status).toBe(200);
  });

  it('drops an ad-hoc resource group once no policy uses it', async () => {
    const { call, createUserGroup, zonePg } = createIamSandbox();
    const inline = { scope: { key: zoneKey(9), objects: [{ key: '*' }] } };
    const a = await createUserGroup({ name: 'A', policies: [policy(zonePg, inline)] });
    const b = await createUserGroup({ name: 'B', policies: [policy(zonePg, inline)] });
    const rgId = a.policies[0].resource_groups[0].id;
    expect((await call('PUT', `${base}/${a.id}`, { policies: [] })).status).toBe(200);
    expect((await call('GET', `${rgBase}/${rgId}`)).status).toBe(200); // B still uses it
    expect((await call('DELETE', `${base}/${b.id}`)).status).toBe(200);
    expect((await call('GET', `${rgBase}/${rgId}`)).status).toBe(404);
  });

  it('rule 1006: allows zone permission groups on zones and account ones on account-wide groups', async () => {
    const { createResourceGroup, createUserGroup, zonePg, accountPg } = createIamSandbox();
    const zones = await createResourceGroup('Zones', zoneScope(1));
    const all = await createResourceGroup('All', accountScope());
    const self = await createResourceGroup('Self', { key: ACCOUNT_KEY, objects: [{ key: ACCOUNT_KEY }] });
    const group = await createUserGroup({
      name: 'Fine',
      policies: [policy(zonePg, zones), policy(accountPg, all), policy(accountPg, self)],
    });
    expect(group.policies).toHaveLength(3);
  });

  it('rule 1006 today, the other way: a zone permission group on the whole account is refused, in the API\'s words', async () => {
    const { call, db, createResourceGroup, zonePg, zonePg2 } = createIamSandbox();
    const all = await createResourceGroup('All', accountScope());
    const self = await createResourceGroup('Self', { key: ACCOUNT_KEY, objects: [{ key: ACCOUNT_KEY }] });
    for (const rg of [all, self, { scope: accountScope() }]) {
      const res = await expectRejectedWithoutWrite(
        db,
        () => call('POST', base, { name: 'Zone on account', policies: [{ access: 'allow', permission_groups: [{ id: zonePg2 }, { id: zonePg }], resource_groups: [typeof rg === 'string' ? { id: rg } : rg] }] }),
        { code: 1006, pointer: '/policies/0/permission_groups/0/id' },
      );
      expect(res.body.errors[0]!.message).toBe(
        'Unknown error when processing member, please try again. Error: invalid permission group and resource group combination',
      );
    }
  });

  it('2024 era: a zone permission group on the whole account is allowed, as main answered', async () => {
    const { createResourceGroup, createUserGroup, zonePg } = createIamSandbox('2024');
    const all = await createResourceGroup('All', accountScope());
    const group = await createUserGroup({ name: 'Fine', policies: [policy(zonePg, all)] });
    expect(group.policies).toHaveLength(1);
  });
});

describe('user groups: bad create requests change nothing', () => {
  const setup = async () => {
    const sandbox = createIamSandbox();
    const zones = await sandbox.createResourceGroup('Zones', zoneScope(1));
    const all = await sandbox.createResourceGroup('All', accountScope());
    await sandbox.createUserGroup({ name: 'Existing' });
    return { ...sandbox, zones, all };
  };
  type Ctx = Awaited<ReturnType<typeof setup>>;
  const cases: Array<[string, (c: Ctx) => unknown, number, string, string]> = [
    ['missing name', () => ({ policies: [] }), 1001, '/name', 'name'],
    ['name not a string', () => ({ name: ['x'] }), 1001, '/name', 'name'],
    ['blank name', () => ({ name: ' ' }), 1001, '/name', 'must not be empty'],
    ['name over 255 characters', () => ({ name: 'x'.repeat(256) }), 1001, '/name', 'at most 255'],
    ['name with a tab', () => ({ name: 'a\tb' }), 1001, '/name', 'control characters'],
    ['duplicate name in another case', () => ({ name: 'EXISTING' }), 1004, '/name', 'already exists'],
    ['unknown field', () => ({ name: 'x', members: [] }), 1001, '/members', 'unknown field'],
    ['policies not an array', () => ({ name: 'x', policies: {} }), 1001, '/policies', 'policies'],
    ['bad access', (c) => ({ name: 'x', policies: [policy(c.zonePg, c.zones, 'maybe')] }), 1001, '/policies/0/access', 'policies[0].access'],
    ['missing access', (c) => ({ name: 'x', policies: [{ permission_groups: [{ id: c.zonePg }], resource_groups: [{ id: c.zones }] }] }), 1001, '/policies/0/access', 'access'],
    ['no permission groups', (c) => ({ name: 'x', policies: [{ access: 'allow', permission_groups: [], resource_groups: [{ id: c.zones }] }] }), 1001, '/policies/0/permission_groups', 'at least one permission group'],
    ['no resource groups', (c) => ({ name: 'x', policies: [{ access: 'allow', permission_groups: [{ id: c.zonePg }], resource_groups: [] }] }), 1001, '/policies/0/resource_groups', 'at least one resource group'],
    ['missing resource_groups', (c) => ({ name: 'x', policies: [{ access: 'allow', permission_groups: [{ id: c.zonePg }] }] }), 1001, '/policies/0/resource_groups', 'resource_groups'],
    ['permission group without id', (c) => ({ name: 'x', policies: [{ access: 'allow', permission_groups: [{}], resource_groups: [{ id: c.zones }] }] }), 1001, '/policies/0/permission_groups/0/id', 'id'],
    ['permission group with extra field', (c) => ({ name: 'x', policies: [{ access: 'allow', permission_groups: [{ id: c.zonePg, name: 'n' }], resource_groups: [{ id: c.zones }] }] }), 1001, '/policies/0/permission_groups/0/name', 'unknown field'],
    ['unknown permission group', (c) => ({ name: 'x', policies: [{ access: 'allow', permission_groups: [{ id: c.zonePg }, { id: 'f'.repeat(32) }], resource_groups: [{ id: c.zones }] }] }), 1006, '/policies/0/permission_groups/1/id', 'invalid permission group'],
    ['unknown resource group', (c) => ({ name: 'x', policies: [policy(c.zonePg, 'e'.repeat(32))] }), 1001, '/policies/0/resource_groups/0/id', 'not found'],
    ['resource group with neither id nor scope', (c) => ({ name: 'x', policies: [policy(c.zonePg, {})] }), 1001, '/policies/0/resource_groups/0/id', 'required'],
    ['resource group with both id and scope', (c) => ({ name: 'x', policies: [policy(c.zonePg, { id: c.zones, scope: accountScope() })] }), 1001, '/policies/0/resource_groups/0/scope', 'not both'],
    ['meta next to a resource group id', (c) => ({ name: 'x', policies: [policy(c.zonePg, { id: c.zones, meta: { a: 'b' } })] }), 1001, '/policies/0/resource_groups/0/meta', 'inline scope'],
    ['inline scope with a bad key', (c) => ({ name: 'x', policies: [policy(c.zonePg, { scope: { key: 'nope', objects: [{ key: '*' }] } })] }), 1001, '/policies/0/resource_groups/0/scope/key', 'scope.key'],
    ['inline zone scope with a zone object', (c) => ({ name: 'x', policies: [policy(c.zonePg, { scope: { key: zoneKey(1), objects: [{ key: zoneKey(2) }] } })] }), 1001, '/policies/0/resource_groups/0/scope/objects/0/key', '"*" only'],
    ['inline scope without objects', (c) => ({ name: 'x', policies: [policy(c.zonePg, { scope: { key: ACCOUNT_KEY, objects: [] } })] }), 1001, '/policies/0/resource_groups/0/scope/objects', 'should not be zero'],
    ['account permission group on zones (1006)', (c) => ({ name: 'x', policies: [{ access: 'allow', permission_groups: [{ id: c.zonePg }, { id: c.accountPg }], resource_groups: [{ id: c.all }, { id: c.zones }] }] }), 1006, '/policies/0/permission_groups/1/id', 'invalid permission group and resource group combination'],
    ['account permission group on an inline zone (1006)', (c) => ({ name: 'x', policies: [policy(c.accountPg, { scope: { key: zoneKey(3), objects: [{ key: '*' }] } })] }), 1006, '/policies/0/permission_groups/0/id', 'invalid permission group and resource group combination'],
    ['too many policies', (c) => ({ name: 'x', policies: Array.from({ length: 101 }, () => policy(c.zonePg, c.zones)) }), 1001, '/policies', 'at most 100'],
  ];
  it.each(cases)('%s → 400', async (_label, body, code, pointer, message) => {
    const ctx = await setup();
    await expectRejectedWithoutWrite(ctx.db, () => ctx.call('POST', base, body(ctx)), { code, pointer, message });
  });

  it('gives a policy sent with an id on create an id of its own (the group has none yet)', async () => {
    const ctx = await setup();
    const res = await ctx.call('POST', base, { name: 'x', policies: [{ id: 'a'.repeat(32), ...policy(ctx.zonePg, ctx.zones) }] });
    expect(res.status).toBe(200);
    expect(res.body.result.policies[0].id).toMatch(HEX32);
    expect(res.body.result.policies[0].id).not.toBe('a'.repeat(32));
  });

  it("rejects another account's resource group as unknown", async () => {
    const ctx = await setup();
    const foreign = newId();
    ctx.db
      .prepare(
        'INSERT INTO resource_groups (id, account_id, name, scope_key, scope_objects, meta, created_on, modified_on) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)',
      )
      .run(foreign, OTHER_ACCOUNT, 'Theirs', `com.cloudflare.api.account.${OTHER_ACCOUNT}`, '["*"]', timestamp(), timestamp());
    await expectRejectedWithoutWrite(ctx.db, () => ctx.call('POST', base, { name: 'x', policies: [policy(ctx.zonePg, foreign)] }), {
      code: 1001,
      pointer: '/policies/0/resource_groups/0/id',
    });
  });

  it('reports every bad reference at once', async () => {
    const ctx = await setup();
    const res = await expectRejectedWithoutWrite(
      ctx.db,
      () =>
        ctx.call('POST', base, {
          name: 'Existing',
          policies: [policy('1'.repeat(32), ctx.zones), policy(ctx.zonePg, '2'.repeat(32))],
        }),
      { code: 1004, pointer: '/name' },
    );
    expect(res.body.errors.map((e) => e.source?.pointer)).toEqual([
      '/name',
      '/policies/0/permission_groups/0/id',
      '/policies/1/resource_groups/0/id',
    ]);
  });

  it('rejects malformed JSON, a missing body and an array body', async () => {
    const ctx = await setup();
    await expectRejectedWithoutWrite(ctx.db, () => ctx.call('POST', base, '{name'), { code: 6007 });
    await expectRejectedWithoutWrite(ctx.db, () => ctx.call('POST', base), { code: 1001, message: 'request body' });
    await expectRejectedWithoutWrite(ctx.db, () => ctx.call('POST', base, [{ name: 'x' }]), { code: 1001 });
  });
});

describe('user groups: list', () => {
  const seedGroups = async (names: string[]) => {
    const sandbox = createIamSandbox();
    for (const name of names) await sandbox.createUserGroup({ name });
    return sandbox;
  };

  it('pages 100 per page by default, sorted by name ascending, with result_info', async () => {
    const { call } = await seedGroups(['charlie', 'Alpha', 'bravo']);
    const res = await call('GET', base);
    expect(res.status).toBe(200);
    expect(res.body.result.map((g: any) => g.name)).toEqual(['Alpha', 'bravo', 'charlie']);
    expect(res.body.result_info).toEqual({ page: 1, per_page: 100, count: 3, total_count: 3, total_pages: 1 });
    expect(res.body.result[0].policies).toEqual([]);
  });

  it('sorts descending and pages', async () => {
    const { call } = await seedGroups(['a', 'b', 'c', 'd', 'e']);
    const desc = await call('GET', `${base}?direction=desc&per_page=2&page=2`);
    expect(desc.body.result.map((g: any) => g.name)).toEqual(['c', 'b']);
    expect(desc.body.result_info).toEqual({ page: 2, per_page: 2, count: 2, total_count: 5, total_pages: 3 });
    const asc = await call('GET', `${base}?direction=asc&per_page=1`);
    expect(asc.body.result.map((g: any) => g.name)).toEqual(['a']);
  });

  it('answers a page past the last with 200 and []', async () => {
    const { call } = await seedGroups(['a']);
    const res = await call('GET', `${base}?page=5`);
    expect(res.status).toBe(200);
    expect(res.body.result).toEqual([]);
    expect(res.body.result_info).toMatchObject({ page: 5, count: 0, total_count: 1 });
  });

  it('filters by fuzzy_name and the SDK spelling fuzzyName (substring, any case), name (exact) and id', async () => {
    const { call } = await seedGroups(['Platform Admins', 'platform readers', 'Billing', '100%_done']);
    const names = async (q: string) => (await call('GET', `${base}?${q}`)).body.result.map((g: any) => g.name);
    expect(await names('fuzzy_name=PLATFORM')).toEqual(['Platform Admins', 'platform readers']);
    expect(await names('fuzzyName=form%20ad')).toEqual(['Platform Admins']);
    expect(await names('fuzzyName=platform&fuzzy_name=readers')).toEqual(['platform readers']);
    expect(await names('fuzzy_name=%25_')).toEqual(['100%_done']); // LIKE wildcards are literal
    expect(await names('name=billing')).toEqual(['Billing']);
    expect(await names('name=bill')).toEqual([]);
    const all = (await call('GET', base)).body.result;
    expect(await names(`id=${all[1].id}`)).toEqual([all[1].name]);
    expect(await names('fuzzy_name=')).toHaveLength(4);
  });

  it("does not list another account's groups", async () => {
    const { call, db } = await seedGroups(['mine']);
    db.prepare('INSERT INTO user_groups (id, account_id, name, created_on, modified_on) VALUES (?, ?, ?, ?, ?)').run(
      newId(),
      OTHER_ACCOUNT,
      'theirs',
      timestamp(),
      timestamp(),
    );
    expect((await call('GET', base)).body.result.map((g: any) => g.name)).toEqual(['mine']);
  });

  it.each([
    ['per_page=0', 'per_page'],
    ['per_page=501', 'per_page'],
    ['per_page=1.5', 'per_page'],
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['page=abc', 'page'],
    ['direction=up', 'direction'],
    ['direction=DESC', 'direction'],
    [`fuzzyName=${'x'.repeat(256)}`, 'fuzzyName'],
  ])('rejects %s with a 400 naming the parameter', async (query, param) => {
    const { call } = createIamSandbox();
    expectError(await call('GET', `${base}?${query}`), { code: 1002, message: param });
  });

  it('accepts per_page at its bounds', async () => {
    const { call } = createIamSandbox();
    expect((await call('GET', `${base}?per_page=1`)).status).toBe(200);
    expect((await call('GET', `${base}?per_page=500`)).body.result_info?.per_page).toBe(500);
  });
});

describe('user groups: get, update, delete', () => {
  it("404s an unknown id and another account's group", async () => {
    const { call, db } = createIamSandbox();
    expectError(await call('GET', `${base}/${'0'.repeat(32)}`), { status: 404, code: 1003, message: 'User group' });
    const foreign = newId();
    db.prepare('INSERT INTO user_groups (id, account_id, name, created_on, modified_on) VALUES (?, ?, ?, ?, ?)').run(
      foreign,
      OTHER_ACCOUNT,
      'theirs',
      timestamp(),
      timestamp(),
    );
    expectError(await call('GET', `${base}/${foreign}`), { status: 404, code: 1003 });
    expectError(await call('PUT', `${base}/${foreign}`, { name: 'x' }), { status: 404, code: 1003 });
    expectError(await call('DELETE', `${base}/${foreign}`), { status: 404, code: 1003 });
  });

  it('renames, bumping modified_on; an empty body changes nothing', async () => {
    const { call, createUserGroup, ageUserGroup } = createIamSandbox();
    const group = await createUserGroup({ name: 'Before' });
    const old = ageUserGroup(group.id);
    const same = await call('PUT', `${base}/${group.id}`, {});
    expect(same.status).toBe(200);
    expect(same.body.result.modified_on).toBe(old);
    const res = await call('PUT', `${base}/${group.id}`, { name: 'After' });
    expect(res.status).toBe(200);
    expect(res.body.result.name).toBe('After');
    expect(res.body.result.modified_on).not.toBe(old);
    expect(res.body.result.created_on).toBe(group.created_on);
  });

  it('re-sending the stored policy set (same ids) leaves modified_on alone', async () => {
    const { call, createResourceGroup, createUserGroup, ageUserGroup, zonePg } = createIamSandbox();
    const rg = await createResourceGroup('Prod');
    const group = await createUserGroup({ name: 'Same', policies: [policy(zonePg, rg)] });
    const old = ageUserGroup(group.id);
    const resend = await call('PUT', `${base}/${group.id}`, {
      name: 'Same',
      policies: [{ id: group.policies[0].id, ...policy(zonePg, rg) }],
    });
    expect(resend.status).toBe(200);
    expect(resend.body.result.modified_on).toBe(old);
    const flipped = await call('PUT', `${base}/${group.id}`, {
      policies: [{ id: group.policies[0].id, ...policy(zonePg, rg, 'deny') }],
    });
    expect(flipped.body.result.modified_on).not.toBe(old);
  });

  it('renaming with the stored policies re-sent (as an SDK update does) leaves their rows unwritten', async () => {
    const { call, db, createResourceGroup, createUserGroup, zonePg, zonePg2 } = createIamSandbox();
    const rg = await createResourceGroup('Prod');
    const group = await createUserGroup({ name: 'Kept', policies: [policy(zonePg, rg), policy(zonePg2, rg, 'deny')] });
    // A rewrite deletes each row and inserts it again, under a new rowid: past the rows of a group
    // created later (rowids are reused only at the end of a table).
    await createUserGroup({ name: 'Created later', policies: [policy(zonePg, rg)] });
    const stored = () =>
      db
        .prepare(
          `SELECT p.rowid AS policy, ppg.rowid AS pg, prg.rowid AS rg FROM policies p
             JOIN policy_permission_groups ppg ON ppg.policy_id = p.id JOIN policy_resource_groups prg ON prg.policy_id = p.id
            WHERE p.user_group_id = ? ORDER BY p.position`,
        )
        .all(group.id);
    const before = stored();
    const resent = group.policies.map((p: { id: string; access: string }, i: number) => ({ id: p.id, ...policy(i ? zonePg2 : zonePg, rg, p.access) }));
    const renamed = await call('PUT', `${base}/${group.id}`, { name: 'Kept, renamed', policies: resent });
    expect(renamed.status).toBe(200);
    expect(renamed.body.result.name).toBe('Kept, renamed');
    expect(renamed.body.result.policies).toEqual(group.policies);
    expect(stored()).toEqual(before);
    // A changed policy set is written.
    const changed = await call('PUT', `${base}/${group.id}`, { policies: [resent[1]] });
    expect(changed.body.result.policies.map((p: { id: string }) => p.id)).toEqual([group.policies[1].id]);
    expect(stored()).not.toEqual(before.slice(1));
  });

  it('replaces the whole policy set, keeping ids of policies sent back with their id', async () => {
    const { call, createResourceGroup, createUserGroup, ageUserGroup, zonePg, zonePg2 } = createIamSandbox();
    const rg = await createResourceGroup('Prod');
    const group = await createUserGroup({ name: 'G', policies: [policy(zonePg, rg), policy(zonePg2, rg)] });
    const [first, second] = group.policies;
    const old = ageUserGroup(group.id);
    const res = await call('PUT', `${base}/${group.id}`, {
      policies: [{ id: second.id, ...policy(zonePg, rg, 'deny') }, policy(zonePg2, rg)],
    });
    expect(res.status).toBe(200);
    const [kept, added] = res.body.result.policies;
    expect(kept.id).toBe(second.id);
    expect(kept.access).toBe('deny');
    expect(kept.permission_groups.map((p: any) => p.id)).toEqual([zonePg]);
    expect(added.id).toMatch(HEX32);
    expect([first.id, second.id]).not.toContain(added.id);
    expect(res.body.result.name).toBe('G');
    expect(res.body.result.modified_on).not.toBe(old);
    expect((await call('GET', `${base}/${group.id}`)).body.result).toEqual(res.body.result);
    const cleared = await call('PUT', `${base}/${group.id}`, { policies: [] });
    expect(cleared.body.result.policies).toEqual([]);
  });

  it.each([
    ['the same policy id twice', 'twice', 1001, '/policies/1/id', 'more than once'],
    ['a valid name with an invalid policy', 'mixed', 1006, '/policies/1/permission_groups/0/id', 'invalid permission group'],
    ['a duplicate name', 'dupe', 1004, '/name', 'already exists'],
    ['an unknown field', 'extra', 1001, '/created_on', 'unknown field'],
    ['a blank name', 'blank', 1001, '/name', 'must not be empty'],
  ])('rejects %s and changes nothing', async (_label, kind, code, pointer, message) => {
    const { call, db, createResourceGroup, createUserGroup, zonePg } = createIamSandbox();
    const rg = await createResourceGroup('Prod');
    const mine = await createUserGroup({ name: 'Mine', policies: [policy(zonePg, rg)] });
    await createUserGroup({ name: 'Other', policies: [policy(zonePg, rg)] });
    const own = mine.policies[0].id;
    const bodies: Record<string, unknown> = {
      twice: { policies: [{ id: own, ...policy(zonePg, rg) }, { id: own, ...policy(zonePg, rg) }] },
      mixed: { name: 'Renamed', policies: [policy(zonePg, rg), policy('9'.repeat(32), rg)] },
      dupe: { name: 'other' },
      extra: { created_on: '2020-01-01T00:00:00Z' },
      blank: { name: '' },
    };
    await expectRejectedWithoutWrite(db, () => call('PUT', `${base}/${mine.id}`, bodies[kind]), { code, pointer, message });
    expect((await call('GET', `${base}/${mine.id}`)).body.result).toEqual(mine);
  });

  it('takes a policy id the group does not have (unknown, or another group\'s) as a new policy with an id of its own', async () => {
    // What a type-correct SDK 7.x update sends: every policy with an id.
    const { call, createResourceGroup, createUserGroup, zonePg, zonePg2 } = createIamSandbox();
    const rg = await createResourceGroup('Prod');
    const mine = await createUserGroup({ name: 'Mine', policies: [policy(zonePg, rg)] });
    const other = await createUserGroup({ name: 'Other', policies: [policy(zonePg2, rg)] });
    const unknown = 'c'.repeat(32);
    const res = await call('PUT', `${base}/${mine.id}`, {
      policies: [
        { id: mine.policies[0].id, ...policy(zonePg, rg) },
        { id: unknown, ...policy(zonePg2, rg, 'deny') },
        { id: other.policies[0].id, ...policy(zonePg2, rg) },
      ],
    });
    expect(res.status).toBe(200);
    const ids = res.body.result.policies.map((p: { id: string }) => p.id);
    expect(ids[0]).toBe(mine.policies[0].id);
    expect(ids[1]).toMatch(HEX32);
    expect(ids[2]).toMatch(HEX32);
    expect(new Set([...ids, unknown, other.policies[0].id]).size).toBe(5);
    expect(res.body.result.policies[1].access).toBe('deny');
    expect((await call('GET', `${base}/${other.id}`)).body.result).toEqual(other);
    expect((await call('GET', `${base}/${mine.id}`)).body.result).toEqual(res.body.result);
  });

  it('deletes a group with its policies and memberships, answering {id}', async () => {
    const { call, db, createResourceGroup, createUserGroup, zonePg } = createIamSandbox();
    const rg = await createResourceGroup('Prod');
    const group = await createUserGroup({ name: 'Doomed', policies: [policy(zonePg, rg)] });
    const member = insertAccountMember(db, { email: 'a@example.com' });
    db.prepare('INSERT INTO user_group_members (user_group_id, member_id, created_at) VALUES (?, ?, ?)').run(
      group.id,
      member,
      timestamp(),
    );
    const res = await call('DELETE', `${base}/${group.id}`);
    expect(res.status).toBe(200);
    expect(res.body.result).toEqual({ id: group.id });
    expectError(await call('GET', `${base}/${group.id}`), { status: 404, code: 1003 });
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(count('policies')).toBe(0);
    expect(count('user_group_members')).toBe(0);
    expect(count('account_members')).toBe(1);
    expect((await call('GET', `${rgBase}/${rg}`)).status).toBe(200); // named resource groups stay
    expectError(await call('DELETE', `${base}/${group.id}`), { status: 404, code: 1003 });
  });
});

describe("user groups: today's rules", () => {
  it('refuses to rename, re-policy or delete a SCIM-managed group, and still answers it (Decision 4)', async () => {
    const { call, db, createUserGroup } = createIamSandbox();
    const group = await createUserGroup({ name: 'Okta · Test' });
    db.prepare("UPDATE user_groups SET managed_by = 'scim' WHERE id = ?").run(group.id);
    const refusal = { code: 1001, message: 'Invalid request: this user group is managed by SCIM provisioning and cannot be modified' };
    await expectRejectedWithoutWrite(db, () => call('PUT', `${base}/${group.id}`, { name: 'Renamed' }), refusal);
    await expectRejectedWithoutWrite(db, () => call('PUT', `${base}/${group.id}`, { policies: [] }), refusal);
    await expectRejectedWithoutWrite(db, () => call('DELETE', `${base}/${group.id}`), refusal);
    expect((await call('GET', `${base}/${group.id}`)).body.result.name).toBe('Okta · Test');
  });

  it('takes the id filter as exactly 32 characters today; the 2024 era took any', async () => {
    const today = createIamSandbox();
    const group = await today.createUserGroup({ name: 'Team' });
    expect((await today.call('GET', `${base}?id=${group.id}`)).body.result.map((g: any) => g.id)).toEqual([group.id]);
    expectError(await today.call('GET', `${base}?id=${group.id.slice(2)}`), { code: 1002, message: 'id' });
    const old = createIamSandbox('2024');
    const res = await old.call('GET', `${base}?id=short`);
    expect(res.status).toBe(200);
    expect(res.body.result).toEqual([]);
  });

  it('answers total_pages on the list', async () => {
    const { call, createUserGroup } = createIamSandbox();
    for (const name of ['A', 'B', 'C']) await createUserGroup({ name });
    const res = await call('GET', `${base}?per_page=2&fuzzyName=&direction=desc`);
    expect(res.body.result_info).toEqual({ page: 1, per_page: 2, count: 2, total_count: 3, total_pages: 2 });
    expect(res.body.result.map((g: any) => g.name)).toEqual(['C', 'B']);
  });

  it('deleting a group takes its memberships with it; the account members stay', async () => {
    const { call, db, createUserGroup } = createIamSandbox();
    const group = await createUserGroup({ name: 'Team' });
    const member = insertAccountMember(db, { email: 'ann@example.com' });
    await call('POST', `${base}/${group.id}/members`, [{ id: member }]);
    expect((await call('DELETE', `${base}/${group.id}`)).status).toBe(200);
    expect(db.prepare('SELECT COUNT(*) AS n FROM user_group_members WHERE user_group_id = ?').get(group.id)).toEqual({ n: 0 });
    expect((await call('GET', `/accounts/${ACCOUNT}/members/${member}`)).status).toBe(200);
  });
});
