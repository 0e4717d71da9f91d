import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { RG, allow, group, snapshotOf, zoneId } from '../test-fixtures';

const ids = (s: Parameters<typeof analyze>[0], kind: string) => analyze(s).filter((f) => f.kind === kind).map((f) => f.id);

describe('resource groups and zones', () => {
  it('reports resource groups no policy uses', () => {
    const s = snapshotOf({ userGroups: [group('g', [allow(['dns'], ['prod'])])], resourceGroups: [RG.prod, RG.unused] });
    expect(ids(s, 'unused-resource-group')).toEqual(['unused-resource-group:rg-unused']);
  });

  it('reports a policy on a zone the account no longer has, naming the zone', () => {
    const p = allow(['dns'], ['prod']);
    const s = snapshotOf({ userGroups: [group('g', [p, allow(['dns'], ['zone3'])])], zones: [{ id: zoneId('1'), name: 'one.com' }, { id: zoneId('3'), name: 'three.com' }] });
    const found = analyze(s).filter((f) => f.kind === 'policy-on-missing-zone');
    expect(found.map((f) => f.id)).toEqual([`policy-on-missing-zone:${p.id}`]);
    expect(found[0]!.affected.filter((o) => o.kind === 'zone').map((o) => o.id)).toEqual([zoneId('2')]);
  });

  it('says nothing about zones when the zones are unknown', () => {
    const s = snapshotOf({ userGroups: [group('g', [allow(['dns'], ['prod'])])], zones: null });
    expect(ids(s, 'policy-on-missing-zone')).toEqual([]);
  });
});
