import { describe, expect, it } from 'vitest';
import { ACCOUNT, createTestSandbox } from '../test-support.ts';
import {
  OTHER_ACCOUNT,
  createIamSandbox,
  expectError,
  expectRejectedWithoutWrite,
  insertAccountMember,
} from '../iam-test-fixtures.ts';

const groups = `/accounts/${ACCOUNT}/iam/user_groups`;

async function setup() {
  const sandbox = createIamSandbox();
  const group = await sandbox.createUserGroup({ name: 'Team' });
  const ann = insertAccountMember(sandbox.db, { email: 'ann@example.com', first_name: 'Ann', last_name: 'Lee' });
  const bob = insertAccountMember(sandbox.db, { email: 'Bob@Example.com', status: 'pending', first_name: null, last_name: null });
  const cid = insertAccountMember(sandbox.db, { email: 'cid@corp.example', first_name: 'Cid', last_name: 'Ray' });
  const foreign = insertAccountMember(sandbox.db, { email: 'eve@other.example', account: OTHER_ACCOUNT });
  const members = `${groups}/${group.id}/members`;
  const ids = () =>
    (
      sandbox.db.prepare('SELECT member_id FROM user_group_members WHERE user_group_id = ? ORDER BY member_id').all(group.id) as Array<{
        member_id: string;
      }>
    ).map((r) => r.member_id);
  return { ...sandbox, group, ann, bob, cid, foreign, members, ids };
}

describe('user group members: add (POST, bare array)', () => {
  it('adds members and answers them as [Member]', async () => {
    const { call, members, ann, bob, ids } = await setup();
    const res = await call('POST', members, [{ id: ann }, { id: bob }]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, errors: [] });
    expect(res.body.result).toEqual([
      { id: ann, email: 'ann@example.com', status: 'accepted' },
      { id: bob, email: 'Bob@Example.com', status: 'pending' },
    ]);
    expect(ids()).toEqual([ann, bob].sort());
  });

  it('is idempotent, drops repeats, and bumps modified_on only when the set changes', async () => {
    const { call, members, ann, group, ageUserGroup, modifiedOn, ids } = await setup();
    const old = ageUserGroup(group.id);
    const first = await call('POST', members, [{ id: ann }, { id: ann }]);
    expect(first.body.result).toEqual([{ id: ann, email: 'ann@example.com', status: 'accepted' }]);
    expect(modifiedOn(group.id)).not.toBe(old);
    const bumped = ageUserGroup(group.id);
    const again = await call('POST', members, [{ id: ann }]);
    expect(again.status).toBe(200);
    expect(again.body.result).toEqual(first.body.result);
    expect(modifiedOn(group.id)).toBe(bumped);
    expect(ids()).toEqual([ann]);
  });

  it('404s an unknown user group', async () => {
    const { call, db, ann } = await setup();
    await expectRejectedWithoutWrite(db, () => call('POST', `${groups}/${'0'.repeat(32)}/members`, [{ id: ann }]), {
      status: 404,
      code: 1003,
    });
  });

  it.each([
    ['an object body', () => ({ id: 'x' }), '/', 'expected array'],
    ['an empty array', () => [], '/', 'at least one member'],
    ['an item without id', () => [{}], '/0/id', '[0].id'],
    ['an id that is not a string', () => [{ id: 12 }], '/0/id', '[0].id'],
    ['an item with an extra field', (c: any) => [{ id: c.ann, email: 'x' }], '/0/email', 'unknown field'],
    ['a bare string item', () => ['abc'], '/0', '[0]'],
    ['an unknown member id', (c: any) => [{ id: c.ann }, { id: 'd'.repeat(32) }], '/1/id', `"${'d'.repeat(32)}" is not a member of this account`],
    ["another account's member", (c: any) => [{ id: c.foreign }], '/0/id', 'not a member of this account'],
    ['too many items', () => Array.from({ length: 10_001 }, (_, i) => ({ id: String(i) })), '/', 'at most 10000'],
  ])('rejects %s with 400 and adds no one', async (_label, body, pointer, message) => {
    const ctx = await setup();
    await expectRejectedWithoutWrite(ctx.db, () => ctx.call('POST', ctx.members, body(ctx)), { code: 1001, pointer, message });
    expect(ctx.ids()).toEqual([]);
  });

  it('names every unknown id', async () => {
    const { call, db, members, ann } = await setup();
    const res = await expectRejectedWithoutWrite(db, () => call('POST', members, [{ id: 'x1' }, { id: ann }, { id: 'x2' }]), {
      code: 1001,
    });
    expect(res.body.errors.map((e) => e.source?.pointer)).toEqual(['/0/id', '/2/id']);
    expect(res.body.errors[1]!.message).toContain('x2');
  });

  it('rejects malformed JSON and a missing body', async () => {
    const { call, db, members } = await setup();
    await expectRejectedWithoutWrite(db, () => call('POST', members, '[{"id": '), { code: 6007 });
    await expectRejectedWithoutWrite(db, () => call('POST', members), { code: 1001, message: 'request body' });
  });
});

