import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countChanges, diffIsEmpty, diffPolicies } from './policy-diff';
import type { DraftPolicy } from './policy-draft';

const p = (key: string, over: Partial<DraftPolicy> = {}): DraftPolicy => ({
  key,
  access: 'allow',
  permissionGroups: ['pgA'],
  resourceGroups: [{ id: 'rg1' }],
  ...over,
});

describe('policy diff', () => {
  it('matches kept policies by id and lists entry changes', () => {
    const before = [p('a', { id: 'p1' }), p('b', { id: 'p2', access: 'deny' }), p('c', { id: 'p3', permissionGroups: ['pgC'] })];
    const after = [
      p('a', { id: 'p1', permissionGroups: ['pgA', 'pgB'], resourceGroups: [{ id: 'rg2' }] }),
      p('b', { id: 'p2', access: 'allow' }),
      p('d', { permissionGroups: ['pgD'] }),
    ];
    const diff = diffPolicies(before, after);
    expect(diff.added.map((x) => x.key)).toEqual(['d']);
    expect(diff.removed.map((x) => x.id)).toEqual(['p3']);
    expect(diff.changed).toHaveLength(2);
    const [first, second] = diff.changed;
    expect(first!.permissionGroups).toEqual({ added: ['pgB'], removed: [] });
    expect(first!.resourceGroups).toEqual({ added: [{ id: 'rg2' }], removed: [{ id: 'rg1' }] });
    expect(first!.access).toBeNull();
    expect(second!.access).toEqual({ from: 'deny', to: 'allow' });
    expect(countChanges(diff)).toBe(4);
  });

  it('counts a re-created identical policy as unchanged', () => {
    const diff = diffPolicies([p('a', { id: 'p1' })], [p('x')]);
    expect(diffIsEmpty(diff)).toBe(true);
    expect(diff.unchanged.map((x) => x.key)).toEqual(['x']);
  });

  it('tells inline scopes apart by what they cover, not by object order', () => {
    const scope = (...objects: string[]) => ({ scope: { key: 'k', objects: objects.map((key) => ({ key })) } });
    const diff = diffPolicies([p('a', { id: 'p1', resourceGroups: [scope('z1', 'z2')] })], [p('a', { id: 'p1', resourceGroups: [scope('z2', 'z1')] })]);
    expect(diffIsEmpty(diff)).toBe(true);
    const changed = diffPolicies([p('a', { id: 'p1', resourceGroups: [scope('z1')] })], [p('a', { id: 'p1', resourceGroups: [scope('z2')] })]);
    expect(changed.changed[0]!.resourceGroups.added).toEqual([scope('z2')]);
  });
});

const policyArb = fc.record({
  access: fc.constantFrom('allow' as const, 'deny' as const),
  permissionGroups: fc.subarray(['pgA', 'pgB', 'pgC']),
  resourceGroups: fc.subarray([{ id: 'rg1' }, { id: 'rg2' }]),
});
const withIds = (list: Array<Omit<DraftPolicy, 'key'>>, prefix: string) => list.map((x, i) => ({ ...x, key: `${prefix}${i}`, id: `${prefix}${i}` }));

describe('policy diff, for any policy sets', () => {
  it('is empty between a set and any reordering of it', () => {
    fc.assert(
      fc.property(
        fc.array(policyArb, { maxLength: 6 }).chain((l) => {
          const list = withIds(l, 'p');
          return fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }));
        }),
        ([list, shuffled]) => {
          expect(diffIsEmpty(diffPolicies(list, shuffled))).toBe(true);
        },
      ),
    );
  });

  it('accounts for every policy exactly once on each side', () => {
    fc.assert(
      fc.property(fc.array(policyArb, { maxLength: 6 }), fc.array(policyArb, { maxLength: 6 }), fc.array(fc.boolean(), { maxLength: 6 }), (a, b, keep) => {
        const before = withIds(a, 'p');
        // Some of `after` keep an id of `before`, the rest are new.
        const after = b.map((x, i) => ({ ...x, key: `n${i}`, ...(keep[i] && before[i] ? { id: before[i]!.id } : {}) }));
        const diff = diffPolicies(before, after);
        expect(diff.added.length + diff.changed.length + diff.unchanged.length).toBe(after.length);
        expect(diff.removed.length + diff.changed.length + diff.unchanged.length).toBe(before.length);
      }),
    );
  });
});
