import { describe, expect, it } from 'vitest';
import { ACCOUNT } from '../test-support.ts';
import { OTHER_ACCOUNT, createIamSandbox, expectError, expectRejectedWithoutWrite, insertAccountMember } from '../iam-test-fixtures.ts';

describe('accounts', () => {
  it('lists accounts in the SDK shape, 20 per page by default, sorted by name', async () => {
    const { call } = createIamSandbox();
    const res = await call('GET', '/accounts');
    expect(res.status).toBe(200);
    expect(res.body.result_info).toMatchObject({ page: 1, per_page: 20, count: res.body.result.length });
    const ids = res.body.result.map((a: any) => a.id);
    expect(ids.indexOf(OTHER_ACCOUNT)).toBeLessThan(ids.indexOf(ACCOUNT)); // "Other Account" < "Test Account"
    expect(ids.indexOf(OTHER_ACCOUNT)).toBeGreaterThanOrEqual(0);
    expect(res.body.result.find((a: any) => a.id === ACCOUNT)).toEqual({
      id: ACCOUNT,
      name: expect.any(String),
      type: expect.stringMatching(/^(standard|enterprise)$/),
      settings: { enforce_twofactor: false, api_access_enabled: null, abuse_contact_email: null },
      created_on: expect.any(String),
    });
  });

  it('filters by name (substring, any case), sorts by direction and pages', async () => {
    const { call } = createIamSandbox();
    const named = await call('GET', '/accounts?name=OTHER%20acc');
    expect(named.body.result.map((a: any) => a.id)).toEqual([OTHER_ACCOUNT]);
    const desc = (await call('GET', '/accounts?direction=desc&per_page=50')).body.result.map((a: any) => a.id);
    expect(desc.indexOf(ACCOUNT)).toBeLessThan(desc.indexOf(OTHER_ACCOUNT));
    const small = await call('GET', '/accounts?per_page=5');
    expect(small.body.result.length).toBeLessThanOrEqual(5);
    const past = await call('GET', '/accounts?page=100000&per_page=5');
    expect(past.status).toBe(200);
    expect(past.body.result).toEqual([]);
  });

  it.each(['per_page=4', 'per_page=51', 'page=0', 'direction=sideways', `name=${'n'.repeat(101)}`])(
    'rejects %s with a 400 naming the parameter',
    async (query) => {
      const { call } = createIamSandbox();
      expectError(await call('GET', `/accounts?${query}`), { code: 1002, message: query.split('=')[0]! });
    },
  );

  it('gets one account; an unknown id is 403 and a malformed one 404, as for every account path', async () => {
    const { call } = createIamSandbox();
    const res = await call('GET', `/accounts/${ACCOUNT}`);
    expect(res.status).toBe(200);
    expect(res.body.result).toMatchObject({ id: ACCOUNT, settings: { enforce_twofactor: false } });
    const forbidden = await call('GET', `/accounts/${'9'.repeat(32)}`);
    // Today's contextual 403 (Decision 5): code 10000, "Forbidden", the permissions page.
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual({
      success: false,
      result: null,
      errors: [{ code: 10000, message: 'Forbidden', documentation_url: 'https://developers.cloudflare.com/fundamentals/api/reference/permissions/' }],
      messages: [],
    });
    expectError(await call('GET', '/accounts/nope'), { status: 404, code: 7003 });
  });

  it('2024 era: an unknown account is 403 with code 9109', async () => {
    const { call } = createIamSandbox('2024');
    expectError(await call('GET', `/accounts/${'9'.repeat(32)}/members`), { status: 403, code: 9109 });
  });

  it('needs a credential', async () => {
    const { call } = createIamSandbox();
    expectError(await call('GET', '/accounts', undefined, {}), { status: 400, code: 9106 });
  });
});

