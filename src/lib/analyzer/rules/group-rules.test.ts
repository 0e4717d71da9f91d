import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { allow, deny, group, member, snapshotOf } from '../test-fixtures';

const ids = (s: Parameters<typeof analyze>[0], kind: string) => analyze(s).filter((f) => f.kind === kind).map((f) => f.id);

describe('group hygiene', () => {
  it('reports a group that grants access but has no members, not one that only denies', () => {
    const s = snapshotOf({ userGroups: [group('g-grant', [allow(['dns'], ['prod'])]), group('g-deny', [deny(['dns'], ['prod'])])] });
    expect(ids(s, 'group-without-members')).toEqual(['group-without-members:g-grant']);
  });

  it('reports a group with members and no policies', () => {
    const s = snapshotOf({
      userGroups: [group('g-empty', []), group('g-full', [allow(['dns'], ['prod'])])],
      members: [member('m1', 'a@x.com')],
      members_of: { 'g-empty': ['m1'], 'g-full': ['m1'] },
    });
    expect(ids(s, 'group-without-policies')).toEqual(['group-without-policies:g-empty']);
    expect(ids(s, 'group-without-members')).toEqual([]);
  });

  it('says nothing about members when memberships are unknown', () => {
    const s = { ...snapshotOf({ userGroups: [group('g', [allow(['dns'], ['prod'])]), group('e', [])] }), memberships: null };
    expect(analyze(s).map((f) => f.kind)).toEqual([]);
  });

  it('ignores memberships of groups that no longer exist', () => {
    const s = snapshotOf({ userGroups: [group('g', [allow(['dns'], ['prod'])])], members_of: { gone: ['m1'] } });
    expect(ids(s, 'group-without-members')).toEqual(['group-without-members:g']);
  });

  it('lists pending members who hold access through a group, in one finding', () => {
    const s = snapshotOf({
      userGroups: [group('g-grant', [allow(['dns'], ['prod'])]), group('g-none', [])],
      members: [member('m1', 'a@x.com', 'pending'), member('m2', 'b@x.com', 'pending'), member('m3', 'c@x.com')],
      members_of: { 'g-grant': ['m1', 'm3'], 'g-none': ['m2'] },
    });
    const found = analyze(s).filter((f) => f.kind === 'pending-member-with-access');
    expect(found).toHaveLength(1);
    expect(found[0]!.affected.map((o) => `${o.kind}:${o.id}`)).toEqual(['member:m1', 'user-group:g-grant']);
    expect(found[0]!.fix.target).toEqual({ screen: 'member', memberId: 'm1' });
  });
});
