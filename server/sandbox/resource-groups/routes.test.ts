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
  zoneKey,
  zoneScope,
} from '../iam-test-fixtures.ts';
import { policiesReferencingResourceGroup } from './routes.ts';

const base = `/accounts/${ACCOUNT}/iam/resource_groups`;

describe('resource groups: create and read', () => {
  it('takes the scope as an array of one too (the 2024 answer), on create, update and inline in a policy', async () => {
    const { call, zonePg } = createIamSandbox();
    const created = await call('POST', base, { name: 'Array scope', scope: [zoneScope(1)] });
    expect(created.status).toBe(200);
    expect(created.body.result.scope).toEqual(zoneScope(1));
    const updated = await call('PUT', `${base}/${created.body.result.id}`, { scope: [zoneScope(1, 2)] });
    expect(updated.status).toBe(200);
    expect(updated.body.result.scope).toEqual(zoneScope(1, 2));
    const group = await call('POST', `/accounts/${ACCOUNT}/iam/user_groups`, {
      name: 'Inline array scope',
      policies: [{ access: 'allow', permission_groups: [{ id: zonePg }], resource_groups: [{ scope: [zoneScope(3)] }] }],
    });
    expect(group.status).toBe(200);
    expect(group.body.result.policies[0].resource_groups[0].scope).toEqual(zoneScope(3));
  });

  it('2024 era: answers scope as an array holding it, from create, get, list and update', async () => {
    const { call } = createIamSandbox('2024');
    const created = await call('POST', base, { name: 'Array era', scope: zoneScope(1) });
    expect(created.body.result.scope).toEqual([zoneScope(1)]);
    expect((await call('GET', `${base}/${created.body.result.id}`)).body.result.scope).toEqual([zoneScope(1)]);
    expect((await call('GET', base)).body.result[0].scope).toEqual([zoneScope(1)]);
    const updated = await call('PUT', `${base}/${created.body.result.id}`, { scope: zoneScope(2) });
    expect(updated.body.result.scope).toEqual([zoneScope(2)]);
  });

  it('creates a group, answering scope as one object (schema iam_scope) and no meta', async () => {
    const { call } = createIamSandbox();
    const res = await call('POST', base, { name: 'Production zones', scope: zoneScope(1, 2) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, errors: [], messages: [] });
    expect(res.body.result).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: 'Production zones',
      scope: { key: ACCOUNT_KEY, objects: [{ key: zoneKey(1) }, { key: zoneKey(2) }] },
    });
    expect((await call('GET', base)).body.result).toEqual([res.body.result]);
    const one = await call('GET', `${base}/${res.body.result.id}`);
    expect(one.status).toBe(200);
    expect(one.body.result).toEqual(res.body.result);
  });

  it('accepts the whole account as "*" or as the account key, and drops repeated objects', async () => {
    const { call } = createIamSandbox();
    const star = await call('POST', base, { name: 'All', scope: accountScope() });
    expect(star.body.result.scope.objects).toEqual([{ key: '*' }]);
    const self = await call('POST', base, { name: 'Account', scope: { key: ACCOUNT_KEY, objects: [{ key: ACCOUNT_KEY }] } });
    expect(self.status).toBe(200);
    const repeated = await call('POST', base, {
      name: 'Twice',
      scope: { key: ACCOUNT_KEY, objects: [{ key: zoneKey(3) }, { key: zoneKey(3) }] },
    });
    expect(repeated.body.result.scope.objects).toEqual([{ key: zoneKey(3) }]);
  });

  it('stores the name trimmed', async () => {
    const { call } = createIamSandbox();
    const res = await call('POST', base, { name: '  Spaced  ', scope: zoneScope(1) });
    expect(res.body.result.name).toBe('Spaced');
  });

  it('lists without result_info, filtered by id and by exact name in any case', async () => {
    const { call, createResourceGroup } = createIamSandbox();
    const a = await createResourceGroup('Alpha zones');
    await createResourceGroup('Beta zones', zoneScope(2));
    const all = await call('GET', base);
    expect(all.status).toBe(200);
    expect(all.body.result_info).toBeUndefined();
    expect(all.body.result.map((g: any) => g.name)).toEqual(['Alpha zones', 'Beta zones']);
    const byId = await call('GET', `${base}?id=${a}`);
    expect(byId.body.result.map((g: any) => g.id)).toEqual([a]);
    const byName = await call('GET', `${base}?name=ALPHA%20ZONES`);
    expect(byName.body.result.map((g: any) => g.id)).toEqual([a]);
    const partial = await call('GET', `${base}?name=Alpha`);
    expect(partial.body.result).toEqual([]);
  });

  it('rejects an over-long name filter', async () => {
    const { call } = createIamSandbox();
    const res = await call('GET', `${base}?name=${'x'.repeat(201)}`);
    expectError(res, { code: 1002, message: 'name' });
  });

  it("404s an unknown group and another account's group", async () => {
    const { call, db } = createIamSandbox();
    const missing = await call('GET', `${base}/${'0'.repeat(32)}`);
    expectError(missing, { status: 404, code: 1003, message: 'Resource group' });
    const foreign = newId();
    db.prepare(
      'INSERT INTO resource_groups (id, account_id, name, scope_key, scope_objects, meta, created_on, modified_on) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)',
    ).run(foreign, OTHER_ACCOUNT, 'Theirs', `com.cloudflare.api.account.${OTHER_ACCOUNT}`, '["*"]', timestamp(), timestamp());
    expectError(await call('GET', `${base}/${foreign}`), { status: 404, code: 1003 });
    expect((await call('GET', base)).body.result).toEqual([]);
  });
});

