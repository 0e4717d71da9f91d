import { describe, expect, it } from 'vitest';
import { normalizeLabel, permissionScopeOf } from './permission-scope';
import { actsOnZones, combinationWarnings, reachOf } from './resource-scope';

const ACCOUNT_KEY = `com.cloudflare.api.account.${'a'.repeat(32)}`;
const zone = (c: string) => `com.cloudflare.api.account.zone.${c.repeat(32)}`;

describe('what a permission group acts on (heuristic)', () => {
  it('knows the catalogue by name', () => {
    expect(permissionScopeOf({ name: 'Billing' })).toBe('account');
    expect(permissionScopeOf({ name: 'Workers Editor' })).toBe('account');
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
    expect(reachOf([{ key: ACCOUNT_KEY, objects: [{ key: '*' }] }])).toEqual({ accountWide: true, zones: [], other: [] });
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
    expect(warnings).toEqual([{ permissionGroupId: 'b', permissionGroupName: 'Billing', resourceGroupNames: ['Production'] }]);
    expect(combinationWarnings([{ id: 'b', name: 'Billing' }], [{ name: 'All', scope: [{ key: ACCOUNT_KEY, objects: [{ key: '*' }] }] }])).toEqual([]);
  });
});

describe('permissionScopeOf reads meta.scopes first (decision 3)', () => {
  it('trusts meta.scopes over the name heuristic, as a string or a list', () => {
    expect(permissionScopeOf({ name: 'Billing', meta: { scopes: ['com.cloudflare.api.account.zone'] } })).toBe('zone');
    expect(permissionScopeOf({ name: 'DNS', meta: { scopes: 'com.cloudflare.api.account' } })).toBe('account');
    expect(permissionScopeOf({ name: 'Both', meta: { scopes: ['com.cloudflare.api.account', 'com.cloudflare.api.account.zone'] } })).toBe('unknown');
  });

  it('falls back to the name and the label without meta.scopes', () => {
    expect(permissionScopeOf({ name: 'Something', meta: { label: 'dns' } })).toBe('zone');
    expect(permissionScopeOf({ meta: { key: 'label', value: 'billing' } })).toBe('account');
  });
});
