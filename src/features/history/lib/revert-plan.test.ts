import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '@/api/history/schema';
import { planRevert } from './revert-plan';

function entry(over: Partial<HistoryEntry>): HistoryEntry {
  return {
    id: 'e1', at: '2026-12-01T09:00:00.000Z', source: 'console', actor: { id: null, label: 'ana@x.io' }, action: 'update',
    resource: { type: 'user_group', id: 'g1', name: 'Ops' }, request: null, result: { status: 200, success: true, errors: null },
    before: null, after: null, reverts: null, ...over,
  };
}
const policy = (pg: string) => ({ id: `p-${pg}`, access: 'allow', permission_groups: [{ id: pg, name: pg }], resource_groups: [{ id: 'rg' }] });

describe('planRevert', () => {
  it('restores the previous policies (and name) of a group', () => {
    const plan = planRevert(entry({ before: { name: 'Ops', policies: [policy('a')] }, after: { name: 'Operations', policies: [policy('b')] } }));
    expect(plan).toMatchObject({ kind: 'policies', groupId: 'g1', rename: 'Ops', policies: [{ id: 'p-a', permission_groups: [{ id: 'a' }] }] });
  });

  it('renames back when only the name changed', () => {
    expect(planRevert(entry({ before: { name: 'Ops', policies: [] }, after: { name: 'Operations', policies: [] } }))).toEqual({ kind: 'rename', groupId: 'g1', from: 'Operations', to: 'Ops' });
  });

  it('inverts a membership change: removes who was added, adds back who was removed', () => {
    const plan = planRevert(entry({ resource: { type: 'user_group_members', id: 'g1', name: 'Ops' }, action: 'replace_members', before: [{ id: 'm1', email: 'a@x' }, { id: 'm2' }], after: [{ id: 'm2' }, { id: 'm3', email: 'c@x' }] }));
    expect(plan).toEqual({ kind: 'members', groupId: 'g1', add: [{ id: 'm1', email: 'a@x' }], remove: [{ id: 'm3', email: 'c@x' }] });
  });

  it('re-creates a deleted group with its policies and members', () => {
    const plan = planRevert(entry({ action: 'delete', before: { name: 'Ops', policies: [policy('a')], members: [{ id: 'm1', email: 'a@x' }] } }));
    expect(plan).toMatchObject({ kind: 'recreate-group', group: { name: 'Ops', members: [{ id: 'm1' }], policies: [{ access: 'allow' }] } });
  });

  it('says plainly what cannot be reverted', () => {
    expect(planRevert(entry({ resource: { type: 'oauth_client', id: 'c', name: 'Bot' }, action: 'rotate_secret' }))).toMatchObject({ kind: 'none', reason: expect.stringMatching(/shown only once/) });
    expect(planRevert(entry({ resource: { type: 'sso_connector', id: 's', name: 'acme.com' }, action: 'begin_verification' }))).toMatchObject({ kind: 'none', reason: expect.stringMatching(/verification cannot be undone/) });
    expect(planRevert(entry({ result: { status: 400, success: false, errors: [] } }))).toMatchObject({ kind: 'none', reason: expect.stringMatching(/refused/) });
  });
});
