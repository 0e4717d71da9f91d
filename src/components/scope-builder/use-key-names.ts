import { useSuspenseQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { accountsQuery } from '@/api/accounts/queries';
import { zoneIdsOf, type KeyNames, type ScopeLike } from '@/lib/scope-keys';
import { useAccountId } from '@/stores/current-account';
import { useZoneNames } from '../zones/use-zone-names';

/**
 * What it takes to show "Account Acme Corp" and "acme.com" instead of keys: the current account's
 * id and name, and the domains of the zones the given scopes name (one batched lookup).
 */
export function useKeyNames(scopes: Iterable<ScopeLike> = []): Required<KeyNames> {
  const accountId = useAccountId();
  const { data: accounts } = useSuspenseQuery(accountsQuery); // loaded by the root route
  const zone = useZoneNames(accountId, zoneIdsOf(scopes));
  const accountName = accounts.find((a) => a.id === accountId)?.name ?? accountId;
  return useMemo(() => ({ accountId, accountName, zone }), [accountId, accountName, zone]);
}
