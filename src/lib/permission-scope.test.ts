import { describe, expect, it } from 'vitest';
import { normalizeLabel, permissionScopeOf, permissionScopeSource, scopesInWords } from './permission-scope';
import { actsOnZones, combinationWarnings, reachOf } from './resource-scope';

const ACCOUNT_KEY = `com.cloudflare.api.account.${'a'.repeat(32)}`;
const zone = (c: string) => `com.cloudflare.api.account.zone.${c.repeat(32)}`;

describe('what a permission group acts on (heuristic)', () => {
  it('knows the catalogue by name', () => {
    expect(permissionScopeOf({ name: 'Billing' })).toBe('account');
    expect(permissionScopeOf({ name: 'Workers Editor' })).toBe('worker'); // granted per Worker or account-wide
    expect(permissionScopeOf({ name: 'Workers KV Storage' })).toBe('account');
    expect(permissionScopeOf({ name: 'DNS' })).toBe('zone');
    expect(permissionScopeOf({ name: 'SSL/TLS, Caching, Performance, Page Rules, and Customization' })).toBe('zone');
  });

  it('knows it by the label in meta when the name is missing or reworded', () => {
    expect(permissionScopeOf({ meta: { key: 'label', value: 'audit_logs_viewer' } })).toBe('account');
    expect(permissionScopeOf({ name: 'Cache purge', meta: { key: 'other', value: 'billing' } })).toBe('zone');
  });

  it('falls back on name patterns, and admits what it does not know', () => {
    expect(permissionScopeOf({ name: 'Domain Something New' })).toBe('zone');
    expect(permissionScopeOf({ name: 'Zone Versioning' })).toBe('zone');
    expect(permissionScopeOf({ name: 'Billing Read' })).toBe('account');
    expect(permissionScopeOf({ name: 'Quantum Widgets' })).toBe('unknown');
    expect(permissionScopeOf({})).toBe('unknown');
  });

  it('normalizes names the way labels are written', () => {
    expect(normalizeLabel('Workers Platform (Read-only)')).toBe('workers_platform_read_only');
  });
});

describe('what a resource group reaches', () => {
  it('tells account-wide from zones, including inline zone scopes', () => {
    expect(reachOf([{ key: ACCOUNT_KEY, objects: [{ key: '*' }] }])).toEqual({ accountWide: true, zones: [], other: [], workers: [] });
    expect(reachOf([{ key: ACCOUNT_KEY, objects: [{ key: ACCOUNT_KEY }] }]).accountWide).toBe(true);
    expect(reachOf([{ key: ACCOUNT_KEY, objects: [{ key: zone('2') }, { key: zone('1') }] }]).zones).toEqual([zone('1'), zone('2')]);
    expect(reachOf([{ key: zone('3'), objects: [{ key: '*' }] }]).zones).toEqual([zone('3')]);
    expect(actsOnZones([{ key: ACCOUNT_KEY, objects: [{ key: '*' }] }])).toBe(false);
    expect(actsOnZones([{ key: zone('3'), objects: [{ key: '*' }] }])).toBe(true);
    expect(actsOnZones(undefined)).toBe(false);
  });

  it('warns about an account-level permission group next to a zone resource group (rule 1006)', () => {
    const warnings = combinationWarnings(
      [
        { id: 'b', name: 'Billing' },
        { id: 'd', name: 'DNS' },
      ],
      [
        { name: 'Whole account', scope: [{ key: ACCOUNT_KEY, objects: [{ key: '*' }] }] },
        { name: 'Production', scope: [{ key: ACCOUNT_KEY, objects: [{ key: zone('1') }] }] },
      ],
    );
    // Both directions: Billing on zones, and DNS (a zone permission group) on the whole account.
    expect(warnings.map((w) => [w.permissionGroupId, w.actsOn, w.resourceGroupNames, w.certain])).toEqual([
      ['b', 'account', ['Production'], false],
      ['d', 'zone', ['Whole account'], false],
    ]);
    expect(warnings[0]!.message).toBe('“Billing” acts on the whole account; “Production” acts on zones.');
    expect(combinationWarnings([{ id: 'b', name: 'Billing' }], [{ name: 'All', scope: [{ key: ACCOUNT_KEY, objects: [{ key: '*' }] }] }])).toEqual([]);
  });
});

