import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_COLUMN,
  cellOf,
  computeEffectiveAccess,
  deniedExceptions,
  diffAccess,
  type AccessPolicy,
} from './effective-access';

const ACCOUNT_KEY = `com.cloudflare.api.account.${'a'.repeat(32)}`;
const zone = (c: string) => `com.cloudflare.api.account.zone.${c.repeat(32)}`;

const RGS = {
  all: { id: 'rg-all', name: 'Whole account', scope: [{ key: ACCOUNT_KEY, objects: [{ key: '*' }] }] },
  prod: { id: 'rg-prod', name: 'Production', scope: [{ key: ACCOUNT_KEY, objects: [{ key: zone('1') }, { key: zone('2') }] }] },
  mkt: { id: 'rg-mkt', name: 'Marketing', scope: [{ key: ACCOUNT_KEY, objects: [{ key: zone('2') }, { key: zone('3') }] }] },
  inline: { id: 'rg-inline', name: 'Zone 4444…4444', scope: [{ key: zone('4'), objects: [{ key: '*' }] }] },
};
type RgName = keyof typeof RGS;

let n = 0;
function policy(access: 'allow' | 'deny', pgs: string[], rgs: RgName[], group = 'G'): AccessPolicy {
  n += 1;
  return {
    ref: { groupId: group, groupName: group, policyId: `pol-${n}`, position: n },
    access,
    permissionGroups: pgs.map((id) => ({ id, name: id.toUpperCase() })),
    resourceGroups: rgs.map((r) => RGS[r]),
  };
}

describe('effective access', () => {
  it('lets a zone deny override an account-wide allow on that zone only', () => {
    const allow = policy('allow', ['dns'], ['all']);
    const deny = policy('deny', ['dns'], ['prod']);
    const m = computeEffectiveAccess([allow, deny]);
    expect(m.columns.map((c) => c.key)).toEqual([ACCOUNT_COLUMN, zone('1'), zone('2')]);
    expect(cellOf(m, 'dns', ACCOUNT_COLUMN).outcome).toBe('allow');
    const denied = cellOf(m, 'dns', zone('1'));
    expect(denied.outcome).toBe('deny');
    expect(denied.decidedBy.map((r) => r.policy.policyId)).toEqual([deny.ref.policyId]);
    expect(denied.overridden.map((r) => r.policy.policyId)).toEqual([allow.ref.policyId]);
    expect(denied.decidedBy[0]!.through).toEqual(['Production']);
    expect(deniedExceptions(m, 'dns')).toEqual([zone('1'), zone('2')]);
  });

  it('says nothing where no policy reaches, and names the resource groups behind a zone', () => {
    const m = computeEffectiveAccess([policy('allow', ['dns'], ['prod']), policy('allow', ['zone'], ['mkt', 'inline'])]);
    expect(cellOf(m, 'dns', ACCOUNT_COLUMN).outcome).toBe('none');
    expect(cellOf(m, 'dns', zone('3')).outcome).toBe('none');
    expect(cellOf(m, 'zone', zone('4')).outcome).toBe('allow');
    expect(m.columns.find((c) => c.key === zone('2'))?.via).toEqual(['Marketing', 'Production']);
    expect(m.permissionGroups.map((pg) => pg.name)).toEqual(['DNS', 'ZONE']);
  });

  it('reports what a change grants and revokes', () => {
    const before = computeEffectiveAccess([policy('allow', ['dns'], ['prod'])]);
    const after = computeEffectiveAccess([policy('allow', ['dns'], ['prod']), policy('deny', ['dns'], ['mkt'])]);
    expect(diffAccess(before, after)).toEqual([
      { permissionGroupId: 'dns', permissionGroupName: 'DNS', column: zone('2'), from: 'allow', to: 'deny' },
      { permissionGroupId: 'dns', permissionGroupName: 'DNS', column: zone('3'), from: 'none', to: 'deny' },
    ]);
  });
});

const policyArb = fc.record({
  access: fc.constantFrom('allow' as const, 'deny' as const),
  pgs: fc.subarray(['dns', 'zone', 'fw'], { minLength: 1 }),
  rgs: fc.subarray(Object.keys(RGS) as RgName[], { minLength: 1 }),
  group: fc.constantFrom('G1', 'G2', 'G3'),
});
const policiesArb = fc.array(policyArb, { maxLength: 8 }).map((list) => list.map((p) => policy(p.access, p.pgs, p.rgs, p.group)));

function reaches(p: AccessPolicy, column: string): boolean {
  return p.resourceGroups.some((rg) =>
    rg.scope!.some((s) =>
      s.objects.some((o) => o.key === '*') && s.key === ACCOUNT_KEY ? true : column !== ACCOUNT_COLUMN && (s.key === column || s.objects.some((o) => o.key === column)),
    ),
  );
}

describe('effective access, for any set of policies', () => {
  it('deny always wins: any deny that reaches a cell decides it', () => {
    fc.assert(
      fc.property(policiesArb, (policies) => {
        const m = computeEffectiveAccess(policies);
        for (const pg of m.permissionGroups) {
          for (const col of m.columns) {
            const relevant = policies.filter((p) => p.permissionGroups.some((g) => g.id === pg.id) && reaches(p, col.key));
            const expected = relevant.some((p) => p.access === 'deny') ? 'deny' : relevant.length ? 'allow' : 'none';
            const cell = cellOf(m, pg.id, col.key);
            expect(cell.outcome).toBe(expected);
            expect(cell.decidedBy.every((r) => r.access === (expected === 'deny' ? 'deny' : 'allow'))).toBe(true);
            expect(cell.decidedBy.length + cell.overridden.length).toBe(relevant.length);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the order of policies never matters', () => {
    fc.assert(
      fc.property(
        policiesArb.chain((ps) => fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length }))),
        ([policies, shuffled]) => {
          expect(computeEffectiveAccess(shuffled)).toEqual(computeEffectiveAccess(policies));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adding a deny never grants anything', () => {
    const rank = { deny: 0, none: 1, allow: 2 };
    fc.assert(
      fc.property(policiesArb, policyArb, (policies, extra) => {
        const before = computeEffectiveAccess(policies);
        const after = computeEffectiveAccess([...policies, policy('deny', extra.pgs, extra.rgs, extra.group)]);
        for (const change of diffAccess(before, after)) expect(rank[change.to]).toBeLessThanOrEqual(rank[change.from]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('resources a matrix does not list', () => {
  it('read like the account column, so an unrelated new zone is no change', () => {
    const before = computeEffectiveAccess([policy('allow', ['zone'], ['all'])]);
    const after = computeEffectiveAccess([policy('allow', ['zone'], ['all']), policy('deny', ['fw'], ['inline'])]);
    expect(diffAccess(before, after)).toEqual([
      { permissionGroupId: 'fw', permissionGroupName: 'FW', column: zone('4'), from: 'none', to: 'deny' },
    ]);
  });
});
