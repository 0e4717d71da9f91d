import { queryOptions } from '@tanstack/react-query';
import { getSsoConnector, listSsoConnectors } from './endpoints';

export const ssoKeys = {
  all: (accountId: string) => ['accounts', accountId, 'sso-connectors'] as const,
  list: (accountId: string) => [...ssoKeys.all(accountId), 'list'] as const,
  detail: (accountId: string, id: string) => [...ssoKeys.all(accountId), 'detail', id] as const,
};

export function ssoConnectorsQuery(accountId: string) {
  return queryOptions({ queryKey: ssoKeys.list(accountId), queryFn: async () => (await listSsoConnectors(accountId)).result });
}

export function ssoConnectorQuery(accountId: string, id: string) {
  return queryOptions({ queryKey: ssoKeys.detail(accountId, id), queryFn: async () => (await getSsoConnector(accountId, id)).result });
}
