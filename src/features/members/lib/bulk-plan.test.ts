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

  it('removing one or two people: a DELETE each, no cheaper way', () => {
    const plan = planBulk('remove', [member('a', ['g1', 'g2']), member('b', ['g2'])], groups, { g1: 40, g2: 40 });
    expect(plan.steps.map((s) => [s.change.map((m) => m.id), s.method])).toEqual([
      [['a'], 'delete-each'],
      [['a', 'b'], 'delete-each'],
    ]);
    expect(plan).toMatchObject({ requests: 3, changes: 3 });
  });

  it('removing many people from a group: one fresh read per 500 members and one PUT, not a DELETE each', () => {
    const people = Array.from({ length: 30 }, (_, i) => member(`p${i}`, ['g1', 'g2']));
    const plan = planBulk('remove', people, groups, { g1: 120, g2: 1200 });
    expect(plan.steps.map((s) => [s.method, s.requests])).toEqual([
      ['read-and-replace', 2],
      ['read-and-replace', 4],
    ]);
    expect(plan).toMatchObject({ requests: 6, changes: 60 });
  });
});
