import type { UserGroup } from '@/api/user-groups/schema';

/** The columns the groups table sorts by; the API itself sorts by name only. */
export const GROUP_SORT_COLUMNS = ['name', 'members', 'policies', 'created', 'modified'] as const;
export type GroupSortColumn = (typeof GROUP_SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';

/** "Team – 2" before "Team – 15", case and accents ignored: how people read numbered names. */
const naturalOrder = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Members per group id, from the membership index; null (or absent) = not indexed yet. */
export type MemberCounts = Readonly<Record<string, number | null | undefined>>;

function key(group: UserGroup, column: Exclude<GroupSortColumn, 'name' | 'members'>): number {
  if (column === 'policies') return group.policies?.length ?? 0;
  const value = Date.parse((column === 'created' ? group.created_on : group.modified_on) ?? '');
  return Number.isNaN(value) ? 0 : value;
}

/**
 * The rows as shown: the API's page (in its name order) re-sorted in natural order by the chosen
 * column, ties broken by name so the order is stable. Member counts sort as numbers (9 before 10).
 */
export function sortGroups(groups: readonly UserGroup[], column: GroupSortColumn, direction: SortDirection, counts: MemberCounts = {}): UserGroup[] {
  const sign = direction === 'desc' ? -1 : 1;
  const byName = (a: UserGroup, b: UserGroup) => naturalOrder.compare(a.name, b.name) || a.id.localeCompare(b.id);
  return [...groups].sort((a, b) => {
    if (column === 'name') return sign * byName(a, b);
    if (column === 'members') {
      const [x, y] = [counts[a.id], counts[b.id]];
      // A count not known yet goes last in either direction: it is not a small number.
      if (x == null || y == null) return x == null && y == null ? byName(a, b) : x == null ? 1 : -1;
      return sign * (x - y) || byName(a, b);
    }
    return sign * (key(a, column) - key(b, column)) || byName(a, b);
  });
}
