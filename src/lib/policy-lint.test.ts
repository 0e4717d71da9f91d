import { describe, expect, it } from 'vitest';
import { lintRequestBody, type KnownIds } from './policy-lint';

const known: KnownIds = {
  permissionGroups: new Map([['pg-dns', 'DNS']]),
  resourceGroups: new Map([['rg-prod', 'Production zones']]),
  policies: new Map([['pol-1', 'Policy 1']]),
};
const body = (policy: Record<string, unknown>) => JSON.stringify({ policies: [policy] });

describe('JSON view lint', () => {
  it('marks an unknown permission group as an error instead of "valid"', () => {
    const lint = lintRequestBody(body({ access: 'allow', permission_groups: [{ id: 'pg-nope' }], resource_groups: [{ id: 'rg-prod' }] }), [], known);
    expect(lint.state).toBe('unknown-ids');
    expect(lint.state !== 'valid' && lint.problems).toEqual([
      { pointer: '/policies/0/permission_groups/0/id', message: expect.stringContaining('unknown permission group "pg-nope"') },
    ]);
  });

  it('marks unknown resource groups and policy ids too', () => {
    const lint = lintRequestBody(body({ id: 'pol-x', access: 'allow', permission_groups: [{ id: 'pg-dns' }], resource_groups: [{ id: 'rg-x' }] }), [], known);
    expect(lint.state !== 'valid' && lint.problems.map((p) => p.pointer)).toEqual(['/policies/0/id', '/policies/0/resource_groups/0/id']);
  });

  it('names every id it knows', () => {
    const lint = lintRequestBody(body({ id: 'pol-1', access: 'deny', permission_groups: [{ id: 'pg-dns' }], resource_groups: [{ id: 'rg-prod' }] }), [], known);
    expect(lint.state).toBe('valid');
    expect(lint.state === 'valid' && lint.names.map((n) => `${n.kind} ${n.id} = ${n.name}`)).toEqual([
      'policy pol-1 = Policy 1',
      'permission group pg-dns = DNS',
      'resource group rg-prod = Production zones',
    ]);
  });

  it('names each id once, and says what an inline scope’s keys are: the account, zones by domain', () => {
    const account = `com.cloudflare.api.account.${'a'.repeat(32)}`;
    const zone = (c: string) => `com.cloudflare.api.account.zone.${c.repeat(32)}`;
    const keyNames = {
      accountId: 'a'.repeat(32),
      accountName: 'Acme Corp',
      zone: (id: string) => (id === '1'.repeat(32) ? { state: 'found' as const, name: 'acme.io' } : { state: 'missing' as const }),
    };
    const inline = { scope: { key: account, objects: [{ key: zone('1') }, { key: zone('2') }] } };
    const text = JSON.stringify({
      policies: [
        { access: 'allow', permission_groups: [{ id: 'pg-dns' }], resource_groups: [{ id: 'rg-prod' }] },
        { access: 'deny', permission_groups: [{ id: 'pg-dns' }], resource_groups: [{ id: 'rg-prod' }, inline] },
        { access: 'deny', permission_groups: [{ id: 'pg-dns' }], resource_groups: [inline] },
      ],
    });
    const lint = lintRequestBody(text, [], { ...known, keyNames });
    expect(lint.state !== 'invalid' && lint.names.map((n) => `${n.kind} ${n.id} = ${n.name}`)).toEqual([
      'permission group pg-dns = DNS',
      'resource group rg-prod = Production zones',
      `account ${account} = Acme Corp (this account)`,
      `zone ${zone('1')} = acme.io`,
      `zone ${zone('2')} = (this account has no such zone)`,
    ]);
  });

  it('lists the allowed values of a bad enum, the expected type and the allowed fields', () => {
    const lint = lintRequestBody(body({ access: 'alow', permission_groups: 'dns', resource_groups: [], colour: 1 }), [], known);
    expect(lint.state).toBe('invalid');
    const messages = lint.state === 'invalid' ? Object.fromEntries(lint.problems.map((p) => [p.pointer, p.message])) : {};
    expect(messages['/policies/0/access']).toBe('must be one of "allow", "deny" (got "alow")');
    expect(messages['/policies/0/permission_groups']).toBe('must be an array (got "dns")');
    expect(messages['/policies/0']).toBe('unknown field "colour"; allowed: id, access, permission_groups, resource_groups');
  });
});

describe('JSON view lint: pairings the API refuses (code 1006)', () => {
  const ACCOUNT = `com.cloudflare.api.account.${'a'.repeat(32)}`;
  const ZONE = `com.cloudflare.api.account.zone.${'1'.repeat(32)}`;
  const withScopes: KnownIds = {
    permissionGroups: new Map([
      ['pg-dns', 'Zone DNS Edit'],
      ['pg-bill', 'Billing'],
    ]),
    resourceGroups: new Map([
      ['rg-all', 'All of Acme Corp'],
      ['rg-prod', 'Production zones'],
    ]),
    policies: new Map(),
    permissionGroupMeta: new Map([
      ['pg-dns', { label: 'dns_edit', scopes: 'com.cloudflare.api.account.zone' }],
      ['pg-bill', { label: 'billing', scopes: ['com.cloudflare.api.account'] }],
    ]),
    resourceGroupScopes: new Map([
      ['rg-all', [{ key: ACCOUNT, objects: [{ key: ACCOUNT }] }]],
      ['rg-prod', [{ key: ACCOUNT, objects: [{ key: ZONE }] }]],
    ]),
  };

  it('says, at the permission group, that a zone permission group on the whole account is refused', () => {
    const lint = lintRequestBody(body({ access: 'allow', permission_groups: [{ id: 'pg-bill' }, { id: 'pg-dns' }], resource_groups: [{ id: 'rg-all' }] }), [], withScopes);
    expect(lint.state).toBe('valid');
    expect(lint.state === 'valid' && lint.refusals).toEqual([
      {
        pointer: '/policies/0/permission_groups/1/id',
        message: 'the API refuses this pairing (code 1006): “Zone DNS Edit” acts on zones; “All of Acme Corp” is the whole account. Pair “Zone DNS Edit” with a resource group of zones, in a policy of its own.',
      },
    ]);
  });

  it('and the other way: an account permission group on zones, inline or by id', () => {
    const byId = lintRequestBody(body({ access: 'allow', permission_groups: [{ id: 'pg-bill' }], resource_groups: [{ id: 'rg-prod' }] }), [], withScopes);
    expect(byId.state === 'valid' && byId.refusals.map((r) => r.message)).toEqual([expect.stringContaining('“Billing” acts on the whole account; “Production zones” acts on zones.')]);
    const inline = lintRequestBody(body({ access: 'allow', permission_groups: [{ id: 'pg-bill' }], resource_groups: [{ scope: { key: ZONE, objects: [{ key: '*' }] } }] }), [], withScopes);
    expect(inline.state === 'valid' && inline.refusals.map((r) => r.pointer)).toEqual(['/policies/0/permission_groups/0/id']);
    const fine = lintRequestBody(body({ access: 'allow', permission_groups: [{ id: 'pg-dns' }], resource_groups: [{ id: 'rg-prod' }] }), [], withScopes);
    expect(fine.state === 'valid' && fine.refusals).toEqual([]);
  });
});
