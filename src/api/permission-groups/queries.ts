import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { getPermissionGroup, listPermissionGroups } from './endpoints';
import { type PageParams } from '../iam-request';
import type { PermissionGroup } from './schema';

export type PermissionGroupListParams = PageParams & { id?: string; name?: string; label?: string };

export const permissionGroupKeys = {
  all: (accountId: string) => ['accounts', accountId, 'permission-groups'] as const,
  list: (accountId: string, params: PermissionGroupListParams) => [...permissionGroupKeys.all(accountId), 'list', params] as const,
  detail: (accountId: string, id: string) => [...permissionGroupKeys.all(accountId), 'detail', id] as const,
  // Beside `list`, not under it: list updaters expect one page's shape, this holds the catalogue.
  allPages: (accountId: string) => [...permissionGroupKeys.all(accountId), 'all-pages'] as const,
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

/** The largest page the catalogue serves (published schema: per_page 5–50). */
const PERMISSION_GROUPS_PAGE_MAX = 50;

/**
 * The whole catalogue (a few pages), for pickers that search and group it client-side. Stops on
 * a short or empty page as well as on total_count, so a server without totals still ends.
 */
export function allPermissionGroupsQuery(accountId: string) {
  return queryOptions({
    queryKey: permissionGroupKeys.allPages(accountId),
    queryFn: async (): Promise<PermissionGroup[]> => {
      const out: PermissionGroup[] = [];
      for (let page = 1; ; page++) {
        const { result, resultInfo } = await listPermissionGroups(accountId, { page, per_page: PERMISSION_GROUPS_PAGE_MAX });
        out.push(...result);
        const total = resultInfo?.total_count;
        if (result.length < PERMISSION_GROUPS_PAGE_MAX || (total !== undefined && out.length >= total)) return out;
      }
    },
    staleTime: 10 * 60_000,
  });
}
