import { describe, expect, it } from 'vitest';
import { computeEffectiveAccess, groupAccessPolicies, memberAccessPolicies, withAdminExpanded, cellOf, ACCOUNT_COLUMN } from '../effective-access';
import { analyze } from './analyze';
import { ACCOUNT_RESOURCE, canMemberUse, whoCan } from './simulator';
import { superAdministrators } from './super-admins';
import { ACCOUNT_KEY, PG, RG, allow, deny, group, member, snapshotOf, zoneKeyOf } from './test-fixtures';
import type { SnapshotMember } from './snapshot';

/**
 * Decision 7 / issue 24 item 5: Super Administrator and Administrator reach people through group
 * policies, through member policies and through legacy roles, and they include other permission
 * groups. The seed's shape: the owner sits in "Break-glass Admins" (Super Administrator on the
 * account), "Platform Engineering" holds Administrator with a deny of Billing, a small team has
 * Cache Purge on one zone.
 */
const seedLike = (extraMembers: SnapshotMember[] = []) =>
  snapshotOf({
    userGroups: [
      group('g-break', [allow(['superAdmin'], ['all'])], 'Break-glass Admins'),
      group('g-platform', [allow(['admin'], ['all']), deny(['billing'], ['all'])], 'Platform Engineering'),
      group('g-cache', [allow(['cachePurge'], ['zone1'])], 'Status Page Maintainers'),
      group('g-nocache', [deny(['cachePurge'], ['zone1'])], 'Contractors'),
    ],
    members: [
      member('m-jordan', 'jordan.alvarez@acme.com'),
      member('m-ana', 'ana@acme.com'),
      member('m-ben', 'ben@acme.com'),
      member('m-cy', 'cy@acme.com'),
      member('m-dee', 'dee@acme.com'),
      ...extraMembers,
    ],
    members_of: { 'g-break': ['m-jordan', 'm-ana'], 'g-platform': ['m-ben', 'm-dee'], 'g-cache': ['m-cy'], 'g-nocache': ['m-dee'] },
    resourceGroups: Object.values(RG),
    permissionGroups: Object.values(PG),
  });

const wholeAccount = { id: 'rg-all', name: 'Whole account', scope: [{ key: ACCOUNT_KEY, objects: [{ key: ACCOUNT_KEY }] }] };

describe('admin permission groups include the others (simulator)', () => {
  it('can jordan use Cache Purge on the whole account: allowed, as Super Administrator through Break-glass Admins', () => {
    const answer = canMemberUse(seedLike(), { memberId: 'm-jordan', permissionGroupId: PG.cachePurge.id, resource: ACCOUNT_RESOURCE });
    expect(answer.outcome).toBe('allow');
    expect(answer.decidedBy.map((r) => [r.policy.groupName, r.implied?.name])).toEqual([['Break-glass Admins', 'Super Administrator - All Privileges']]);
  });

  it('who can use Cache Purge on a zone: the zone team and every admin holder, minus whom a deny of Cache Purge stops', () => {
    const answer = whoCan(seedLike(), { permissionGroupId: PG.cachePurge.id, resource: zoneKeyOf('1') });
    expect(answer.allowed.map((a) => a.member.id)).toEqual(['m-ana', 'm-ben', 'm-cy', 'm-jordan']);
    // Dee is an Administrator, but Contractors deny Cache Purge on that zone: the deny wins.
    expect(answer.denied.map((a) => a.member.id)).toEqual(['m-dee']);
    expect(answer.denied[0]!.overridden.map((r) => r.implied?.name)).toEqual(['Administrator']);
  });

  it('Administrator does not include Billing or Super Administrator; Super Administrator includes both', () => {
    const s = seedLike();
    expect(canMemberUse(s, { memberId: 'm-ben', permissionGroupId: PG.billing.id, resource: ACCOUNT_RESOURCE }).outcome).toBe('deny');
    expect(canMemberUse(s, { memberId: 'm-ben', permissionGroupId: PG.superAdmin.id, resource: ACCOUNT_RESOURCE }).outcome).toBe('none');
    expect(canMemberUse(s, { memberId: 'm-jordan', permissionGroupId: PG.billing.id, resource: ACCOUNT_RESOURCE }).outcome).toBe('allow');
    expect(canMemberUse(s, { memberId: 'm-jordan', permissionGroupId: PG.admin.id, resource: zoneKeyOf('2') }).outcome).toBe('allow');
  });

  it('an admin permission group known only by meta.label counts (today’s catalogue)', () => {
    const s = snapshotOf({
      userGroups: [group('g', [{ id: 'p', access: 'allow', permission_groups: [{ id: 'pg-x', name: 'Super Admin (renamed)', meta: { label: 'super_admin', scopes: 'com.cloudflare.api.account' } }], resource_groups: [wholeAccount] }])],
      members: [member('m1', 'a@acme.com')],
      members_of: { g: ['m1'] },
      permissionGroups: Object.values(PG),
    });
    expect(canMemberUse(s, { memberId: 'm1', permissionGroupId: PG.dns.id, resource: zoneKeyOf('4') }).outcome).toBe('allow');
  });
});

