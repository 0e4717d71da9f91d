import { queryOptions } from '@tanstack/react-query';
import { getResourceGroup, listResourceGroups } from './endpoints';

export const resourceGroupKeys = {
  all: (accountId: string) => ['accounts', accountId, 'resource-groups'] as const,
  list: (accountId: string) => [...resourceGroupKeys.all(accountId), 'list'] as const,
  detail: (accountId: string, id: string) => [...resourceGroupKeys.all(accountId), 'detail', id] as const,
};

/** The API does not paginate resource groups: one request holds them all, searched client-side. */
export function resourceGroupsQuery(accountId: string) {
  return queryOptions({
    queryKey: resourceGroupKeys.list(accountId),
    queryFn: async () => (await listResourceGroups(accountId)).result,
  });
}

export function resourceGroupQuery(accountId: string, id: string) {
  return queryOptions({
    queryKey: resourceGroupKeys.detail(accountId, id),
    queryFn: async () => (await getResourceGroup(accountId, id)).result,
  });
}
