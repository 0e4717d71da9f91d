import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { getUserGroup, listUserGroups, type UserGroupListParams } from '../endpoints/iam';

export const userGroupKeys = {
  all: (accountId: string) => ['accounts', accountId, 'user-groups'] as const,
  lists: (accountId: string) => [...userGroupKeys.all(accountId), 'list'] as const,
  list: (accountId: string, params: UserGroupListParams) => [...userGroupKeys.lists(accountId), params] as const,
  detail: (accountId: string, id: string) => [...userGroupKeys.all(accountId), 'detail', id] as const,
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
