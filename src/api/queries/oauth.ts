import { queryOptions } from '@tanstack/react-query';
import { getOAuthClient, listOAuthClients, listOAuthScopes } from '../endpoints/oauth';

export const oauthClientKeys = {
  all: (accountId: string) => ['accounts', accountId, 'oauth-clients'] as const,
  list: (accountId: string) => [...oauthClientKeys.all(accountId), 'list'] as const,
  detail: (accountId: string, id: string) => [...oauthClientKeys.all(accountId), 'detail', id] as const,
  scopes: () => ['oauth-scopes'] as const,
};

export function oauthClientsQuery(accountId: string) {
  return queryOptions({ queryKey: oauthClientKeys.list(accountId), queryFn: async () => (await listOAuthClients(accountId)).result });
}

export function oauthClientQuery(accountId: string, clientId: string) {
  return queryOptions({
    queryKey: oauthClientKeys.detail(accountId, clientId),
    queryFn: async () => (await getOAuthClient(accountId, clientId)).result,
  });
}

export const oauthScopesQuery = queryOptions({
  queryKey: oauthClientKeys.scopes(),
  queryFn: async () => (await listOAuthScopes()).result,
  staleTime: 10 * 60_000,
});
