import { describe, expect, it } from 'vitest';
import type { DraftPolicy } from './policy-draft';
import { placePolicyErrors } from './policy-errors';

const sent: DraftPolicy[] = [
  { key: 'first', access: 'allow', permissionGroups: ['dns'], resourceGroups: [{ id: 'rg-all' }] },
  {
    key: 'second',
    id: 'p2',
    access: 'allow',
    permissionGroups: ['zone', 'billing'],
    resourceGroups: [{ id: 'rg-prod' }, { scope: { key: 'k', objects: [{ key: 'bad' }] } }],
  },
];

describe('placing API errors on the policy and entry at fault', () => {
  it("puts a 1006 on the second policy's second permission group", () => {
    const placed = placePolicyErrors(
      [{ code: 1006, message: 'invalid permission group and resource group combination', pointer: '/policies/1/permission_groups/1/id' }],
      sent,
    );
    expect(placed.unplaced).toEqual([]);
    expect(placed.byPolicy).toEqual({
      second: {
        general: [],
        permissionGroups: { billing: 'invalid permission group and resource group combination (code 1006)' },
        resourceGroups: {},
      },
    });
  });

  it('puts resource group errors (by id or inside an inline scope) on that entry, list errors on the list', () => {
    const placed = placePolicyErrors(
      [
        { code: 1001, message: 'not found', pointer: '/policies/1/resource_groups/0/id' },
        { code: 1001, message: 'bad key', pointer: '/policies/1/resource_groups/1/scope/objects/0/key' },
        { code: 1001, message: 'must list at least one', pointer: '/policies/0/permission_groups' },
        { code: 1001, message: 'no such policy', pointer: '/policies/1/id' },
      ],
      sent,
    );
    expect(placed.byPolicy.second!.resourceGroups).toEqual({ 'id:rg-prod': 'not found (code 1001)', 'scope:k|bad': 'bad key (code 1001)' });
    expect(placed.byPolicy.second!.general).toEqual(['no such policy (code 1001)']);
    expect(placed.byPolicy.first!.permissionGroupsList).toBe('must list at least one (code 1001)');
  });

  it('sends what it cannot place to the banner', () => {
    const placed = placePolicyErrors(
      [
        { code: 10000, message: 'Authentication error' },
        { code: 1001, message: 'x', pointer: '/policies/7/access' },
        { code: 1001, message: 'y', pointer: '/name' },
      ],
      sent,
    );
    expect(placed.unplaced).toEqual(['Authentication error (code 10000)', 'x (code 1001)', 'y (code 1001)']);
  });
});
