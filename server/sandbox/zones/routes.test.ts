import { describe, expect, it } from 'vitest';
import { ACME_ZONES } from '../db/seed-company.ts';
import { STAGING_ACCOUNT_ID } from '../db/seed.ts';
import { LARGE_EXTRA_ZONES } from '../db/seed-zones.ts';
import { ACCOUNT, createTestSandbox } from '../test-support.ts';
import { expectError } from '../iam-test-fixtures.ts';

const sandbox = createTestSandbox('default');
const call = sandbox.call;
const names = (res: { body: { result: Array<{ name: string }> } }) => res.body.result.map((z) => z.name);
const list = (query = '') => call('GET', `/zones${query ? `?${query}` : ''}`);

describe('GET /zones', () => {
  it('lists every zone the credential sees in the SDK shape, by name, 20 a page by default', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body.result_info).toEqual({ page: 1, per_page: 20, count: 16, total_count: 16, total_pages: 1 });
    const sorted = [...names(res)].sort();
    expect(names(res)).toEqual(sorted);
    const acme = res.body.result.find((z: any) => z.name === 'acme.com');
    expect(acme).toMatchObject({
      id: ACME_ZONES['acme.com'],
      status: 'active',
      paused: false,
      type: 'full',
      development_mode: 0,
      name_servers: [expect.stringMatching(/\.ns\.cloudflare\.com$/), expect.stringMatching(/\.ns\.cloudflare\.com$/)],
      account: { id: ACCOUNT, name: 'Acme Corp' },
      owner: { type: 'organization' },
      meta: { phishing_detected: false },
      plan: { name: 'Enterprise Website', legacy_id: 'enterprise' },
      created_on: expect.stringMatching(/Z$/),
    });
  });

  it('has a zone for every zone object a seeded resource group names', async () => {
    const zoneIds = new Set((await call('GET', '/zones?per_page=50')).body.result.map((z: any) => z.id));
    for (const account of [ACCOUNT, STAGING_ACCOUNT_ID]) {
      const groups = (await call('GET', `/accounts/${account}/iam/resource_groups`)).body.result;
      const referenced = groups.flatMap((g: any) =>
        g.scope.objects.map((o: any) => /zone\.([0-9a-f]{32})$/.exec(o.key)?.[1]).filter(Boolean),
      );
      expect(referenced.length).toBeGreaterThan(0);
      for (const id of referenced) expect(zoneIds, `zone ${id} of account ${account}`).toContain(id);
    }
  });

  it('filters by account.id and account.name', async () => {
    const staging = await list(`account.id=${STAGING_ACCOUNT_ID}`);
    expect(names(staging)).toEqual(['acme-loadtest.net', 'acme-preview.dev', 'acme-staging.com']);
    expect(staging.body.result.every((z: any) => z.account.id === STAGING_ACCOUNT_ID)).toBe(true);
    expect(names(await list('account.name=contains:staging'))).toEqual(names(staging));
    expect(names(await list('account.name=acme%20staging'))).toEqual(names(staging)); // equal, any case
    expect((await list('account.name=Acme')).body.result).toEqual([]);
  });

  it.each([
    ['acme.com', ['acme.com']],
    ['ACME.COM', ['acme.com']],
    ['equal:acme.io', ['acme.io']],
    ['contains:shop', ['acmeshop.com']],
    ['contains:SHOP', ['acmeshop.com']],
    ['starts_with:acme-', ['acme-events.com', 'acme-internal.net', 'acme-labs.dev', 'acme-status.com']],
    ['ends_with:.dev', ['acme-labs.dev', 'acme.dev']],
    ['contains_case_sensitive:shop', ['acmeshop.com']],
    ['contains_case_sensitive:SHOP', []],
    ['starts_with_case_sensitive:acmec', ['acmecdn.net']],
    ['ends_with_case_sensitive:.co.uk', ['acme.co.uk']],
    ['ends_with_case_sensitive:.CO.UK', []],
    ['contains:100%25', []], // % is literal, not a wildcard
  ])('name=%s', async (filter, expected) => {
    expect(names(await list(`account.id=${ACCOUNT}&name=${encodeURIComponent(filter)}`))).toEqual(expected);
  });

  it('name=not_equal: leaves one zone out', async () => {
    const all = names(await list(`account.id=${ACCOUNT}`));
    expect(names(await list(`account.id=${ACCOUNT}&name=not_equal:acme.com`))).toEqual(all.filter((n) => n !== 'acme.com'));
  });

  it('filters by status; match=any joins requirements with OR, match=all (default) with AND', async () => {
    expect(names(await list(`account.id=${ACCOUNT}&status=pending`))).toEqual(['acme-events.com']);
    expect(names(await list(`account.id=${ACCOUNT}&status=pending&name=contains:shop`))).toEqual([]);
    expect(names(await list(`account.id=${ACCOUNT}&status=pending&name=contains:shop&match=all`))).toEqual([]);
    expect(names(await list(`account.id=${ACCOUNT}&status=pending&name=contains:shop&match=any`))).toEqual([
      'acme-events.com',
      'acmeshop.com',
    ]);
    // account.id narrows what is searched even with match=any.
    expect(names(await list(`account.id=${STAGING_ACCOUNT_ID}&status=pending&name=acme.com&match=any`))).toEqual(['acme-loadtest.net']);
  });

  it('orders by name, status, account and plan, in either direction', async () => {
    const desc = names(await list('direction=desc'));
    expect(desc).toEqual([...desc].sort().reverse());
    const byStatus = (await list('order=status')).body.result.map((z: any) => z.status);
    expect(byStatus).toEqual([...byStatus].sort());
    const byAccount = (await list('order=account.name&direction=desc')).body.result.map((z: any) => z.account.name);
    expect(byAccount[0]).toBe('Acme Staging');
    expect(byAccount.at(-1)).toBe('Acme Corp');
    const byAccountId = (await list('order=account.id')).body.result.map((z: any) => z.account.id);
    expect(byAccountId).toEqual([...byAccountId].sort());
    const plans = (await list('order=plan.id')).body.result.map((z: any) => z.plan.id);
    expect(plans).toEqual([...plans].sort());
  });

  it('filters by type (repeated or comma-separated) and leaves internal zones out by default', async () => {
    expect(names(await list('type=partial'))).toEqual(['acmecdn.net']);
    expect(names(await list('type=partial,secondary'))).toEqual(['acmecdn.net', 'acmepay.io']);
    expect(names(await list('type=partial&type=secondary'))).toEqual(['acmecdn.net', 'acmepay.io']);
    sandbox.db.prepare("UPDATE zones SET type = 'internal' WHERE name = 'acme-internal.net'").run();
    try {
      expect(names(await list())).not.toContain('acme-internal.net');
      expect(names(await list('type=internal'))).toEqual(['acme-internal.net']);
    } finally {
      sandbox.db.prepare("UPDATE zones SET type = 'full' WHERE name = 'acme-internal.net'").run();
    }
  });

  it('pages with per_page 5–50; a page past the last is empty', async () => {
    const first = await list('per_page=5');
    expect(first.body.result_info).toEqual({ page: 1, per_page: 5, count: 5, total_count: 16, total_pages: 4 });
    const fourth = await list('per_page=5&page=4');
    expect(fourth.body.result_info).toMatchObject({ page: 4, count: 1 });
    const all = [];
    for (let page = 1; page <= 4; page++) all.push(...names(await list(`per_page=5&page=${page}`)));
    expect(all).toEqual(names(await list('per_page=50')));
    const past = await list('per_page=5&page=5');
    expect(past.status).toBe(200);
    expect(past.body.result).toEqual([]);
  });

  it.each([
    ['per_page=4', 'per_page'],
    ['per_page=51', 'per_page'],
    ['per_page=ten', 'per_page'],
    ['page=0', 'page'],
    ['status=paused', 'status'],
    ['order=created_on', 'order'],
    ['direction=up', 'direction'],
    ['match=some', 'match'],
    ['account.id=acme', 'account.id'],
    ['name=like:acme', 'unknown operator "like"'],
    ['name=contains:', 'needs a value'],
    ['account.name=fuzzy:acme', 'account.name'],
    [`name=${'a'.repeat(301)}`, 'name'],
    ['type=full,primary', 'unknown zone type "primary"'],
  ])('rejects %s with a 400 (code 1002) naming it', async (query, named) => {
    expectError(await list(query), { status: 400, code: 1002, message: named });
  });

  it('needs a credential', async () => {
    expectError(await call('GET', '/zones', undefined, {}), { status: 400, code: 9106 });
  });
});