describe('account members', () => {
  const setup = () => {
    const sandbox = createIamSandbox();
    const ids = {
      zoe: insertAccountMember(sandbox.db, { email: 'zoe@example.com', first_name: 'Zoe', last_name: 'Adams' }),
      al: insertAccountMember(sandbox.db, { email: 'al@example.com', first_name: 'Al', last_name: 'Young', status: 'pending' }),
      mo: insertAccountMember(sandbox.db, { email: 'mo@corp.example', first_name: 'Mo', last_name: 'Smith' }),
      eve: insertAccountMember(sandbox.db, { email: 'eve@example.com', account: OTHER_ACCOUNT }),
    };
    const list = async (query = '') => (await sandbox.call('GET', `/accounts/${ACCOUNT}/members${query}`)).body.result;
    return { ...sandbox, ids, list };
  };

  it("lists this account's members in the SDK's Member shape, by email, 20 per page", async () => {
    const { call, ids } = setup();
    const res = await call('GET', `/accounts/${ACCOUNT}/members`);
    expect(res.status).toBe(200);
    expect(res.body.result_info).toMatchObject({ page: 1, per_page: 20, count: 3, total_count: 3 });
    expect(res.body.result.map((m: any) => m.id)).toEqual([ids.al, ids.mo, ids.zoe]);
    expect(res.body.result[0]).toEqual({
      id: ids.al,
      email: 'al@example.com',
      status: 'pending',
      user: {
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        email: 'al@example.com',
        first_name: 'Al',
        last_name: 'Young',
        two_factor_authentication_enabled: false,
      },
      roles: [],
      policies: [],
    });
  });

  it('filters by status and by the sandbox search parameter (email or name, any case)', async () => {
    const { list, ids } = setup();
    expect((await list('?status=pending')).map((m: any) => m.id)).toEqual([ids.al]);
    expect(await list('?status=rejected')).toEqual([]);
    expect((await list('?search=EXAMPLE.COM')).map((m: any) => m.id)).toEqual([ids.al, ids.zoe]);
    expect((await list('?search=smith')).map((m: any) => m.id)).toEqual([ids.mo]);
    expect((await list('?search=zoe%20ad')).map((m: any) => m.id)).toEqual([ids.zoe]);
    expect((await list('?search=%25')).map((m: any) => m.id)).toEqual([]); // LIKE wildcards are literal
  });

  it('orders by the SDK order values and direction', async () => {
    const { list, ids } = setup();
    const order = async (q: string) => (await list(q)).map((m: any) => m.id);
    expect(await order('?order=user.first_name')).toEqual([ids.al, ids.mo, ids.zoe]);
    expect(await order('?order=user.last_name')).toEqual([ids.zoe, ids.mo, ids.al]);
    expect(await order('?order=user.email&direction=desc')).toEqual([ids.zoe, ids.mo, ids.al]);
    expect(await order('?order=email&direction=desc')).toEqual([ids.zoe, ids.mo, ids.al]);
    expect(await order('?order=status')).toEqual([ids.mo, ids.zoe, ids.al]);
  });

  it('pages, answering [] past the end', async () => {
    const { call } = setup();
    const res = await call('GET', `/accounts/${ACCOUNT}/members?per_page=5&page=2`);
    expect(res.status).toBe(200);
    expect(res.body.result).toEqual([]);
    expect(res.body.result_info).toMatchObject({ page: 2, per_page: 5, count: 0, total_count: 3 });
  });

  it.each(['status=gone', 'order=name', 'direction=down', 'per_page=4', 'per_page=51', 'page=0', `search=${'s'.repeat(91)}`])(
    'rejects %s with a 400 naming the parameter',
    async (query) => {
      const { call } = setup();
      expectError(await call('GET', `/accounts/${ACCOUNT}/members?${query}`), { code: 1002, message: query.split('=')[0]! });
    },
  );

  it('gets one member by id (GET /accounts/{id}/members/{member_id}), as the list answers it', async () => {
    const { call, ids, list } = setup();
    const listed = (await list()).find((m: any) => m.id === ids.mo);
    const res = await call('GET', `/accounts/${ACCOUNT}/members/${ids.mo}`);
    expect(res.status).toBe(200);
    expect(res.body.result).toEqual(listed);
    expect(res.body.result.user).toMatchObject({ email: 'mo@corp.example', two_factor_authentication_enabled: false });
    expectError(await call('GET', `/accounts/${ACCOUNT}/members/${ids.eve}`), { status: 404, code: 1003 });
  });

  it('invites a member (pending); status accepted is refused with 1001 as today\'s API does', async () => {
    const { call, db, list } = setup();
    await expectRejectedWithoutWrite(db, () => call('POST', `/accounts/${ACCOUNT}/members`, { email: 'new@example.com', roles: [], status: 'accepted' }), {
      code: 1001,
      message: 'Invalid request: automatic verification of new members is not allowed',
    });
    const res = await call('POST', `/accounts/${ACCOUNT}/members`, { email: 'new@example.com', roles: [] });
    expect(res.status).toBe(200);
    expect(res.body.result).toMatchObject({ email: 'new@example.com', status: 'pending', user: { email: 'new@example.com' } });
    expect((await list()).map((m: any) => m.email)).toContain('new@example.com');
    expectError(await call('POST', `/accounts/${ACCOUNT}/members`, { email: 'NEW@example.com' }), { code: 1004, pointer: '/email' });
  });

  it('answers total_pages and accepts status=rejected (none are)', async () => {
    const { call } = setup();
    const res = await call('GET', `/accounts/${ACCOUNT}/members?per_page=5&status=rejected`);
    expect(res.status).toBe(200);
    expect(res.body.result).toEqual([]);
    expect(res.body.result_info).toEqual({ page: 1, per_page: 5, count: 0, total_count: 0, total_pages: 1 });
  });
});
