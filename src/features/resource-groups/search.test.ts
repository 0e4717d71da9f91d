import { describe, expect, it } from 'vitest';
import type { ResourceGroup } from '@/api/resource-groups/schema';
import { searchResourceGroups } from './search';

const ACCOUNT = 'eb78d65290b24279ba6f44721b3ea3c4';
const ACCOUNT_KEY = `com.cloudflare.api.account.${ACCOUNT}`;
const ZONE = '23f8d65290b24279ba6f44721b3eaad5';

const groups: ResourceGroup[] = [
  { id: '1'.repeat(32), name: 'Production zones', scope: [{ key: ACCOUNT_KEY, objects: [{ key: `com.cloudflare.api.account.zone.${ZONE}` }] }] },
  { id: '2'.repeat(32), name: 'Everything', scope: [{ key: ACCOUNT_KEY, objects: [{ key: '*' }] }] },
  { id: '3'.repeat(32), name: ACCOUNT_KEY, meta: { key: 'adhoc', value: 'true' }, scope: [{ key: ACCOUNT_KEY, objects: [{ key: '*' }] }] },
];
const names = { accountId: ACCOUNT, accountName: 'Acme Corp' };
const ids = (list: ResourceGroup[]) => list.map((g) => g.id[0]);

describe('searching resource groups', () => {
  it('returns all for an empty query', () => {
    expect(searchResourceGroups(groups, '', names)).toBe(groups);
    expect(searchResourceGroups(groups, '   ', names)).toBe(groups);
    expect(searchResourceGroups(groups, undefined, names)).toBe(groups);
  });

  it('matches names ignoring case', () => {
    expect(ids(searchResourceGroups(groups, 'PRODUCTION', names))).toEqual(['1']);
  });

  it('matches scope keys, full or in part, and their readable form', () => {
    expect(ids(searchResourceGroups(groups, ZONE, names))).toEqual(['1']);
    expect(ids(searchResourceGroups(groups, 'zone 23f8', names))).toEqual(['1']);
    expect(ids(searchResourceGroups(groups, 'com.cloudflare.api.account.zone', names))).toEqual(['1']);
    expect(ids(searchResourceGroups(groups, 'whole account acme', names))).toEqual(['2', '3']);
  });

  it('needs every word to match', () => {
    expect(ids(searchResourceGroups(groups, 'production everything', names))).toEqual([]);
    expect(ids(searchResourceGroups(groups, 'everything whole', names))).toEqual(['2']);
  });

  it('matches ids', () => {
    expect(ids(searchResourceGroups(groups, '3333', names))).toEqual(['3']);
  });
});
