import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_RESOURCE, canMemberUse, whoCan } from './simulator';
import { ACCOUNT_KEY, PG, RG, allow, deny, group, member, snapshotOf, zoneId, zoneKeyOf } from './test-fixtures';

const base = () =>
  snapshotOf({
    userGroups: [
      group('g-ops', [allow(['dns'], ['all'])], 'Ops'),
      group('g-contract', [deny(['dns'], ['prod'])], 'Contractors'),
      group('g-zone3', [allow(['dns'], ['zone3'])], 'Zone three team'),
    ],
    members: [member('m-ann', 'ann@acme.com'), member('m-bob', 'bob@acme.com'), member('m-cy', 'cy@acme.com')],
    members_of: { 'g-ops': ['m-ann', 'm-bob'], 'g-contract': ['m-bob'], 'g-zone3': ['m-cy'] },
    resourceGroups: Object.values(RG),
    permissionGroups: Object.values(PG),
  });

describe('can a member use a permission group', () => {
  it('answers allowed with the deciding group and policy', () => {
    const answer = canMemberUse(base(), { memberId: 'm-ann', permissionGroupId: 'pg-dns', resource: zoneKeyOf('1') });
    expect(answer.outcome).toBe('allow');
    expect(answer.decidedBy.map((r) => `${r.policy.groupName} · Policy ${r.policy.position} via ${r.through.join()}`)).toEqual(['Ops · Policy 1 via Whole account']);
  });

  it('answers denied when another group denies it on that zone (deny wins), naming both', () => {
    const answer = canMemberUse(base(), { memberId: 'm-bob', permissionGroupId: 'pg-dns', resource: zoneKeyOf('1') });
    expect(answer.outcome).toBe('deny');
    expect(answer.decidedBy.map((r) => r.policy.groupName)).toEqual(['Contractors']);
    expect(answer.overridden.map((r) => r.policy.groupName)).toEqual(['Ops']);
    // The same person keeps it on a zone the deny does not reach, and on the account.
    expect(canMemberUse(base(), { memberId: 'm-bob', permissionGroupId: 'pg-dns', resource: zoneKeyOf('3') }).outcome).toBe('allow');
    expect(canMemberUse(base(), { memberId: 'm-bob', permissionGroupId: 'pg-dns', resource: ACCOUNT_RESOURCE }).outcome).toBe('allow');
  });

  it('answers not granted for a zone grant asked about the account', () => {
    const answer = canMemberUse(base(), { memberId: 'm-cy', permissionGroupId: 'pg-dns', resource: ACCOUNT_RESOURCE });
    expect(answer.outcome).toBe('none');
    expect(answer.groups.map((g) => g.name)).toEqual(['Zone three team']);
  });

  it('answers on a group’s unsaved draft instead of its saved policies', () => {
    const draft = { groupId: 'g-contract', policies: [{ access: 'deny' as const, permission_groups: [{ id: 'pg-dns' }], resource_groups: [{ id: 'rg-all' }] }] };
    expect(canMemberUse(base(), { memberId: 'm-bob', permissionGroupId: 'pg-dns', resource: zoneKeyOf('3') }, draft).outcome).toBe('deny');
    const inline = { groupId: 'g-zone3', policies: [{ access: 'allow' as const, permission_groups: [{ id: 'pg-fw' }], resource_groups: [{ scope: { key: zoneKeyOf('3'), objects: [{ key: '*' }] } }] }] };
    const answer = canMemberUse(base(), { memberId: 'm-cy', permissionGroupId: 'pg-fw', resource: zoneKeyOf('3') }, inline);
    expect(answer.outcome).toBe('allow');
    expect(canMemberUse(base(), { memberId: 'm-cy', permissionGroupId: 'pg-dns', resource: zoneKeyOf('3') }, inline).outcome).toBe('none');
  });
  it('names the anonymous group of an inline zone scope by the zone’s domain, not by the account key it carries', () => {
    // The API names the group an inline scope creates after its scope key: the account's.
    const adhoc = { id: 'rg-adhoc', name: ACCOUNT_KEY, scope: [{ key: ACCOUNT_KEY, objects: [{ key: zoneKeyOf('1') }] }] };
    const snapshot = { ...base(), userGroups: [...base().userGroups, group('g-io', [{ access: 'deny' as const, permission_groups: [PG.dns], resource_groups: [adhoc] }], 'IO')] };
    snapshot.memberships = [...snapshot.memberships!, { groupId: 'g-io', memberIds: ['m-ann'] }];
    const through = (s: typeof snapshot) => canMemberUse(s, { memberId: 'm-ann', permissionGroupId: 'pg-dns', resource: zoneKeyOf('1') }).decidedBy.flatMap((r) => r.through);
    expect(through({ ...snapshot, zones: [{ id: zoneId('1'), name: 'acme.io' }] })).toEqual(['acme.io']);
    // Zones unknown: the short id, never the account key; a zone the account lacks says so.
    expect(through(snapshot)).toEqual(['Zone 1111…1111']);
    expect(through({ ...snapshot, zones: [] })).toEqual(['Unknown zone 1111…1111']);
    // An inline scope in a draft reads the same way.
    const draft = { groupId: 'g-io', policies: [{ access: 'deny' as const, permission_groups: [{ id: 'pg-dns' }], resource_groups: [{ scope: { key: ACCOUNT_KEY, objects: [{ key: zoneKeyOf('1') }] } }] }] };
    const answer = canMemberUse({ ...snapshot, zones: [{ id: zoneId('1'), name: 'acme.io' }] }, { memberId: 'm-ann', permissionGroupId: 'pg-dns', resource: zoneKeyOf('1') }, draft);
    expect(answer.decidedBy.flatMap((r) => r.through)).toEqual(['acme.io']);
  });
});

