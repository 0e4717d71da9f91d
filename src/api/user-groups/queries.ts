import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { getGroupMember, getUserGroup, listGroupMembers, listUserGroups, type GroupMemberListParams, type UserGroupListParams } from './endpoints';
import type { GroupMember, UserGroup } from './schema';

export const userGroupKeys = {
  all: (accountId: string) => ['accounts', accountId, 'user-groups'] as const,
  lists: (accountId: string) => [...userGroupKeys.all(accountId), 'list'] as const,
  list: (accountId: string, params: UserGroupListParams) => [...userGroupKeys.lists(accountId), params] as const,
  detail: (accountId: string, id: string) => [...userGroupKeys.all(accountId), 'detail', id] as const,
  // Members sit beside `detail`, not under it: renaming a group must not refetch its members.
  members: (accountId: string, groupId: string) => [...userGroupKeys.all(accountId), 'members', groupId] as const,
  memberList: (accountId: string, groupId: string, params: GroupMemberListParams) =>
    [...userGroupKeys.members(accountId, groupId), 'list', params] as const,
  memberIds: (accountId: string, groupId: string) => [...userGroupKeys.members(accountId, groupId), 'all'] as const,
  member: (accountId: string, groupId: string, memberId: string) =>
    [...userGroupKeys.members(accountId, groupId), 'detail', memberId] as const,
  // Beside `lists`, not under it: list updaters expect one page's shape, this holds every group.
  allPages: (accountId: string) => [...userGroupKeys.all(accountId), 'all-pages'] as const,
};

/** One page of user groups with its result_info (total count for pagination). */
export function userGroupsQuery(accountId: string, params: UserGroupListParams) {
  return queryOptions({
    queryKey: userGroupKeys.list(accountId, params),
    queryFn: () => listUserGroups(accountId, params),
    placeholderData: keepPreviousData,
  });
}

export function userGroupQuery(accountId: string, id: string) {
  return queryOptions({
    queryKey: userGroupKeys.detail(accountId, id),
    queryFn: async () => (await getUserGroup(accountId, id)).result,
  });
}

/** One page of a group's members; result_info.total_count is the group's size. */
export function groupMembersQuery(accountId: string, groupId: string, params: GroupMemberListParams) {
  return queryOptions({
    queryKey: userGroupKeys.memberList(accountId, groupId, params),
    queryFn: () => listGroupMembers(accountId, groupId, params),
    placeholderData: keepPreviousData,
  });
}

export function groupMemberQuery(accountId: string, groupId: string, memberId: string) {
  return queryOptions({
    queryKey: userGroupKeys.member(accountId, groupId, memberId),
    queryFn: async () => (await getGroupMember(accountId, groupId, memberId)).result,
  });
}

/** The largest page the members list serves (published schema: per_page 1–500). */
const MEMBERS_PAGE_MAX = 500;

/**
 * Every member of a group, paged at the maximum size. Previews (paste, replace, picker) need the
 * whole membership to say who is already in; a group of 5,000 costs ten requests.
 */
export function groupMembersAllQuery(accountId: string, groupId: string) {
  return queryOptions({
    queryKey: userGroupKeys.memberIds(accountId, groupId),
    queryFn: async ({ signal }): Promise<GroupMember[]> => {
      const out: GroupMember[] = [];
      for (let page = 1; ; page++) {
        const { result, resultInfo } = await listGroupMembers(accountId, groupId, { page, per_page: MEMBERS_PAGE_MAX }, signal);
        out.push(...result);
        const total = resultInfo?.total_count;
        // Stop on a short or empty page too: a server without total_count must not loop forever.
        if (result.length < MEMBERS_PAGE_MAX || (total !== undefined && out.length >= total)) return out;
      }
    },
    staleTime: 0,
  });
}

/** The largest page the user groups list serves (published schema: per_page 1–500). */
const USER_GROUPS_PAGE_MAX = 500;
const PARALLEL_PAGES = 4;

/**
 * Every user group of the account with its policies, for reverse lookups the API lacks ("which
 * policies use this permission group / resource group"). Page 1 gives the total; the rest load
 * a few at a time. Always refetched on use, since a stale answer would hide a reference.
 */
export function allUserGroupsQuery(accountId: string) {
  return queryOptions({
    queryKey: userGroupKeys.allPages(accountId),
    queryFn: async (): Promise<UserGroup[]> => {
      const first = await listUserGroups(accountId, { page: 1, per_page: USER_GROUPS_PAGE_MAX });
      const out = [...first.result];
      // A short page is the last one, whatever a total says (a generated or stale total_count
      // would otherwise send thousands of requests).
      if (first.result.length < USER_GROUPS_PAGE_MAX) return out;
      const total = first.resultInfo?.total_count;
      if (total === undefined) {
        // No total: walk pages until a short one, so a server without total_count still ends.
        for (let page = 2, last = first.result.length; last === USER_GROUPS_PAGE_MAX; page++) {
          const { result } = await listUserGroups(accountId, { page, per_page: USER_GROUPS_PAGE_MAX });
          out.push(...result);
          last = result.length;
        }
        return out;
      }
      const pages = Math.ceil(total / USER_GROUPS_PAGE_MAX);
      for (let start = 2; start <= pages; start += PARALLEL_PAGES) {
        const batch = Array.from({ length: Math.min(PARALLEL_PAGES, pages - start + 1) }, (_, i) =>
          listUserGroups(accountId, { page: start + i, per_page: USER_GROUPS_PAGE_MAX }),
        );
        const results = await Promise.all(batch);
        for (const { result } of results) out.push(...result);
        if (results.some(({ result }) => result.length < USER_GROUPS_PAGE_MAX)) break;
      }
      return out;
    },
    staleTime: 0,
  });
}
