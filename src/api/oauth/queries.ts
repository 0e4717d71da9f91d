import { queryOptions } from '@tanstack/react-query';
import { backedOffPollMs } from '@/lib/poll-backoff';
import { getOAuthClient, listOAuthClients, listOAuthScopes } from './endpoints';

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

/** Client-URI verification moves on its own (pending → in_progress → verified/failed): poll while it does, slower as it lasts. */
const VERIFICATION_POLL_MS = 1500;
/**
 * A private client can be changed elsewhere (another tab, a colleague, the API) while its
 * going-public checklist is open: look again now and then, and whenever the admin comes back.
 * Four requests a minute, well inside the rate limit.
 */
const PRIVATE_CLIENT_POLL_MS = 15_000;

/** The detail as the checklist needs it: never older than a visit away, and refreshed while anything can move. */
export function oauthClientLiveQuery(accountId: string, clientId: string) {
  return queryOptions({
    ...oauthClientQuery(accountId, clientId),
    staleTime: 0,
    refetchOnWindowFocus: 'always',
    refetchInterval: (query) => {
      const status = query.state.data?.client_uri_verification?.status;
      if (status === 'pending' || status === 'in_progress') return backedOffPollMs(query.state.dataUpdateCount, VERIFICATION_POLL_MS);
      return query.state.data?.visibility === 'public' ? false : PRIVATE_CLIENT_POLL_MS;
    },
  });
}
