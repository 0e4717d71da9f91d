import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { allow, deny, group, member, snapshotOf } from '../test-fixtures';

const kinds = (s: Parameters<typeof analyze>[0], kind: string) => analyze(s).filter((f) => f.kind === kind);

describe('admin grants', () => {
  it('names the groups and counts the people holding super administrator account-wide', () => {
    const s = snapshotOf({
      userGroups: [group('g-break', [allow(['superAdmin'], ['all'])], 'Break-glass'), group('g-ops', [allow(['dns'], ['all'])])],
      members: [member('m1', 'a@acme.com'), member('m2', 'b@acme.com'), member('m3', 'c@acme.com')],
      members_of: { 'g-break': ['m1', 'm2'], 'g-ops': ['m3'] },
    });
    const [finding] = kinds(s, 'admin-grant');
    expect(finding?.severity).toBe('warning');
    expect(finding?.title).toBe('Super Administrator - All Privileges: 2 people through 1 group');
    expect(finding?.affected.filter((o) => o.kind === 'member').map((o) => o.id)).toEqual(['m1', 'm2']);
    expect(finding?.fix.target).toEqual({ screen: 'group-members', groupId: 'g-break' });
  });

  it('does not count a member whose other group denies it (deny wins)', () => {
    const s = snapshotOf({
      userGroups: [group('g-admin', [allow(['admin'], ['all'])]), group('g-no', [deny(['admin'], ['all'])])],
      members: [member('m1', 'a@acme.com'), member('m2', 'b@acme.com')],
      members_of: { 'g-admin': ['m1', 'm2'], 'g-no': ['m2'] },
    });
    const [finding] = kinds(s, 'admin-grant');
    expect(finding?.severity).toBe('info');
    expect(finding?.affected.filter((o) => o.kind === 'member').map((o) => o.id)).toEqual(['m1']);
  });

  it('ignores an admin permission group given only on zones', () => {
    const s = snapshotOf({ userGroups: [group('g', [allow(['admin'], ['prod'])])], members: [member('m1', 'a@x.com')], members_of: { g: ['m1'] } });
    expect(kinds(s, 'admin-grant')).toEqual([]);
  });
});
