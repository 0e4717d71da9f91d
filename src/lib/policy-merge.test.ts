import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DraftPolicy } from './policy-draft';
import { samePolicies } from './policy-draft';
import { mergePolicies, rebaseOnto } from './policy-merge';

const p = (id: string, over: Partial<DraftPolicy> = {}): DraftPolicy => ({
  key: `k-${id}`,
  id,
  access: 'allow',
  permissionGroups: ['pgA'],
  resourceGroups: [{ id: 'rg1' }],
  ...over,
});

describe('three-way merge of policies', () => {
  it('keeps both sides when they touched different entries of one policy', () => {
    const base = [p('p1')];
    const theirs = [p('p1', { permissionGroups: ['pgA', 'pgB'] })];
    const mine = [p('p1', { resourceGroups: [{ id: 'rg1' }, { id: 'rg2' }] })];
    const { merged, conflicts } = mergePolicies(base, theirs, mine);
    expect(conflicts).toEqual([]);
    expect(merged).toEqual([{ key: 'k-p1', id: 'p1', access: 'allow', permissionGroups: ['pgA', 'pgB'], resourceGroups: [{ id: 'rg1' }, { id: 'rg2' }] }]);
  });

  it('keeps their new policy and mine, and drops what only I removed', () => {
    const base = [p('p1'), p('p2', { access: 'deny' })];
    const theirs = [p('p1'), p('p2', { access: 'deny' }), p('p9', { permissionGroups: ['pgZ'] })];
    const mine: DraftPolicy[] = [p('p1'), { key: 'new', access: 'allow', permissionGroups: ['pgN'], resourceGroups: [{ id: 'rg3' }] }];
    const { merged, conflicts } = mergePolicies(base, theirs, mine);
    expect(conflicts).toEqual([]);
    expect(merged.map((x) => x.id ?? x.key)).toEqual(['p1', 'p9', 'new']);
  });

  it('flags a policy I removed that they changed, and keeps theirs', () => {
    const { merged, conflicts } = mergePolicies([p('p1')], [p('p1', { access: 'deny' })], []);
    expect(merged.map((x) => x.access)).toEqual(['deny']);
    expect(conflicts[0]!.message).toMatch(/you removed it, but they changed it/);
  });

  it('keeps my changed policy as a new one when they removed it', () => {
    const { merged, conflicts } = mergePolicies([p('p1')], [], [p('p1', { permissionGroups: ['pgB'] })]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.id).toBeUndefined();
    expect(merged[0]!.permissionGroups).toEqual(['pgB']);
    expect(conflicts[0]!.message).toMatch(/they removed it/);
  });

  it('lets my access win over theirs, and says so', () => {
    const { merged, conflicts } = mergePolicies([p('p1', { access: 'allow' })], [p('p1', { access: 'deny' })], [p('p1', { access: 'deny', permissionGroups: ['pgB'] })]);
    expect(conflicts).toEqual([]); // both chose deny: no conflict
    expect(merged[0]!.access).toBe('deny');
  });

  it('rebases "overwrite" onto theirs by dropping ids they removed', () => {
    expect(rebaseOnto([p('p1')], [p('p1'), p('p2')]).map((x) => x.id)).toEqual(['p1', undefined]);
  });
});

const policyArb = fc.record({
  access: fc.constantFrom('allow' as const, 'deny' as const),
  permissionGroups: fc.subarray(['pgA', 'pgB', 'pgC']),
  resourceGroups: fc.subarray([{ id: 'rg1' }, { id: 'rg2' }]),
});
const setArb = (prefix: string) => fc.array(policyArb, { maxLength: 5 }).map((l) => l.map((x, i) => ({ ...x, key: `${prefix}${i}`, id: `${prefix}${i}` })));
/** A version derived from base: some policies kept (maybe edited), some removed, some added. */
const derivedArb = (base: DraftPolicy[], prefix: string): fc.Arbitrary<DraftPolicy[]> =>
  fc
    .tuple(fc.array(fc.option(policyArb), { minLength: base.length, maxLength: base.length }), fc.array(fc.boolean(), { minLength: base.length, maxLength: base.length }), fc.array(policyArb, { maxLength: 3 }))
    .map(([edits, keep, added]) => [
      ...base.flatMap((b, i) => (keep[i] ? [edits[i] ? { ...b, ...edits[i]! } : b] : [])),
      ...added.map((x, i) => ({ ...x, key: `${prefix}${i}` })),
    ]);

describe('merge, for any concurrent edits', () => {
  it('with no change on their side gives mine', () => {
    fc.assert(
      fc.property(setArb('b').chain((base) => fc.tuple(fc.constant(base), derivedArb(base, 'm'))), ([base, mine]) => {
        const { merged, conflicts } = mergePolicies(base, base, mine);
        expect(conflicts).toEqual([]);
        expect(samePolicies(merged, mine)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('with no change on my side gives theirs', () => {
    fc.assert(
      fc.property(setArb('b').chain((base) => fc.tuple(fc.constant(base), derivedArb(base, 't'))), ([base, theirs]) => {
        const { merged, conflicts } = mergePolicies(base, theirs, base);
        expect(conflicts).toEqual([]);
        expect(merged).toEqual(theirs);
      }),
      { numRuns: 300 },
    );
  });

  it('never loses a policy only one side added', () => {
    fc.assert(
      fc.property(
        setArb('b').chain((base) => fc.tuple(fc.constant(base), derivedArb(base, 't'), derivedArb(base, 'm'))),
        ([base, theirs, mine]) => {
          const { merged } = mergePolicies(base, theirs, mine);
          const keys = new Set(merged.map((x) => x.key));
          for (const added of [...theirs, ...mine].filter((x) => !x.id)) expect(keys.has(added.key)).toBe(true);
          // Only ids the server still has are sent.
          const theirIds = new Set(theirs.map((x) => x.id));
          for (const x of merged) if (x.id) expect(theirIds.has(x.id)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
