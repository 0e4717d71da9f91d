import { describe, expect, it } from 'vitest';
import {
  countPolicies,
  policiesUsingPermissionGroup,
  policiesUsingResourceGroup,
  policyRemovedWith,
  type GroupWithPolicies,
} from './policy-references';

const groups: GroupWithPolicies[] = [
  {
    id: 'g2',
    name: 'zeta ops',
    policies: [
      { id: 'p1', access: 'allow', permission_groups: [{ id: 'pgA', name: 'Zone Read' }], resource_groups: [{ id: 'rg1' }, { id: 'rg2' }] },
      { id: 'p2', access: 'deny', permission_groups: [{ id: 'pgB' }], resource_groups: [{ id: 'rg1' }] },
    ],
  },
  { id: 'g1', name: 'Alpha admins', policies: [{ id: 'p3', permission_groups: [{ id: 'pgA' }], resource_groups: [{ id: 'rg2' }] }] },
  { id: 'g3', name: 'no policies' },
];

describe('policies using a permission group', () => {
  it('lists each user group once with only the policies that use it, sorted by name ignoring case', () => {
    const refs = policiesUsingPermissionGroup(groups, 'pgA');
    expect(refs.map((r) => r.group.name)).toEqual(['Alpha admins', 'zeta ops']);
    expect(refs[1]?.policies.map((p) => p.id)).toEqual(['p1']);
    expect(refs[0]?.policies[0]?.access).toBe('allow'); // absent access reads as allow
    expect(countPolicies(refs)).toBe(2);
  });

  it('is empty when nothing uses it', () => {
    expect(policiesUsingPermissionGroup(groups, 'nope')).toEqual([]);
    expect(policiesUsingPermissionGroup([], 'pgA')).toEqual([]);
  });
});

describe('policies using a resource group', () => {
  it('finds every policy naming the resource group', () => {
    const refs = policiesUsingResourceGroup(groups, 'rg1');
    expect(refs).toHaveLength(1);
    expect(refs[0]?.policies.map((p) => [p.id, p.access])).toEqual([
      ['p1', 'allow'],
      ['p2', 'deny'],
    ]);
  });

  it('tells which policies the API removes because the group was their only resource group', () => {
    const [ref] = policiesUsingResourceGroup(groups, 'rg1');
    expect(ref?.policies.map((p) => policyRemovedWith(p, 'rg1'))).toEqual([false, true]);
  });
});
