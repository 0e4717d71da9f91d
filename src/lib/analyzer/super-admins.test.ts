import { describe, expect, it } from 'vitest';
import { superAdminsOutside } from './admin-roles';
import { groupsNamingSuperAdmin, superAdministrators } from './super-admins';
import { RG, allow, deny, group, member } from './test-fixtures';

const SUPER = { id: 'pg-super', name: 'Super Administrator - All Privileges' };

describe('super administrators', () => {
  it('finds them by role, by member policy and through user groups, with how they hold it', () => {
    const breakGlass = group('g-break', [allow(['superAdmin'], ['all'])], 'Break-glass');
    const admins = superAdministrators({
      accountMembers: [
        {
          id: 'm-owner',
          email: 'owner@acme.com',
          status: 'accepted',
          roles: [{ name: SUPER.name }],
        },
        {
          id: 'm-pol',
          email: 'pol@partner.io',
          status: 'accepted',
          policies: [
            {
              access: 'allow',
              permission_groups: [SUPER],
              resource_groups: [RG.all],
            },
          ],
        },
        {
          id: 'm-zone',
          email: 'zone@partner.io',
          status: 'accepted',
          policies: [
            {
              access: 'allow',
              permission_groups: [SUPER],
              resource_groups: [RG.prod],
            },
          ],
        },
        {
          id: 'm-plain',
          email: 'plain@acme.com',
          status: 'accepted',
          roles: [{ name: 'Administrator' }],
        },
      ],
      groups: [
        {
          group: breakGlass,
          members: [member('m-owner', 'owner@acme.com'), member('m-bg', 'bg@acme.com', 'pending')],
        },
      ],
    });
    expect(admins.map((a) => [a.email, a.via])).toEqual([
      ['bg@acme.com', ['Break-glass']],
      ['owner@acme.com', ['role', 'Break-glass']],
      ['pol@partner.io', ['member policy']],
    ]);
    expect(superAdminsOutside(admins, 'acme.com').map((a) => a.email)).toEqual(['pol@partner.io']);
    // A pending outsider is no way in: they cannot sign in yet.
    expect(superAdminsOutside(admins, 'partner.io').map((a) => a.email)).toEqual(['owner@acme.com']);
    // An admin whose own domain already signs in through SSO fails with it: no way in either.
    expect(superAdminsOutside(admins, 'eu.example.com', ['acme.com']).map((a) => a.email)).toEqual(['pol@partner.io']);
    expect(superAdminsOutside(admins, 'eu.example.com', ['acme.com', 'partner.io'])).toEqual([]);
  });

  it('leaves out a group member whom another group denies it (deny wins)', () => {
    const grant = group('g-grant', [allow(['superAdmin'], ['all'])]);
    const block = group('g-block', [deny(['superAdmin'], ['all'])]);
    expect(groupsNamingSuperAdmin([grant, block, group('g-dns', [allow(['dns'], ['all'])])]).map((g) => g.id)).toEqual(['g-grant', 'g-block']);
    const admins = superAdministrators({
      accountMembers: [],
      groups: [
        {
          group: grant,
          members: [member('m1', 'a@x.com'), member('m2', 'b@x.com')],
        },
        { group: block, members: [member('m2', 'b@x.com')] },
      ],
    });
    expect(admins.map((a) => a.id)).toEqual(['m1']);
  });
});