describe('resource groups: bad create requests change nothing', () => {
  const good = { name: 'Good', scope: zoneScope(1) };
  it.each([
    ['missing name', { scope: zoneScope(1) }, '/name', 'name'],
    ['name not a string', { ...good, name: 42 }, '/name', 'name'],
    ['blank name', { ...good, name: '   ' }, '/name', 'must not be empty'],
    ['name over 200 characters', { ...good, name: 'x'.repeat(201) }, '/name', 'at most 200'],
    ['name with a newline', { ...good, name: 'a\nb' }, '/name', 'control characters'],
    ['unknown field', { ...good, meta: { key: 'a', value: 'b' } }, '/meta', 'unknown field'],
    ['missing scope', { name: 'x' }, '/scope', 'scope'],
    ['scope as an array of two', { ...good, scope: [zoneScope(1), zoneScope(2)] }, '/scope', 'exactly one'],
    ['scope as an empty array', { ...good, scope: [] }, '/scope', 'exactly one'],
    ['scope without objects', { ...good, scope: { key: ACCOUNT_KEY } }, '/scope/objects', 'objects'],
    ['zero scope objects', { ...good, scope: { key: ACCOUNT_KEY, objects: [] } }, '/scope/objects', 'should not be zero'],
    ['malformed scope key', { ...good, scope: { key: 'account', objects: [{ key: '*' }] } }, '/scope/key', 'scope.key'],
    ['upper-case hex scope key', { ...good, scope: { key: ACCOUNT_KEY.toUpperCase(), objects: [{ key: '*' }] } }, '/scope/key', 'scope.key'],
    ['zone as the scope key', { ...good, scope: { key: zoneKey(1), objects: [{ key: '*' }] } }, '/scope/key', 'scope.key'],
    [
      "another account's scope key",
      { ...good, scope: { key: `com.cloudflare.api.account.${OTHER_ACCOUNT}`, objects: [{ key: '*' }] } },
      '/scope/key',
      "this account's key",
    ],
    ['bad object key', { ...good, scope: { key: ACCOUNT_KEY, objects: [{ key: zoneKey(1) }, { key: 'zone.1' }] } }, '/scope/objects/1/key', 'scope.objects[1].key'],
    ['object with extra field', { ...good, scope: { key: ACCOUNT_KEY, objects: [{ key: '*', name: 'x' }] } }, '/scope/objects/0/name', 'unknown field'],
    ['object key not a string', { ...good, scope: { key: ACCOUNT_KEY, objects: [{ key: 7 }] } }, '/scope/objects/0/key', 'scope.objects[0].key'],
    ['"*" next to zones', { ...good, scope: { key: ACCOUNT_KEY, objects: [{ key: zoneKey(1) }, { key: '*' }] } }, '/scope/objects/1/key', 'only scope object'],
    [
      'too many scope objects',
      { ...good, scope: { key: ACCOUNT_KEY, objects: Array.from({ length: 1001 }, (_, i) => ({ key: zoneKey(i) })) } },
      '/scope/objects',
      'at most 1000',
    ],
  ])('%s → 400', async (_label, body, pointer, message) => {
    const { call, db } = createIamSandbox();
    await expectRejectedWithoutWrite(db, () => call('POST', base, body), { code: 1001, pointer, message });
  });

  it('rejects malformed JSON and a missing body', async () => {
    const { call, db } = createIamSandbox();
    await expectRejectedWithoutWrite(db, () => call('POST', base, '{"name": '), { code: 6007, message: 'Malformed JSON' });
    await expectRejectedWithoutWrite(db, () => call('POST', base), { code: 1001, message: 'request body' });
  });

  it('rejects a duplicate name in any case with 1004 at /name', async () => {
    const { call, db, createResourceGroup } = createIamSandbox();
    await createResourceGroup('Production');
    await expectRejectedWithoutWrite(db, () => call('POST', base, { name: 'PRODUCTION', scope: zoneScope(2) }), {
      code: 1004,
      pointer: '/name',
      message: 'already exists',
    });
    await createResourceGroup('Équipe');
    await expectRejectedWithoutWrite(db, () => call('POST', base, { name: 'équipe', scope: zoneScope(2) }), {
      code: 1004,
      pointer: '/name',
    });
  });

  it('allows the same name in another account', async () => {
    const { call, db } = createIamSandbox();
    db.prepare(
      'INSERT INTO resource_groups (id, account_id, name, scope_key, scope_objects, meta, created_on, modified_on) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)',
    ).run(newId(), OTHER_ACCOUNT, 'Shared', `com.cloudflare.api.account.${OTHER_ACCOUNT}`, '["*"]', timestamp(), timestamp());
    expect((await call('POST', base, { name: 'Shared', scope: zoneScope(1) })).status).toBe(200);
  });
});

