import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACME_ZONES } from '../../../server/sandbox/db/seed-company.ts';
import { ACCOUNT, BEARER, createTestSandbox } from '../../../server/sandbox/test-support.ts';
import { resolveZones, ZONE_PAGE_SIZE, zoneSearchQuery } from './queries';

type Sandbox = ReturnType<typeof createTestSandbox>;

/** Sends the SPA's requests to a sandbox, as the server would, and counts them. */
function routeFetchTo(sandbox: Sandbox) {
  const urls: string[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    urls.push(input);
    return sandbox.api.request(input, { ...init, headers: { ...(init.headers as Record<string, string>), ...BEARER } });
  });
  return urls;
}

afterEach(() => vi.unstubAllGlobals());

describe('resolveZones (default seed)', () => {
  it('names every zone with one list request, and answers a second view from the cache', async () => {
    const urls = routeFetchTo(createTestSandbox('default'));
    const qc = new QueryClient();
    const unknown = 'e'.repeat(32);
    const ids = [ACME_ZONES['acme.com'], ACME_ZONES['acme.de'], unknown];
    const names = await resolveZones(qc, ACCOUNT, ids);
    expect(names[ACME_ZONES['acme.com']]).toMatchObject({ state: 'found', zone: { name: 'acme.com' } });
    expect(names[ACME_ZONES['acme.de']]).toMatchObject({ state: 'found', zone: { name: 'acme.de' } });
    expect(names[unknown]).toEqual({ state: 'missing' });
    expect(urls).toEqual([`/client/v4/zones?account.id=${ACCOUNT}&page=1&per_page=${ZONE_PAGE_SIZE}&order=name&direction=asc`]);

    const again = await resolveZones(qc, ACCOUNT, [ACME_ZONES['acme.io'], unknown]);
    expect(again[ACME_ZONES['acme.io']]).toMatchObject({ state: 'found', zone: { name: 'acme.io' } });
    expect(urls).toHaveLength(1);
  });
});

describe('resolveZones (2,000 more zones)', () => {
  let sandbox: Sandbox;
  let byName: Array<{ id: string; name: string }>;
  beforeAll(() => {
    sandbox = createTestSandbox('large');
    byName = sandbox.db.prepare('SELECT id, name FROM zones WHERE account_id = ? ORDER BY name, id').all(ACCOUNT) as typeof byName;
  }, 30_000);

  it('reads pages only until every wanted zone is found', async () => {
    const urls = routeFetchTo(sandbox);
    const qc = new QueryClient();
    const onFirst = byName[3]!;
    const onThird = byName[2 * ZONE_PAGE_SIZE + 7]!;
    const names = await resolveZones(qc, ACCOUNT, [onThird.id, onFirst.id]);
    expect(names[onFirst.id]).toMatchObject({ state: 'found', zone: { name: onFirst.name } });
    expect(names[onThird.id]).toMatchObject({ state: 'found', zone: { name: onThird.name } });
    expect(urls.map((u) => new URL(u, 'http://x').searchParams.get('page'))).toEqual(['1', '2', '3']);
  });

  it('walks every page once for a zone the account does not have, then never again', async () => {
    const urls = routeFetchTo(sandbox);
    const qc = new QueryClient();
    const names = await resolveZones(qc, ACCOUNT, ['0'.repeat(32)]);
    expect(names['0'.repeat(32)]).toEqual({ state: 'missing' });
    expect(urls).toHaveLength(Math.ceil(byName.length / ZONE_PAGE_SIZE));
    const last = byName.at(-1)!;
    expect((await resolveZones(qc, ACCOUNT, [last.id, '0'.repeat(32)]))[last.id]).toMatchObject({ state: 'found' });
    expect(urls).toHaveLength(Math.ceil(byName.length / ZONE_PAGE_SIZE));
  });

  it('names a zone found by a search without walking the pages', async () => {
    const urls = routeFetchTo(sandbox);
    const qc = new QueryClient();
    const last = byName.at(-1)!;
    const found = await qc.fetchQuery(zoneSearchQuery(ACCOUNT, last.name));
    expect(found.zones.map((z) => z.id)).toContain(last.id);
    expect(urls[0]).toContain(`name=contains%3A${encodeURIComponent(last.name)}`);
    expect((await resolveZones(qc, ACCOUNT, [last.id]))[last.id]).toMatchObject({ state: 'found', zone: { name: last.name } });
    expect(urls).toHaveLength(1);
  });
});