describe('admin access without roles or groups: member policies and legacy roles', () => {
  const viaPolicy: SnapshotMember = {
    ...member('m-pol', 'pat@partner.io'),
    policies: [{ id: 'mp-1', access: 'allow', permission_groups: [{ id: PG.admin.id, name: 'Administrator', meta: { label: 'admin' } }], resource_groups: [wholeAccount] }],
  };
  const viaRole: SnapshotMember = { ...member('m-role', 'rita@other.org'), roles: [{ id: 'role-super', name: 'Super Administrator - All Privileges' }] };

  it('can: a member in no group with an Administrator member policy may purge cache; a legacy Super Administrator role too', () => {
    const s = seedLike([viaPolicy, viaRole]);
    const byPolicy = canMemberUse(s, { memberId: 'm-pol', permissionGroupId: PG.cachePurge.id, resource: zoneKeyOf('3') });
    expect(byPolicy.outcome).toBe('allow');
    expect(byPolicy.decidedBy.map((r) => [r.policy.source, r.implied?.name])).toEqual([['member-policy', 'Administrator']]);
    const byRole = canMemberUse(s, { memberId: 'm-role', permissionGroupId: PG.cachePurge.id, resource: ACCOUNT_RESOURCE });
    expect(byRole.outcome).toBe('allow');
    expect(byRole.decidedBy[0]!.policy).toMatchObject({ source: 'role', groupName: 'Role Super Administrator - All Privileges' });
    // The answer names the member, never the grants they carry.
    expect(byRole.member).toEqual({ id: 'm-role', email: 'rita@other.org', status: 'accepted' });
  });

  it('who can: counts members holding admin directly, with no group', () => {
    const answer = whoCan(seedLike([viaPolicy, viaRole]), { permissionGroupId: PG.cachePurge.id, resource: zoneKeyOf('1') });
    expect(answer.allowed.map((a) => a.member.id)).toEqual(['m-ana', 'm-ben', 'm-cy', 'm-jordan', 'm-pol', 'm-role']);
  });

  it('findings: the admin-grant finding counts direct holders; no SSO lockout when a direct super administrator logs in elsewhere', () => {
    const s = { ...seedLike([viaRole]), ssoConnectors: [{ id: 'c', email_domain: 'acme.com', enabled: true, verification: { status: 'verified' as const } }] };
    const superGrant = analyze(s).find((f) => f.kind === 'admin-grant' && f.title.startsWith('Super Administrator'));
    expect(superGrant?.title).toBe('Super Administrator - All Privileges: 3 people through 1 group and 1 direct grant (role or member policy)');
    expect(analyze(s).filter((f) => f.kind === 'sso-lockout-risk')).toEqual([]);
    // Without Rita, every super administrator logs in through acme.com.
    const without = { ...seedLike(), ssoConnectors: s.ssoConnectors };
    expect(analyze(without).filter((f) => f.kind === 'sso-lockout-risk').map((f) => f.id)).toEqual(['sso-lockout-risk:c']);
  });

  it('an admin finding exists when only member policies give it, pointing at the member', () => {
    const s = snapshotOf({ members: [viaPolicy], permissionGroups: Object.values(PG) });
    const [finding] = analyze(s).filter((f) => f.kind === 'admin-grant');
    expect(finding?.title).toBe('Administrator: 1 person through 1 direct grant (role or member policy)');
    expect(finding?.fix.target).toEqual({ screen: 'member', memberId: 'm-pol' });
  });

  it('the SSO lockout check (SPA) counts a super administrator by member policy labelled super_admin', () => {
    const found = superAdministrators({
      accountMembers: [
        {
          id: 'm1',
          email: 'x@other.org',
          status: 'accepted',
          policies: [{ access: 'allow', permission_groups: [{ id: 'pg-9', name: 'All privileges', meta: { label: 'super_admin' } }], resource_groups: [wholeAccount] }],
        },
      ],
      groups: [],
    });
    expect(found.map((s) => [s.id, s.via])).toEqual([['m1', ['member policy']]]);
  });
});

describe('the Access matrix reads admin permission groups expanded', () => {
  it('a member’s matrix allows Cache Purge where Administrator is held, and keeps a deny of Cache Purge', () => {
    const s = seedLike();
    const policies = [...s.userGroups].filter((g) => ['g-platform', 'g-nocache', 'g-cache'].includes(g.id)).flatMap((g) => groupAccessPolicies(g, (rg) => rg.name ?? rg.id));
    const matrix = withAdminExpanded(computeEffectiveAccess(policies));
    expect(cellOf(matrix, PG.cachePurge.id, ACCOUNT_COLUMN).outcome).toBe('allow');
    expect(cellOf(matrix, PG.cachePurge.id, zoneKeyOf('1')).outcome).toBe('deny');
    expect(cellOf(matrix, PG.billing.id, ACCOUNT_COLUMN).outcome).toBe('deny');
  });

  it('a legacy role reads as the same-named permission group on the whole account', () => {
    const policies = memberAccessPolicies({ id: 'm', roles: [{ id: 'r', name: 'Administrator' }] }, { accountId: 'a'.repeat(32), labelOf: (rg) => rg.name ?? rg.id, permissionGroupIdOf: () => PG.admin.id });
    const matrix = computeEffectiveAccess(policies);
    expect(matrix.permissionGroups).toEqual([{ id: PG.admin.id, name: 'Administrator', admin: 'admin' }]);
    expect(cellOf(matrix, PG.admin.id, ACCOUNT_COLUMN).outcome).toBe('allow');
  });
});
