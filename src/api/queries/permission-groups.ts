import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { getPermissionGroup, listPermissionGroups, type PageParams } from '../endpoints/iam';

export type PermissionGroupListParams = PageParams & { id?: string; name?: string; label?: string };

export const permissionGroupKeys = {
  all: (accountId: string) => ['accounts', accountId, 'permission-groups'] as const,
  list: (accountId: string, params: PermissionGroupListParams) => [...permissionGroupKeys.all(accountId), 'list', params] as const,
  detail: (accountId: string, id: string) => [...permissionGroupKeys.all(accountId), 'detail', id] as const,
};

export function permissionGroupsQuery(accountId: string, params: PermissionGroupListParams) {
  return queryOptions({
    queryKey: permissionGroupKeys.list(accountId, params),
    queryFn: () => listPermissionGroups(accountId, params),
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000, // Cloudflare's catalogue changes rarely
  });
}

export function permissionGroupQuery(accountId: string, id: string) {
  return queryOptions({
    queryKey: permissionGroupKeys.detail(accountId, id),
    queryFn: async () => (await getPermissionGroup(accountId, id)).result,
    staleTime: 10 * 60_000,
  });
}
