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

  it('lists the allowed values of a bad enum, the expected type and the allowed fields', () => {
    const lint = lintRequestBody(body({ access: 'alow', permission_groups: 'dns', resource_groups: [], colour: 1 }), [], known);
    expect(lint.state).toBe('invalid');
    const messages = lint.state === 'invalid' ? Object.fromEntries(lint.problems.map((p) => [p.pointer, p.message])) : {};
    expect(messages['/policies/0/access']).toBe('must be one of "allow", "deny" (got "alow")');
    expect(messages['/policies/0/permission_groups']).toBe('must be an array (got "dns")');
    expect(messages['/policies/0']).toBe('unknown field "colour"; allowed: id, access, permission_groups, resource_groups');
  });
});