describe('rule 1006 from meta.scopes (Decision 3)', () => {
  const allOfAcme = { name: 'All of Acme Corp', scope: [{ key: ACCOUNT_KEY, objects: [{ key: ACCOUNT_KEY }] }] };
  const production = { name: 'Production zones', scope: [{ key: ACCOUNT_KEY, objects: [{ key: zone('1') }, { key: zone('2') }] }] };

  it('reads meta.scopes as a string or an array, before any name', () => {
    expect(permissionScopeOf({ name: 'Zone DNS Edit', meta: { label: 'dns_edit', scopes: 'com.cloudflare.api.account.zone' } })).toBe('zone');
    expect(permissionScopeOf({ name: 'Quantum Widgets', meta: { label: 'qw', scopes: ['com.cloudflare.api.account'] } })).toBe('account');
    // meta.scopes wins over a name the heuristic would read the other way.
    expect(permissionScopeOf({ name: 'Billing', meta: { scopes: ['com.cloudflare.api.account.zone'] } })).toBe('zone');
    expect(permissionScopeSource({ name: 'DNS' })).toBe('name');
    expect(permissionScopeOf({ name: 'Workers Editor', meta: { label: 'workers_editor' } })).toBe('worker');
    expect(permissionScopeOf({ name: 'Workers Admin', meta: { scopes: ['com.cloudflare.api.account', 'com.cloudflare.api.account.worker'] } })).toBe('worker');
  });

  it('says in words that a zone permission group on the whole account is refused, and is certain of it', () => {
    const [w] = combinationWarnings([{ id: 'z', name: 'Zone DNS Edit', meta: { scopes: 'com.cloudflare.api.account.zone' } }], [allOfAcme]);
    expect(w).toMatchObject({ actsOn: 'zone', certain: true, message: '“Zone DNS Edit” acts on zones; “All of Acme Corp” is the whole account.' });
    expect(combinationWarnings([{ id: 'z', name: 'Zone DNS Edit', meta: { scopes: 'com.cloudflare.api.account.zone' } }], [production])).toEqual([]);
  });

  it('an account permission group on zones is refused; on the whole account it is fine', () => {
    const pg = { id: 'a', name: 'Quantum Widgets', meta: { scopes: ['com.cloudflare.api.account'] } };
    expect(combinationWarnings([pg], [production]).map((w) => w.message)).toEqual(['“Quantum Widgets” acts on the whole account; “Production zones” acts on zones.']);
    expect(combinationWarnings([pg], [allOfAcme])).toEqual([]);
  });

  it('reads a resource group scope answered as one object (today’s shape) without throwing', () => {
    const single = { key: ACCOUNT_KEY, objects: [{ key: zone('1') }] } as unknown as never[];
    expect(actsOnZones(single)).toBe(true);
    expect(reachOf(single).zones).toEqual([zone('1')]);
  });
});

describe('Workers as resources (TODAY.md row 27)', () => {
  const worker = (c: string) => `com.cloudflare.api.account.worker.${c.repeat(32)}`;
  const checkout = { name: 'Checkout Workers', scope: [{ key: ACCOUNT_KEY, objects: [{ key: worker('1') }, { key: worker('2') }] }] };
  const production = { name: 'Production zones', scope: [{ key: ACCOUNT_KEY, objects: [{ key: zone('1') }] }] };
  const all = { name: 'All of Acme Corp', scope: [{ key: ACCOUNT_KEY, objects: [{ key: '*' }] }] };
  const editor = { id: 'w', name: 'Workers Editor', meta: { scopes: ['com.cloudflare.api.account', 'com.cloudflare.api.account.worker'] } };

  it('reads a group of Workers as Workers, not zones', () => {
    expect(reachOf(checkout.scope).workers).toEqual([worker('1'), worker('2')]);
    expect(actsOnZones(checkout.scope)).toBe(false);
  });

  it('warns early about every pairing the API refuses with a Workers group, in words', () => {
    expect(combinationWarnings([{ id: 'a', name: 'Administrator', meta: { scopes: 'com.cloudflare.api.account' } }], [checkout]).map((w) => w.message)).toEqual([
      '“Administrator” acts on the whole account; “Checkout Workers” acts on Workers.',
    ]);
    expect(combinationWarnings([{ id: 'd', name: 'DNS', meta: { scopes: 'com.cloudflare.api.account.zone' } }], [checkout]).map((w) => w.message)).toEqual([
      '“DNS” acts on zones; “Checkout Workers” acts on Workers.',
    ]);
    const [w] = combinationWarnings([editor], [production]);
    expect(w).toMatchObject({ actsOn: 'worker', certain: true, message: '“Workers Editor” acts on Workers; “Production zones” acts on zones.' });
    expect(w!.fix).toBe('Pair “Workers Editor” with a resource group of Workers or the whole account, in a policy of its own.');
  });

  it('lets a Workers role go on Workers or on the whole account', () => {
    expect(combinationWarnings([editor], [checkout])).toEqual([]);
    expect(combinationWarnings([editor], [all])).toEqual([]);
  });
});

describe('"Acts on" in words', () => {
  it('turns each meta.scopes entry into a word, and keeps a scope it does not know as sent', () => {
    expect(scopesInWords({ scopes: 'com.cloudflare.api.account' })).toEqual(['Account']);
    expect(scopesInWords({ scopes: ['com.cloudflare.api.account.zone'] })).toEqual(['Zones']);
    expect(scopesInWords({ scopes: ['com.cloudflare.api.account', 'com.cloudflare.api.account.worker'] })).toEqual(['Account', 'Workers']);
    expect(scopesInWords({ scopes: ['com.cloudflare.api.account.access_app'] })).toEqual(['com.cloudflare.api.account.access_app']);
    expect(scopesInWords({ label: 'x' })).toEqual([]);
    expect(scopesInWords(undefined)).toEqual([]);
  });
});