describe('resource groups: update', () => {
  it('renames and re-scopes, leaving omitted fields as they were', async () => {
    const { call, createResourceGroup } = createIamSandbox();
    const id = await createResourceGroup('Old');
    const renamed = await call('PUT', `${base}/${id}`, { name: 'New' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.result).toMatchObject({ id, name: 'New', scope: zoneScope(1) });
    const rescoped = await call('PUT', `${base}/${id}`, { scope: zoneScope(4, 5) });
    expect(rescoped.body.result).toMatchObject({ name: 'New', scope: zoneScope(4, 5) });
    expect((await call('GET', `${base}/${id}`)).body.result).toEqual(rescoped.body.result);
  });

  it('accepts an empty body as a no-op and a case-only rename of itself', async () => {
    const { call, createResourceGroup } = createIamSandbox();
    const id = await createResourceGroup('Same');
    const empty = await call('PUT', `${base}/${id}`, {});
    expect(empty.status).toBe(200);
    expect(empty.body.result.name).toBe('Same');
    const recased = await call('PUT', `${base}/${id}`, { name: 'SAME' });
    expect(recased.body.result.name).toBe('SAME');
  });

  it('404s an unknown group', async () => {
    const { call, db } = createIamSandbox();
    await expectRejectedWithoutWrite(db, () => call('PUT', `${base}/${'0'.repeat(32)}`, { name: 'x' }), {
      status: 404,
      code: 1003,
    });
  });

  it.each([
    ['duplicate name', { name: 'other' }, 1004, '/name'],
    ['blank name', { name: '' }, 1001, '/name'],
    ['bad scope object', { scope: { key: ACCOUNT_KEY, objects: [{ key: 'nope' }] } }, 1001, '/scope/objects/0/key'],
    ['zero scope objects', { scope: { key: ACCOUNT_KEY, objects: [] } }, 1001, '/scope/objects'],
    ['unknown field', { id: 'x' }, 1001, '/id'],
    ['body not an object', ['x'], 1001, '/'],
  ])('rejects %s and changes nothing', async (_label, body, code, pointer) => {
    const { call, db, createResourceGroup } = createIamSandbox();
    const id = await createResourceGroup('Mine');
    await createResourceGroup('Other', zoneScope(2));
    await expectRejectedWithoutWrite(db, () => call('PUT', `${base}/${id}`, body), { code, pointer });
  });

  it('refuses to narrow to zones a group an account-level permission group is granted on (1006)', async () => {
    const { call, db, createResourceGroup, createUserGroup, accountPg, zonePg } = createIamSandbox();
    const id = await createResourceGroup('Everything', accountScope());
    await createUserGroup({
      name: 'Admins',
      policies: [{ access: 'allow', permission_groups: [{ id: accountPg }], resource_groups: [{ id }] }],
    });
    await expectRejectedWithoutWrite(db, () => call('PUT', `${base}/${id}`, { scope: zoneScope(1) }), {
      code: 1006,
      pointer: '/scope',
      message: 'invalid permission group and resource group combination',
    });
    // a group used only with zone-level permission groups may change zones, but not become the whole account
    const zoneOnly = await createResourceGroup('Zone use', zoneScope(2));
    await createUserGroup({
      name: 'Readers',
      policies: [{ access: 'allow', permission_groups: [{ id: zonePg }], resource_groups: [{ id: zoneOnly }] }],
    });
    expect((await call('PUT', `${base}/${zoneOnly}`, { scope: zoneScope(1) })).status).toBe(200);
    await expectRejectedWithoutWrite(db, () => call('PUT', `${base}/${zoneOnly}`, { scope: accountScope() }), {
      code: 1006,
      pointer: '/scope',
      message: 'Unknown error when processing member, please try again. Error: invalid permission group and resource group combination',
    });
  });

  it('2024 era: a group a zone-level permission group is granted on may become the whole account', async () => {
    const { call, createResourceGroup, createUserGroup, zonePg } = createIamSandbox('2024');
    const zoneOnly = await createResourceGroup('Zone use', zoneScope(2));
    await createUserGroup({
      name: 'Readers',
      policies: [{ access: 'allow', permission_groups: [{ id: zonePg }], resource_groups: [{ id: zoneOnly }] }],
    });
    expect((await call('PUT', `${base}/${zoneOnly}`, { scope: accountScope() })).status).toBe(200);
  });
});

describe('resource groups: delete', () => {
  it('answers {id}, then 404s', async () => {
    const { call, createResourceGroup } = createIamSandbox();
    const id = await createResourceGroup('Doomed');
    const res = await call('DELETE', `${base}/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.result).toEqual({ id });
    expectError(await call('GET', `${base}/${id}`), { status: 404, code: 1003 });
    expectError(await call('DELETE', `${base}/${id}`), { status: 404, code: 1003 });
  });

  it('takes the empty JSON body the schema declares for DELETE, as well as none (TODAY row 15)', async () => {
    const { call, createResourceGroup } = createIamSandbox();
    const id = await createResourceGroup('Doomed with a body');
    const res = await call('DELETE', `${base}/${id}`, {});
    expect(res.status).toBe(200);
    expect(res.body.result).toEqual({ id });
  });

  it('removes a referenced group from policies, drops emptied policies and bumps those user groups', async () => {
    const { call, db, createResourceGroup, createUserGroup, ageUserGroup, modifiedOn, zonePg } = createIamSandbox();
    const doomed = await createResourceGroup('Doomed');
    const kept = await createResourceGroup('Kept', zoneScope(2));
    const policy = (ids: string[]) => ({
      access: 'allow',
      permission_groups: [{ id: zonePg }],
      resource_groups: ids.map((id) => ({ id })),
    });
    const both = await createUserGroup({ name: 'Both', policies: [policy([doomed, kept])] });
    const only = await createUserGroup({ name: 'Only', policies: [policy([doomed]), policy([kept])] });
    const untouched = await createUserGroup({ name: 'Untouched', policies: [policy([kept])] });
    const refs = policiesReferencingResourceGroup(db, ACCOUNT, doomed);
    expect(refs.map((r) => r.user_group.name)).toEqual(['Both', 'Only']);
    expect(refs[0]).toEqual({ user_group: { id: both.id, name: 'Both' }, policy_id: both.policies[0].id, access: 'allow' });
    const old = [both.id, only.id, untouched.id].map(ageUserGroup)[0];

    expect((await call('DELETE', `${base}/${doomed}`)).status).toBe(200);
    const afterBoth = (await call('GET', `/accounts/${ACCOUNT}/iam/user_groups/${both.id}`)).body.result;
    expect(afterBoth.policies).toHaveLength(1);
    expect(afterBoth.policies[0].resource_groups.map((g: any) => g.id)).toEqual([kept]);
    const afterOnly = (await call('GET', `/accounts/${ACCOUNT}/iam/user_groups/${only.id}`)).body.result;
    expect(afterOnly.policies.map((p: any) => p.id)).toEqual([only.policies[1].id]);
    expect(modifiedOn(both.id)).not.toBe(old);
    expect(modifiedOn(only.id)).not.toBe(old);
    expect(modifiedOn(untouched.id)).toBe(old);
    expect(policiesReferencingResourceGroup(db, ACCOUNT, doomed)).toEqual([]);
  });
});