describe('user group members: list and detail', () => {
  it('pages by email with result_info, filters by fuzzyEmail / fuzzy_email, sorts by direction', async () => {
    const { call, members, ann, bob, cid } = await setup();
    await call('POST', members, [{ id: cid }, { id: bob }, { id: ann }]);
    const all = await call('GET', members);
    expect(all.status).toBe(200);
    expect(all.body.result.map((m: any) => m.id)).toEqual([ann, bob, cid]);
    expect(all.body.result[0]).toEqual({ id: ann, email: 'ann@example.com', status: 'accepted' });
    expect(all.body.result_info).toEqual({ page: 1, per_page: 100, count: 3, total_count: 3, total_pages: 1 });
    const emails = async (q: string) => (await call('GET', `${members}?${q}`)).body.result.map((m: any) => m.email);
    expect(await emails('fuzzyEmail=EXAMPLE.COM')).toEqual(['ann@example.com', 'Bob@Example.com']);
    expect(await emails('fuzzy_email=corp')).toEqual(['cid@corp.example']);
    expect(await emails('direction=desc')).toEqual(['cid@corp.example', 'Bob@Example.com', 'ann@example.com']);
    const page = await call('GET', `${members}?per_page=2&page=2`);
    expect(page.body.result.map((m: any) => m.id)).toEqual([cid]);
    expect(page.body.result_info).toEqual({ page: 2, per_page: 2, count: 1, total_count: 3, total_pages: 2 });
    const past = await call('GET', `${members}?page=3&per_page=2`);
    expect(past.status).toBe(200);
    expect(past.body.result).toEqual([]);
  });

  it.each([['per_page=0'], ['per_page=501'], ['page=0'], ['page=x'], ['direction=sideways'], [`fuzzyEmail=${'a'.repeat(91)}`]])(
    'rejects %s with a 400 naming the parameter',
    async (query) => {
      const { call, members } = await setup();
      expectError(await call('GET', `${members}?${query}`), { code: 1002, message: query.split('=')[0]! });
    },
  );

  it('404s the list of an unknown group', async () => {
    const { call } = await setup();
    expectError(await call('GET', `${groups}/${'0'.repeat(32)}/members`), { status: 404, code: 1003 });
  });

  it('answers member detail with the date added and the user', async () => {
    const { call, db, members, ann, bob, group } = await setup();
    await call('POST', members, [{ id: ann }, { id: bob }]);
    const added = (db.prepare('SELECT created_at FROM user_group_members WHERE user_group_id = ? AND member_id = ?').get(group.id, ann) as {
      created_at: string;
    }).created_at;
    const res = await call('GET', `${members}/${ann}`);
    expect(res.status).toBe(200);
    expect(res.body.result).toEqual({
      id: ann,
      created_at: added,
      email: 'ann@example.com',
      status: 'accepted',
      user: { id: expect.stringMatching(/^[0-9a-f]{32}$/), email: 'ann@example.com', first_name: 'Ann', last_name: 'Lee' },
    });
    const nameless = await call('GET', `${members}/${bob}`);
    expect(nameless.body.result.user).toEqual({ id: expect.any(String), email: 'Bob@Example.com' });
  });

  it('404s an account member who is not in the group, and an unknown id', async () => {
    const { call, members, cid } = await setup();
    expectError(await call('GET', `${members}/${cid}`), { status: 404, code: 1003 });
    expectError(await call('GET', `${members}/${'0'.repeat(32)}`), { status: 404, code: 1003 });
  });
});

