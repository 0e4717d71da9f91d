import { describe, expect, it } from 'vitest';
import { ACCOUNT, createTestSandbox } from '../test-support.ts';

const base = `/accounts/${ACCOUNT}/iam/permission_groups`;

describe('permission groups', () => {
  it('lists with result_info and the default page size of 20', async () => {
    const { call } = createTestSandbox();
    const res = await call('GET', base);
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.body.errors).toEqual([]);
    expect(res.body.result_info).toMatchObject({ page: 1, per_page: 20 });
    expect(res.body.result_info!.count).toBe(res.body.result.length);
    expect(res.body.result[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: expect.any(String),
      meta: {
        label: expect.stringMatching(/^[a-z0-9_]+$/),
        scopes: expect.stringMatching(/^com\.cloudflare\.api\.account(\.zone)?$/),
        description: expect.any(String),
        editable: 'false',
      },
      created_on: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      modified_on: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('lists the newest first by created_on today, and in catalogue order in the 2024 era (TODAY.md row 26)', async () => {
    const names = async (shapes: 'today' | '2024') => {
      const { call } = createTestSandbox('default', 0, shapes);
      const all: Array<{ name: string; created_on?: string }> = [];
      for (let page = 1; ; page++) {
        const res = await call('GET', `${base}?per_page=50&page=${page}`);
        all.push(...res.body.result);
        if (res.body.result.length < 50) return all;
      }
    };
    const today = await names('today');
    const created = today.map((g) => g.created_on!);
    expect(created).toEqual([...created].sort().reverse());
    expect(new Set(created).size).toBe(created.length);
    expect(today.at(-1)!.name).toBe('Administrator'); // the oldest group
    const older = await names('2024');
    expect(older[0]!.name).toBe('Administrator');
    expect(older.map((g) => g.name)).toEqual(today.map((g) => g.name).reverse());
  });

  it("answers Cloudflare's own labels and what each group acts on in meta.scopes", async () => {
    const { call } = createTestSandbox();
    const all = [];
    for (let page = 1; ; page++) {
      const res = await call('GET', `${base}?per_page=50&page=${page}`);
      all.push(...res.body.result);
      if (page >= res.body.result_info!.total_pages) break;
    }
    const byName = new Map(all.map((g: any) => [g.name, g.meta]));
    expect(byName.get('Administrator')).toMatchObject({ label: 'admin', scopes: 'com.cloudflare.api.account' });
    expect(byName.get('Super Administrator - All Privileges')).toMatchObject({ label: 'super_admin', scopes: 'com.cloudflare.api.account' });
    expect(byName.get('Administrator Read Only')).toMatchObject({ label: 'admin_readonly' });
    expect(byName.get('DNS')).toMatchObject({ label: 'dns', scopes: 'com.cloudflare.api.account.zone' });
    expect(new Set(all.map((g: any) => g.meta.label)).size).toBe(all.length);
  });

  it('2024 era: meta is {key, value} beside label and scopes, the label the name in snake case', async () => {
    const { call } = createTestSandbox('default', 0, '2024');
    const res = await call('GET', `${base}?name=Administrator%20Read%20Only`);
    expect(res.body.result[0].meta).toEqual({
      key: 'label',
      value: 'administrator_read_only',
      label: 'administrator_read_only',
      scopes: 'com.cloudflare.api.account',
    });
    const byLabel = await call('GET', `${base}?label=zone_read`);
    expect(byLabel.body.result.map((g: any) => g.name)).toContain('Zone Read');
    expect(byLabel.body.result.every((g: any) => g.meta.value.includes('zone_read'))).toBe(true);
    expect((await call('GET', `${base}?id=short`)).status).toBe(200);
  });

  it('filters by name, label and id', async () => {
    const { call } = createTestSandbox();
    const byName = await call('GET', `${base}?name=zone%20read`);
    expect(byName.body.result.map((g: any) => g.name)).toContain('Zone Read');
    expect(byName.body.result.every((g: any) => /zone read/i.test(g.name))).toBe(true);
    const id = byName.body.result[0].id;
    const byId = await call('GET', `${base}?id=${id}`);
    expect(byId.body.result).toHaveLength(1);
    // Today the label filter matches meta.label exactly (any case): `admin` is Administrator alone.
    const byLabel = await call('GET', `${base}?label=admin`);
    expect(byLabel.body.result.map((g: any) => g.name)).toEqual(['Administrator']);
    expect((await call('GET', `${base}?label=ADMIN_READONLY`)).body.result.map((g: any) => g.meta.label)).toEqual(['admin_readonly']);
    expect((await call('GET', `${base}?label=zone_rea`)).body.result).toEqual([]);
    // The id filter is exactly 32 characters (schema minLength = maxLength = 32).
    const short = await call('GET', `${base}?id=${id.slice(1)}`);
    expect(short.status).toBe(400);
    expect(short.body.errors[0]).toMatchObject({ code: 1002, message: expect.stringContaining('id') });
  });

  it('answers an empty page past the last one, never an error', async () => {
    const { call } = createTestSandbox();
    const res = await call('GET', `${base}?page=9999`);
    expect(res.status).toBe(200);
    expect(res.body.result).toEqual([]);
    expect(res.body.result_info!.count).toBe(0);
  });

  it.each([
    ['per_page=4', 'per_page'],
    ['per_page=51', 'per_page'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
  ])('rejects %s with a 400 naming the parameter', async (query, param) => {
    const { call } = createTestSandbox();
    const res = await call('GET', `${base}?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.success).toBe(false);
    expect(res.body.errors[0]!.code).toBeGreaterThanOrEqual(1000);
    expect(res.body.errors[0]!.message).toContain(param);
  });

  it('gets one by id and 404s an unknown one', async () => {
    const { call } = createTestSandbox();
    const list = await call('GET', base);
    const first = list.body.result[0];
    const one = await call('GET', `${base}/${first.id}`);
    expect(one.body.result).toEqual(first);
    const missing = await call('GET', `${base}/${'0'.repeat(32)}`);
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0]!.code).toBe(1003);
  });
});

describe('authentication and routing', () => {
  it('rejects a request without credentials the way the real API does', async () => {
    const { call } = createTestSandbox();
    const res = await call('GET', base, undefined, {});
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.code)).toEqual([9106, 9107]);
  });

  it('accepts X-Auth-Email + X-Auth-Key', async () => {
    const { call } = createTestSandbox();
    const res = await call('GET', base, undefined, { 'x-auth-email': 'a@example.com', 'x-auth-key': 'k' });
    expect(res.status).toBe(200);
  });

  it('rejects a malformed Authorization header', async () => {
    const { call } = createTestSandbox();
    const res = await call('GET', base, undefined, { authorization: 'Basic abc' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]!.code).toBe(6003);
  });

  it('answers unknown routes and accounts in the envelope', async () => {
    const { call } = createTestSandbox();
    const route = await call('GET', '/nope');
    expect(route.status).toBe(404);
    expect(route.body.errors[0]!.code).toBe(7000);
    const badId = await call('GET', '/accounts/not-an-id/iam/permission_groups');
    expect(badId.status).toBe(404);
    expect(badId.body.errors[0]!.code).toBe(7003);
    const otherAccount = await call('GET', `/accounts/${'f'.repeat(32)}/iam/permission_groups`);
    expect(otherAccount.status).toBe(403);
  });
});
