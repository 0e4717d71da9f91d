import { describe, expect, it } from 'vitest';
import { planBulk, type PlanMember } from './bulk-plan';

const member = (id: string, groups: string[]): PlanMember => ({ id, email: `${id}@example.com`, groupIds: new Set(groups) });
const groups = [
  { id: 'g1', name: 'One' },
  { id: 'g2', name: 'Two' },
];

describe('planBulk', () => {
  it('adding: one request per group that gains someone; people already in are listed as unchanged', () => {
    const plan = planBulk('add', [member('a', ['g1']), member('b', [])], groups);
    expect(plan.steps.map((s) => [s.group.id, s.change.map((m) => m.id), s.unchanged.map((m) => m.id)])).toEqual([
      ['g1', ['b'], ['a']],
      ['g2', ['a', 'b'], []],
    ]);
    expect(plan).toMatchObject({ requests: 2, changes: 3 });
  });

  it('adding people who are all in already costs nothing', () => {
    expect(planBulk('add', [member('a', ['g1', 'g2'])], groups)).toMatchObject({ requests: 0, changes: 0 });
  });

  it('removing: one request per person actually in each group', () => {
    const plan = planBulk('remove', [member('a', ['g1', 'g2']), member('b', ['g2'])], groups);
    expect(plan.steps.map((s) => s.change.map((m) => m.id))).toEqual([['a'], ['a', 'b']]);
    expect(plan).toMatchObject({ requests: 3, changes: 3 });
  });
});
