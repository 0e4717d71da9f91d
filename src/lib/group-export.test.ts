import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildGroupExport,
  canonicalJson,
  EXPORT_FORMAT,
  groupsToCreate,
  importedPolicies,
  parseGroupExport,
  planImport,
  zoneIdsInExport,
  type GroupExport,
} from './group-export';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const acct = (id: string) => `com.cloudflare.api.account.${id}`;
const zone = (c: string) => `com.cloudflare.api.account.zone.${c.repeat(32)}`;

const rgAll = { id: 'rg-all', name: 'Whole account', scope: [{ key: acct(A), objects: [{ key: '*' }] }] };
const rgProd = { id: 'rg-prod', name: 'Production', scope: [{ key: acct(A), objects: [{ key: zone('2') }, { key: zone('1') }] }] };
const rgAdhoc = { id: 'rg-x', name: zone('3'), meta: { key: 'adhoc', value: 'true' }, scope: [{ key: zone('3'), objects: [{ key: '*' }] }] };

const group = {
  name: 'Marketing Web',
  policies: [
    { id: 'p1', access: 'allow' as const, permission_groups: [{ id: 'pg-zone', name: 'Zone' }, { id: 'pg-dns', name: 'DNS' }], resource_groups: [rgProd, rgAll] },
    { id: 'p2', access: 'deny' as const, permission_groups: [{ id: 'pg-dns', name: 'DNS' }], resource_groups: [rgAdhoc] },
  ],
};
const members = [
  { id: 'm2', email: 'Zoe@acme.com' },
  { id: 'm1', email: 'amy@acme.com' },
];

describe('canonical export', () => {
  it('sorts everything and leaves out ids of policies', () => {
    const file = buildGroupExport(A, group, members);
    expect(file.format).toBe(EXPORT_FORMAT);
    expect(file.members.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(file.policies.map((p) => p.access)).toEqual(['allow', 'deny']);
    expect(file.policies[0]!.permission_groups.map((pg) => pg.id)).toEqual(['pg-dns', 'pg-zone']);
    expect(file.policies[0]!.resource_groups.map((rg) => rg.id)).toEqual(['rg-all', 'rg-prod']);
    expect(file.policies[0]!.resource_groups[1]!.scope[0]!.objects.map((o) => o.key)).toEqual([zone('1'), zone('2')]);
    expect(file.policies[1]!.resource_groups[0]!.meta).toEqual({ adhoc: 'true' });
    expect(canonicalJson(file)).not.toContain('"p1"');
    expect(canonicalJson(file).endsWith('}\n')).toBe(true);
  });

  it('is byte-identical whatever order the API listed things in', () => {
    const shuffled = <T,>(list: readonly T[]) => fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length });
    fc.assert(
      fc.property(
        fc.tuple(
          shuffled(group.policies).chain((ps) =>
            fc.tuple(...ps.map((p) => fc.tuple(shuffled(p.permission_groups), shuffled(p.resource_groups)).map(([pgs, rgs]) => ({ ...p, permission_groups: pgs, resource_groups: rgs })))),
          ),
          shuffled(members),
        ),
        ([policies, ms]) => {
          expect(canonicalJson(buildGroupExport(A, { ...group, policies }, ms))).toBe(canonicalJson(buildGroupExport(A, group, members)));
        },
      ),
    );
  });

  it('round-trips: parse(export) exports to the same text', () => {
    const nameArb = fc.string({ minLength: 1, maxLength: 12 });
    const groupArb = fc.record({
      name: nameArb,
      policies: fc.array(
        fc.record({
          access: fc.constantFrom('allow' as const, 'deny' as const),
          permission_groups: fc.array(fc.record({ id: fc.constantFrom('pg1', 'pg2', 'pg3'), name: nameArb }), { maxLength: 3 }),
          resource_groups: fc.array(fc.constantFrom(rgAll, rgProd, rgAdhoc), { maxLength: 3 }),
        }),
        { maxLength: 4 },
      ),
    });
    const membersArb = fc.array(fc.record({ id: fc.stringMatching(/^[0-9a-f]{6}$/), email: fc.emailAddress() }), { maxLength: 5 });
    fc.assert(
      fc.property(groupArb, membersArb, (g, ms) => {
        const text = canonicalJson(buildGroupExport(A, g, ms));
        const parsed = parseGroupExport(text);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(canonicalJson(parsed.value)).toBe(text);
      }),
    );
  });

  it('refuses a file of another kind, saying where', () => {
    const parsed = parseGroupExport(JSON.stringify({ format: 'other', name: 'x' }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.join('\n')).toMatch(/\/format/);
    expect(parseGroupExport('nope')).toMatchObject({ ok: false, problems: [expect.stringMatching(/^Not valid JSON/)] });
  });
});

