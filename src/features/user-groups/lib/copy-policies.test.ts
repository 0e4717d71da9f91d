import { describe, expect, it } from 'vitest';
import { policiesAsInput } from './copy-policies';

describe('policiesAsInput', () => {
  it('keeps access and the ids, drops the source policy id and the expanded objects', () => {
    const input = policiesAsInput([
      {
        id: 'f267e341f3dd4697bd3b9f71dd96247f',
        access: 'deny',
        permission_groups: [{ id: 'pg1', name: 'Zone Read', meta: { key: 'k', value: 'v' } }],
        resource_groups: [{ id: 'rg1', name: 'rg', scope: [{ key: 'com.cloudflare.api.account.x', objects: [{ key: '*' }] }] }],
      },
    ]);
    expect(input).toEqual([{ access: 'deny', permission_groups: [{ id: 'pg1' }], resource_groups: [{ id: 'rg1' }] }]);
  });

  it('skips policies the API answered without access or references; none in, none out', () => {
    expect(policiesAsInput([{ id: 'p', permission_groups: [], resource_groups: [] }, { access: 'allow' }])).toEqual([]);
    expect(policiesAsInput(undefined)).toEqual([]);
  });
});
