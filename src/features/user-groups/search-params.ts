/** Page sizes offered in the user-group views; the API serves 1–500 per page (default 100). */
export const GROUP_PAGE_SIZES = [25, 50, 100, 250, 500] as const;
export type GroupPageSize = (typeof GROUP_PAGE_SIZES)[number];

export interface UserGroupsSearch {
  page: number;
  per_page: GroupPageSize;
  q?: string;
  direction?: 'asc' | 'desc';
  /** The column the page's rows are sorted by; absent means name (the API's own order). */
  sort?: 'members' | 'policies' | 'created' | 'modified';
  /** Only groups with an admin grant, or only groups read and found empty (from the index). */
  filter?: 'admin' | 'empty';
}

export interface GroupMembersSearch {
  page: number;
  per_page: GroupPageSize;
  q?: string;
  direction?: 'asc' | 'desc';
  /** The member whose details are open (shareable, like the rest of the view). */
  member?: string;
}

/** One member per page: enough to read result_info.total_count (the overview's member count). */
export const MEMBER_COUNT_PARAMS = { page: 1, per_page: 1 } as const;
