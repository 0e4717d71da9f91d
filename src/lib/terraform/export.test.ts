import { describe, expect, it } from 'vitest';
import { buildExport, PROVIDER_MEMBER_PAGE, type ExportSource } from './export';
import { writeHcl } from './hcl-writer';

const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
const policy = (rg: string) => ({ access: 'allow' as const, permission_groups: [{ id: 'pg1' }], resource_groups: [{ id: rg }] });

function source(overrides: Partial<ExportSource> = {}): ExportSource {
  return {
    accountId: ACCOUNT,
    groups: [
      { id: 'g1', name: 'Named scope', policies: [policy('rg-named')] },
      { id: 'g2', name: 'Inline scope', policies: [policy('rg-adhoc')] },
      { id: 'g3', name: 'SCIM', policies: [] },
      { id: 'g4', name: 'Empty', policies: [] },
    ],
    memberships: new Map([
      ['g1', ['m1']],
      ['g2', ['m1']],
      ['g3', ['m1']],
    ]),
    members: [{ id: 'm1', email: 'ann@x.io', status: 'accepted' }],
    exportMembers: false,
    ssoConnectors: null,
    oauthClients: null,
    resourceGroups: [
      { id: 'rg-named', name: 'All zones' },
      { id: 'rg-adhoc', adhoc: true },
    ],
    permissionGroups: [{ id: 'pg1', name: 'DNS Read' }],
    scimManaged: new Set(['g3']),
    listResourceGroups: false,
    ...overrides,
  };
}

describe('export', () => {
  it('lists what the provider cannot express, with the reason, instead of dropping it', () => {
    const result = buildExport(source());
    expect(result.resources.map((r) => `${r.type}.${r.resourceName}`)).toEqual([
      'cloudflare_user_group.named_scope',
      'cloudflare_user_group_members.named_scope',
      // The inline-scope group is not written, its members still are (they refer to it by id).
      'cloudflare_user_group_members.inline_scope',
      'cloudflare_user_group.empty',
    ]);
    expect(result.skipped.map((s) => [s.what, s.kind])).toEqual([
      ['User group Inline scope', 'inline-scope'],
      ['User group SCIM', 'scim-managed'],
      ['Members of Empty', 'empty-members'],
    ]);
    const hcl = writeHcl(result, 'test');
    expect(hcl).toContain('user_group_id = cloudflare_user_group.named_scope.id');
    expect(hcl).toContain('user_group_id = "g2" # Inline scope');
    expect(hcl).toMatch(/# {3}User group Inline scope: .*#7096.* Instead: Create a named resource group/);
  });

  it('says when memberships are unknown rather than exporting empty member lists', () => {
    const result = buildExport(source({ memberships: null, membershipsUnknownReason: 'The index is building.' }));
    expect(result.resources.some((r) => r.type === 'cloudflare_user_group_members')).toBe(false);
    expect(result.skipped.find((s) => s.kind === 'memberships-unknown')).toMatchObject({ reason: 'The index is building.' });
  });

  it('flags a group over one page of members, exported exactly', () => {
    const many = Array.from({ length: PROVIDER_MEMBER_PAGE + 1 }, (_, i) => `m${i}`);
    const result = buildExport(source({ memberships: new Map([['g1', many]]) }));
    const members = result.resources.find((r) => r.type === 'cloudflare_user_group_members');
    expect(members && members.type === 'cloudflare_user_group_members' && members.members).toEqual(many);
    expect(result.notes).toEqual([{ address: 'cloudflare_user_group_members.named_scope', note: expect.stringMatching(/^101 members/) }]);
  });
});
