import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeEffectiveAccess, diffAccess } from '@/lib/effective-access';
import { analyze } from '../analyze';
import { indexSnapshot } from '../snapshot-index';
import { PG, RG, allow, deny, group, member, policy, snapshotOf } from '../test-fixtures';
import type { AccessSnapshot, SnapshotPolicy } from '../snapshot';

const ofKind = (s: AccessSnapshot, kind: string) => analyze(s).filter((f) => f.kind === kind);
const oneGroup = (policies: SnapshotPolicy[], memberIds = ['m1']) =>
  snapshotOf({ userGroups: [group('g', policies)], members: memberIds.map((id) => member(id, `${id}@x.com`)), members_of: { g: memberIds } });

describe('shadowed and redundant policies', () => {
  it('reports an allow fully taken back by an account-wide deny of the same group (deny wins)', () => {
    const a = allow(['dns'], ['prod']);
    const d = deny(['dns', 'firewall'], ['all']);
    const [finding] = ofKind(oneGroup([a, d]), 'policy-shadowed-by-deny');
    expect(finding?.id).toBe(`policy-shadowed-by-deny:${a.id}`);
    expect(finding?.affected.filter((o) => o.kind === 'policy').map((o) => o.id)).toEqual([a.id, d.id]);
  });

  it('does not call an account-wide allow shadowed by a deny on some zones', () => {
    expect(ofKind(oneGroup([allow(['dns'], ['all']), deny(['dns'], ['prod'])]), 'policy-shadowed-by-deny')).toEqual([]);
  });

  it('does not call an allow shadowed when one of its permission groups survives', () => {
    expect(ofKind(oneGroup([allow(['dns', 'firewall'], ['prod']), deny(['dns'], ['prod'])]), 'policy-shadowed-by-deny')).toEqual([]);
  });

  it('reports an allow another allow of the group already covers, and only the later of two twins', () => {
    const wide = allow(['dns', 'firewall'], ['all']);
    const narrow = allow(['dns'], ['zone1']);
    expect(ofKind(oneGroup([wide, narrow]), 'policy-redundant').map((f) => f.id)).toEqual([`policy-redundant:${narrow.id}`]);
    const first = allow(['dns'], ['prod']);
    const twin = allow(['dns'], ['prod']);
    expect(ofKind(oneGroup([first, twin]), 'policy-redundant').map((f) => f.id)).toEqual([`policy-redundant:${twin.id}`]);
  });

  it('does not call overlapping allows redundant when each adds something', () => {
    expect(ofKind(oneGroup([allow(['dns'], ['prod']), allow(['dns'], ['zone1', 'zone3'])]), 'policy-redundant')).toEqual([]);
  });
});

describe('denies that take nothing away', () => {
  it('reports a deny that no member has an allow for, even through other groups', () => {
    const idle = deny(['billing'], ['all']);
    const s = snapshotOf({
      userGroups: [group('g', [allow(['dns'], ['prod']), idle]), group('h', [allow(['firewall'], ['all'])])],
      members: [member('m1', 'a@x.com')],
      members_of: { g: ['m1'], h: ['m1'] },
    });
    expect(ofKind(s, 'deny-takes-nothing').map((f) => f.id)).toEqual([`deny-takes-nothing:${idle.id}`]);
  });

  it('keeps quiet about a deny that takes back what another group of a member gives', () => {
    const s = snapshotOf({
      userGroups: [group('g', [deny(['firewall'], ['prod'])]), group('h', [allow(['firewall'], ['all'])])],
      members: [member('m1', 'a@x.com')],
      members_of: { g: ['m1'], h: ['m1'] },
    });
    expect(ofKind(s, 'deny-takes-nothing')).toEqual([]);
  });

  it('leaves groups without members to their own finding', () => {
    expect(ofKind(oneGroup([deny(['billing'], ['all'])], []), 'deny-takes-nothing')).toEqual([]);
  });
});

const pgName = fc.constantFrom<keyof typeof PG>('dns', 'firewall', 'billing');
const rgName = fc.constantFrom<keyof typeof RG>('all', 'prod', 'zone1', 'zone3');
const arbPolicy = fc
  .record({ access: fc.constantFrom<'allow' | 'deny'>('allow', 'allow', 'deny'), pgs: fc.uniqueArray(pgName, { minLength: 1, maxLength: 2 }), rgs: fc.uniqueArray(rgName, { minLength: 1, maxLength: 2 }) })
  .map((p) => policy(p.access, p.pgs, p.rgs));

describe('properties', () => {
  it('removing every shadowed and redundant policy a group is told about leaves its access unchanged', () => {
    fc.assert(
      fc.property(fc.array(arbPolicy, { minLength: 1, maxLength: 6 }), (policies) => {
        const s = oneGroup(policies);
        const flagged = new Set(
          analyze(s)
            .filter((f) => f.kind === 'policy-shadowed-by-deny' || f.kind === 'policy-redundant')
            .map((f) => f.id.slice(f.id.indexOf(':') + 1)),
        );
        const index = indexSnapshot(s);
        const before = computeEffectiveAccess(index.policiesOf('g'));
        const after = computeEffectiveAccess(index.policiesOf('g').filter((p) => !flagged.has(p.ref.policyId!)));
        expect(diffAccess(before, after)).toEqual([]);
      }),
    );
  });

  it('removing a deny said to take nothing away changes no member’s access', () => {
    fc.assert(
      fc.property(fc.array(arbPolicy, { minLength: 1, maxLength: 4 }), fc.array(arbPolicy, { maxLength: 4 }), (mine, theirs) => {
        const s = snapshotOf({
          userGroups: [group('g', mine), group('h', theirs)],
          members: [member('m1', 'a@x.com'), member('m2', 'b@x.com')],
          members_of: { g: ['m1', 'm2'], h: ['m2'] },
        });
        const idle = new Set(ofKind(s, 'deny-takes-nothing').map((f) => f.id.slice(f.id.indexOf(':') + 1)));
        const pruned = { ...s, userGroups: [group('g', mine.filter((p) => !idle.has(p.id!))), group('h', theirs)] };
        for (const m of ['m1', 'm2']) {
          // "deny" and "none" both withhold: what matters is that nothing becomes allowed.
          const changes = diffAccess(indexSnapshot(s).matrixOfMember(m), indexSnapshot(pruned).matrixOfMember(m));
          expect(changes.filter((c) => c.from === 'allow' || c.to === 'allow')).toEqual([]);
        }
      }),
    );
  });

  it('a deny of a permission group on the whole account leaves nobody holding it (deny wins)', () => {
    fc.assert(
      fc.property(fc.array(arbPolicy, { maxLength: 5 }), (policies) => {
        const s = snapshotOf({
          userGroups: [group('g', [...policies, allow(['admin'], ['all'])]), group('no', [deny(['admin'], ['all'])])],
          members: [member('m1', 'a@x.com')],
          members_of: { g: ['m1'], no: ['m1'] },
        });
        expect(ofKind(s, 'admin-grant')[0]?.affected.filter((o) => o.kind === 'member')).toEqual([]);
      }),
    );
  });
});