describe('import dry run', () => {
  const file: GroupExport = buildGroupExport(A, group, [...members, { id: 'm9', email: 'gone@acme.com' }]);
  const catalogue = [
    { id: 'pg-zone', name: 'Zone' },
    { id: 'pg-dns', name: 'DNS' },
  ];

  it('into the same account: matches by id, adds only members not yet in', () => {
    const plan = planImport(file, {
      accountId: A,
      permissionGroups: catalogue,
      resourceGroups: [rgAll, rgProd],
      accountMembers: [{ id: 'm1', email: 'amy@acme.com' }, { id: 'm2', email: 'zoe@acme.com' }],
      groupMemberIds: new Set(['m1']),
    });
    expect(plan.crossAccount).toBe(false);
    expect(plan.policies[0]!.resourceGroups.map((rg) => rg.kind === 'existing' && rg.matchedBy)).toEqual(['id', 'id']);
    expect(plan.policies[1]!.resourceGroups[0]!.kind).toBe('inline');
    expect(plan.members.toAdd.map((m) => m.id)).toEqual(['m2']);
    expect(plan.members.already.map((m) => m.id)).toEqual(['m1']);
    expect(plan.members.notFound.map((m) => m.email)).toEqual(['gone@acme.com']);
    expect(groupsToCreate(plan)).toEqual([]);
    expect(importedPolicies(plan, new Map())).toEqual([
      { access: 'allow', permission_groups: [{ id: 'pg-dns' }, { id: 'pg-zone' }], resource_groups: [{ id: 'rg-all' }, { id: 'rg-prod' }] },
      { access: 'deny', permission_groups: [{ id: 'pg-dns' }], resource_groups: [{ scope: { key: zone('3'), objects: [{ key: '*' }] }, meta: { adhoc: 'true' } }] },
    ]);
  });

  it('into another account: rewrites the account key, matches groups by name or scope, members by email', () => {
    const theirAll = { id: 'b-all', name: 'Everything', scope: [{ key: acct(B), objects: [{ key: '*' }] }] };
    const plan = planImport(file, {
      accountId: B,
      permissionGroups: [{ id: 'pg-dns', name: 'DNS' }, { id: 'pg-zone-2', name: 'zone' }],
      resourceGroups: [theirAll],
      accountMembers: [{ id: 'x1', email: 'AMY@acme.com' }],
      groupMemberIds: new Set(),
    });
    expect(plan.crossAccount).toBe(true);
    const [allow] = plan.policies;
    expect(allow!.permissionGroups).toEqual([
      { kind: 'found', id: 'pg-dns', name: 'DNS', matchedBy: 'id' },
      { kind: 'found', id: 'pg-zone-2', name: 'zone', matchedBy: 'name' },
    ]);
    expect(allow!.resourceGroups[0]).toMatchObject({ kind: 'existing', id: 'b-all', matchedBy: 'scope' });
    // Production names account A's zones: refused, never created in B pointing at A's zones.
    expect(allow!.resourceGroups[1]).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/names 2 zones of another account/) });
    expect(plan.policies[1]!.dropped).toBe('none of its resource groups can be used here');
    expect(plan.warnings.join(' ')).toMatch(/zones belong to one account, so resource groups on them are not imported/);
    expect(plan.members.toAdd).toEqual([{ id: 'x1', email: 'AMY@acme.com', matchedBy: 'email' }]);
    expect(groupsToCreate(plan)).toEqual([]);
    expect(importedPolicies(plan, new Map())).toEqual([{ access: 'allow', permission_groups: [{ id: 'pg-dns' }, { id: 'pg-zone-2' }], resource_groups: [{ id: 'b-all' }] }]);
  });

  it('into another account: zones this account has are kept; a same-named group of its own is used instead', () => {
    expect(zoneIdsInExport(file)).toEqual(['1', '2', '3'].map((c) => c.repeat(32)));
    const target = { accountId: B, permissionGroups: catalogue, accountMembers: [], groupMemberIds: new Set<string>() };
    const kept = planImport(file, { ...target, resourceGroups: [], zonesHere: new Set(['1', '2', '3'].map((c) => c.repeat(32))) });
    expect(kept.policies[0]!.resourceGroups[1]).toMatchObject({ kind: 'create', name: 'Production' });
    expect(kept.warnings).toEqual([]);
    const ownProduction = { id: 'b-prod', name: 'production', scope: [{ key: acct(B), objects: [{ key: zone('9') }] }] };
    const remapped = planImport(file, { ...target, resourceGroups: [ownProduction] });
    expect(remapped.policies[0]!.resourceGroups[1]).toMatchObject({ kind: 'existing', id: 'b-prod', matchedBy: 'name', scopeDiffers: true });
  });

  it('loading into a draft writes nothing first: a group to create becomes the policy’s inline scope', () => {
    const plan = planImport(file, { accountId: B, permissionGroups: catalogue, resourceGroups: [], accountMembers: [], groupMemberIds: new Set(), zonesHere: new Set(['1', '2', '3'].map((c) => c.repeat(32))) });
    expect(groupsToCreate(plan).map((g) => g.name)).toContain('Production');
    const draft = importedPolicies(plan, new Map(), { createNow: false });
    expect(draft[0]!.resource_groups).toContainEqual({ scope: { key: acct(B), objects: [{ key: zone('1') }, { key: zone('2') }] }, meta: { adhoc: 'true' } });
  });

  it('drops a policy none of whose permission groups exists, and says why', () => {
    const plan = planImport(file, { accountId: A, permissionGroups: [{ id: 'pg-zone', name: 'Zone' }], resourceGroups: [rgAll, rgProd], accountMembers: [], groupMemberIds: new Set() });
    expect(plan.policies[1]!.dropped).toMatch(/permission groups/);
    expect(plan.policies[0]!.permissionGroups[0]).toEqual({ kind: 'missing', source: { id: 'pg-dns', name: 'DNS' } });
    expect(importedPolicies(plan, new Map())).toHaveLength(1);
  });
});