describe('GET /zones/{zone_id}', () => {
  it('answers one zone', async () => {
    const res = await call('GET', `/zones/${ACME_ZONES['acme.co.uk']}`);
    expect(res.status).toBe(200);
    expect(res.body.result).toMatchObject({ id: ACME_ZONES['acme.co.uk'], name: 'acme.co.uk', account: { id: ACCOUNT } });
  });

  it('says plainly when a zone does not exist or the id is malformed', async () => {
    expectError(await call('GET', `/zones/${'e'.repeat(32)}`), { status: 404, code: 1003, message: 'not visible to this credential' });
    expectError(await call('GET', '/zones/acme.com'), { status: 404, code: 7003, message: 'perhaps your object identifier is invalid' });
  });
});

describe('seeds', () => {
  it('empty has no zones; large adds 2,000 distinct ones to Acme Corp', async () => {
    const empty = createTestSandbox('empty');
    expect((await empty.call('GET', '/zones')).body.result_info).toMatchObject({ total_count: 0, total_pages: 1 });
    const large = createTestSandbox('large');
    const res = await large.call('GET', `/zones?account.id=${ACCOUNT}&per_page=50`);
    expect(res.body.result_info).toMatchObject({ total_count: 13 + LARGE_EXTRA_ZONES, total_pages: Math.ceil((13 + LARGE_EXTRA_ZONES) / 50) });
    const distinct = large.db.prepare('SELECT COUNT(DISTINCT name) AS n, COUNT(*) AS total FROM zones').get() as { n: number; total: number };
    expect(distinct.n).toBe(distinct.total);
    const searched = await large.call('GET', `/zones?account.id=${ACCOUNT}&name=contains:rocket-shop&per_page=50`);
    expect(searched.body.result.length).toBeGreaterThan(0);
    expect(searched.body.result.every((z: any) => z.name.includes('rocket-shop'))).toBe(true);
  }, 30_000);
});