describe('who can use a permission group', () => {
  it('lists the members allowed with their deciding path, and those a deny stops', () => {
    const answer = whoCan(base(), { permissionGroupId: 'pg-dns', resource: zoneKeyOf('1') });
    expect(answer.allowed.map((a) => [a.member.email, a.decidedBy.map((r) => r.policy.groupName)])).toEqual([['ann@acme.com', ['Ops']]]);
    expect(answer.denied.map((a) => a.member.email)).toEqual(['bob@acme.com']);
  });

  it('answers on a draft that adds a new grant', () => {
    const draft = { groupId: 'g-zone3', policies: [{ access: 'allow' as const, permission_groups: [{ id: 'pg-dns' }], resource_groups: [{ id: 'rg-prod' }] }] };
    expect(whoCan(base(), { permissionGroupId: 'pg-dns', resource: zoneKeyOf('1') }, draft).allowed.map((a) => a.member.email)).toEqual(['ann@acme.com', 'cy@acme.com']);
  });

  it('agrees with the per-member question for every member (property)', () => {
    const zoneArb = fc.constantFrom(ACCOUNT_RESOURCE, zoneKeyOf('1'), zoneKeyOf('2'), zoneKeyOf('3'), zoneKeyOf('9'));
    fc.assert(
      fc.property(fc.constantFrom('pg-dns', 'pg-fw'), zoneArb, fc.subarray(['m-ann', 'm-bob', 'm-cy']), (pg, resource, contractors) => {
        const s = { ...base(), memberships: [...(base().memberships ?? []).filter((m) => m.groupId !== 'g-contract'), { groupId: 'g-contract', memberIds: contractors }] };
        const allowed = new Set(whoCan(s, { permissionGroupId: pg, resource }).allowed.map((a) => a.member.id));
        for (const id of ['m-ann', 'm-bob', 'm-cy']) {
          expect(allowed.has(id)).toBe(canMemberUse(s, { memberId: id, permissionGroupId: pg, resource }).outcome === 'allow');
        }
      }),
    );
  });
});