describe('user group members: replace (PUT) and remove (DELETE)', () => {
  it('replaces the set, keeping the date added of members who stay', async () => {
    const { call, db, members, ann, bob, cid, group, ids, ageUserGroup, modifiedOn } = await setup();
    await call('POST', members, [{ id: ann }, { id: bob }]);
    db.prepare("UPDATE user_group_members SET created_at = '2021-01-01T00:00:00.000000Z' WHERE member_id = ?").run(ann);
    const old = ageUserGroup(group.id);
    const res = await call('PUT', members, [{ id: cid }, { id: ann }, { id: cid }]);
    expect(res.status).toBe(200);
    expect(res.body.result).toEqual([
      { id: cid, email: 'cid@corp.example', status: 'accepted' },
      { id: ann, email: 'ann@example.com', status: 'accepted' },
    ]);
    expect(ids()).toEqual([ann, cid].sort());
    expect((await call('GET', `${members}/${ann}`)).body.result.created_at).toBe('2021-01-01T00:00:00.000000Z');
    expect(modifiedOn(group.id)).not.toBe(old);
    const unchanged = ageUserGroup(group.id);
    await call('PUT', members, [{ id: ann }, { id: cid }]);
    expect(modifiedOn(group.id)).toBe(unchanged);
  });

  it('empties the group with []', async () => {
    const { call, members, ann, ids } = await setup();
    await call('POST', members, [{ id: ann }]);
    const res = await call('PUT', members, []);
    expect(res.status).toBe(200);
    expect(res.body.result).toEqual([]);
    expect(ids()).toEqual([]);
  });

  it.each([
    ['an object body', () => ({ members: [] }), '/', 'expected array'],
    ['an unknown member id', () => [{ id: 'nobody' }], '/0/id', 'not a member of this account'],
    ["another account's member", (c: any) => [{ id: c.ann }, { id: c.foreign }], '/1/id', 'not a member of this account'],
    ['an item with an extra field', (c: any) => [{ id: c.ann, status: 'accepted' }], '/0/status', 'unknown field'],
    ['an empty id', () => [{ id: '' }], '/0/id', 'must not be empty'],
  ])('rejects %s and keeps the old membership', async (_label, body, pointer, message) => {
    const ctx = await setup();
    await ctx.call('POST', ctx.members, [{ id: ctx.ann }, { id: ctx.bob }]);
    await expectRejectedWithoutWrite(ctx.db, () => ctx.call('PUT', ctx.members, body(ctx)), { code: 1001, pointer, message });
    expect(ctx.ids()).toEqual([ctx.ann, ctx.bob].sort());
  });

  it('removes one member, answering the removed Member, then 404s', async () => {
    const { call, members, ann, bob, ids, group, ageUserGroup, modifiedOn } = await setup();
    await call('POST', members, [{ id: ann }, { id: bob }]);
    const old = ageUserGroup(group.id);
    const res = await call('DELETE', `${members}/${bob}`);
    expect(res.status).toBe(200);
    expect(res.body.result).toEqual({ id: bob, email: 'Bob@Example.com', status: 'pending' });
    expect(ids()).toEqual([ann]);
    expect(modifiedOn(group.id)).not.toBe(old);
    expectError(await call('DELETE', `${members}/${bob}`), { status: 404, code: 1003 });
    expectError(await call('DELETE', `${groups}/${'0'.repeat(32)}/members/${ann}`), { status: 404, code: 1003 });
  });

  it('removing a member from one group leaves their other memberships', async () => {
    const { call, db, members, ann, createUserGroup } = await setup();
    const other = await createUserGroup({ name: 'Other' });
    await call('POST', members, [{ id: ann }]);
    await call('POST', `${groups}/${other.id}/members`, [{ id: ann }]);
    await call('DELETE', `${members}/${ann}`);
    expect((await call('GET', `${groups}/${other.id}/members`)).body.result.map((m: any) => m.id)).toEqual([ann]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM user_group_members').get()).toEqual({ n: 1 });
  });
});

describe("user group members: today's answers and the 2024 era's", () => {
  it('answers an empty list with result: null (today), keeping result_info with total_pages', async () => {
    const { call, members, ann } = await setup();
    const empty = await call('GET', members);
    expect(empty.status).toBe(200);
    expect(empty.body.result).toBeNull();
    expect(empty.body.result_info).toEqual({ page: 1, per_page: 100, count: 0, total_count: 0, total_pages: 1 });
    await call('POST', members, [{ id: ann }]);
    expect((await call('GET', `${members}?fuzzyEmail=nobody`)).body.result).toBeNull();
    expect((await call('GET', members)).body.result).toHaveLength(1);
  });

  it('2024 era: an empty list is result: []', async () => {
    const sandbox = createIamSandbox('2024');
    const group = await sandbox.createUserGroup({ name: 'Team' });
    const res = await sandbox.call('GET', `${groups}/${group.id}/members`);
    expect(res.body.result).toEqual([]);
  });

  it('orders by the email local part first (today), by the whole address in the 2024 era', async () => {
    for (const shapes of ['today', '2024'] as const) {
      const sandbox = createIamSandbox(shapes);
      const group = await sandbox.createUserGroup({ name: 'Team' });
      const dotted = insertAccountMember(sandbox.db, { email: 'ann.b@x.example' });
      const plain = insertAccountMember(sandbox.db, { email: 'ann@y.example' });
      const members = `${groups}/${group.id}/members`;
      await sandbox.call('POST', members, [{ id: dotted }, { id: plain }]);
      const order = (await sandbox.call('GET', members)).body.result.map((m: any) => m.email);
      expect(order).toEqual(shapes === 'today' ? ['ann@y.example', 'ann.b@x.example'] : ['ann.b@x.example', 'ann@y.example']);
      const desc = (await sandbox.call('GET', `${members}?direction=desc`)).body.result.map((m: any) => m.email);
      expect(desc).toEqual([...order].reverse());
    }
  });

  it('refuses every write to a SCIM-managed group with 1001 and changes nothing (Decision 4)', async () => {
    const { call, db, group, members, ann } = await setup();
    await call('POST', members, [{ id: ann }]);
    db.prepare("UPDATE user_groups SET managed_by = 'scim' WHERE id = ?").run(group.id);
    const refusal = { code: 1001, message: 'Invalid request: this user group is managed by SCIM provisioning and cannot be modified' };
    await expectRejectedWithoutWrite(db, () => call('POST', members, [{ id: ann }]), refusal);
    await expectRejectedWithoutWrite(db, () => call('PUT', members, []), refusal);
    await expectRejectedWithoutWrite(db, () => call('DELETE', `${members}/${ann}`), refusal);
    // reads still answer
    expect((await call('GET', `${members}/${ann}`)).status).toBe(200);
  });
});

describe('user group members: DSR (TODAY.md row 12)', () => {
  it('refuses to add a member without DSR, at that member, and adds nobody', async () => {
    const sandbox = await setup();
    const { call, members, ann, ids, db } = sandbox;
    const zanele = insertAccountMember(db, { email: 'Zanele.Yusuf@acme.com' });
    for (const method of ['POST', 'PUT'] as const) {
      const res = await call(method, members, [{ id: ann }, { id: zanele }]);
      expect(res.status, method).toBe(400);
      expect(res.body.errors, method).toEqual([
        { code: 1001, message: `Invalid request: members do not have DSR enabled: ${zanele}`, source: { pointer: '/1/id' } },
      ]);
      expect(ids(), method).toEqual([]);
    }
    // Everyone else joins as before.
    expect((await call('POST', members, [{ id: ann }])).status).toBe(200);
    expect(ids()).toEqual([ann]);
  });

  it('seeds members without DSR in the default account: adding one to a seeded group is refused', async () => {
    const { call, db } = createTestSandbox();
    const jamal = (db.prepare("SELECT id FROM account_members WHERE email = 'jamal.taylor@pixelforge.agency' AND account_id = ?").get(ACCOUNT) as { id: string }).id;
    const group = (db.prepare('SELECT id FROM user_groups WHERE account_id = ? ORDER BY name LIMIT 1').get(ACCOUNT) as { id: string }).id;
    const res = await call('POST', `${groups}/${group}/members`, [{ id: jamal }]);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]!.message).toContain('do not have DSR enabled');
  });
});
