import { describe, expect, it } from 'vitest';
import type { UserGroup } from '@/api/user-groups/schema';
import { sortGroups } from './group-sort';

const group = (name: string, extra: Partial<UserGroup> = {}): UserGroup =>
  ({ id: `id-${name}`, name, policies: [], created_on: '2026-01-01T00:00:00Z', modified_on: '2026-01-01T00:00:00Z', ...extra }) as UserGroup;

const names = (groups: UserGroup[]) => groups.map((g) => g.name);

describe('sortGroups', () => {
  it('sorts names naturally: "– 2" before "– 15", case ignored', () => {
    const groups = [group('Team – 15'), group('team – 2'), group('Team – 1'), group('Alpha')];
    expect(names(sortGroups(groups, 'name', 'asc'))).toEqual(['Alpha', 'Team – 1', 'team – 2', 'Team – 15']);
    expect(names(sortGroups(groups, 'name', 'desc'))).toEqual(['Team – 15', 'team – 2', 'Team – 1', 'Alpha']);
  });

  it('sorts by policy count and by dates, ties by name', () => {
    const p = (n: number) => Array.from({ length: n }, () => ({}) as NonNullable<UserGroup['policies']>[number]);
    const groups = [
      group('B', { policies: p(2), modified_on: '2026-03-01T00:00:00Z', created_on: '2025-01-01T00:00:00Z' }),
      group('A', { policies: p(2), modified_on: '2026-01-01T00:00:00Z', created_on: '2026-02-01T00:00:00Z' }),
      group('C', { policies: p(10), modified_on: '2026-02-01T00:00:00Z', created_on: '2024-01-01T00:00:00Z' }),
    ];
    expect(names(sortGroups(groups, 'policies', 'asc'))).toEqual(['A', 'B', 'C']);
    expect(names(sortGroups(groups, 'policies', 'desc'))).toEqual(['C', 'A', 'B']);
    expect(names(sortGroups(groups, 'modified', 'desc'))).toEqual(['B', 'C', 'A']);
    expect(names(sortGroups(groups, 'created', 'asc'))).toEqual(['C', 'B', 'A']);
  });

  it('sorts by member count as numbers (9 before 10), groups not indexed yet last either way', () => {
    const groups = [group('A'), group('B'), group('C'), group('D'), group('E')];
    const counts = { 'id-A': 10, 'id-B': 9, 'id-C': null, 'id-D': 100, 'id-E': 9 };
    expect(names(sortGroups(groups, 'members', 'asc', counts))).toEqual(['B', 'E', 'A', 'D', 'C']);
    expect(names(sortGroups(groups, 'members', 'desc', counts))).toEqual(['D', 'A', 'B', 'E', 'C']);
  });

  it('does not change the list it is given', () => {
    const groups = [group('b'), group('a')];
    sortGroups(groups, 'name', 'asc');
    expect(names(groups)).toEqual(['b', 'a']);
  });
});
