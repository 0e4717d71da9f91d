import { describe, expect, it } from 'vitest';
import { recreateRequest, revertedMembership } from './recreate-group';

describe('recreateRequest', () => {
  it('keeps policies and members, leaving out resource groups deleted since', () => {
    const request = recreateRequest(
      {
        name: 'Ops',
        policies: [
          { id: 'p1', access: 'allow', permission_groups: [{ id: 'pg1' }], resource_groups: [{ id: 'rg1' }, { id: 'gone', name: 'Old zones' }] },
          { id: 'p2', access: 'deny', permission_groups: [{ id: 'pg2' }], resource_groups: [{ id: 'gone', name: 'Old zones' }] },
        ],
        members: [{ id: 'm1', email: 'a@x' }],
      },
      new Set(['rg1']),
    );
    expect(request.policies).toEqual([{ access: 'allow', permission_groups: [{ id: 'pg1' }], resource_groups: [{ id: 'rg1' }] }]);
    expect(request.memberIds).toEqual(['m1']);
    expect(request.dropped).toEqual([
      'Policy 1: resource group “Old zones” no longer exists and is left out.',
      'Policy 2: resource group “Old zones” no longer exists and is left out.',
      'Policy 2 is not re-created: it would act on nothing.',
    ]);
  });
});

describe('revertedMembership', () => {
  it('undoes only this change and keeps later ones', () => {
    expect(revertedMembership(['a', 'b', 'later'], ['c'], ['b'])).toEqual(['a', 'later', 'c']);
  });
});
