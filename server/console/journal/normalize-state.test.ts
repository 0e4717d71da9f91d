import { describe, expect, it } from 'vitest';
import { normalizeState } from './normalize-state.ts';

const SCOPE = { key: 'com.cloudflare.api.account.eb78d65290b24279ba6f44721b3ea3c4', objects: [{ key: '*' }] };

describe('journal states in the internal model', () => {
  it('records today\'s and the 2024 resource group alike', () => {
    const today = normalizeState('resource_group', { id: 'r', name: 'All', scope: SCOPE, meta: { editable: 'false' }, status: 'V' });
    const old = normalizeState('resource_group', { id: 'r', name: 'All', scope: [SCOPE], meta: { editable: 'false' } });
    expect(today).toEqual({ id: 'r', name: 'All', scope: [SCOPE], meta: { editable: false } });
    expect(old).toEqual(today);
  });

  it('keeps a deleted group\'s members, reads `null` members as none, and keeps what does not parse', () => {
    const group = { id: 'g', name: 'G', created_on: 'a', modified_on: 'b', policies: [{ access: 'allow', resource_groups: [{ id: 'r', scope: SCOPE }] }] };
    const kept = normalizeState('user_group', { ...group, members: [{ id: 'm', email: 'a@x.io' }] }) as { members: unknown; policies: Array<{ resource_groups: Array<{ scope: unknown }> }> };
    expect(kept.members).toEqual([{ id: 'm', email: 'a@x.io' }]);
    expect(kept.policies[0]!.resource_groups[0]!.scope).toEqual([SCOPE]);
    expect(normalizeState('user_group_members', null)).toBeNull();
    expect(normalizeState('resource_group', { no: 'id' })).toEqual({ no: 'id' });
    expect(normalizeState('oauth_client', { client_id: 'c', extra: 1 })).toEqual({ client_id: 'c', extra: 1 });
  });
});
