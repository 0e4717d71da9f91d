import { useSuspenseQuery } from '@tanstack/react-query';
import { accountsQuery } from '../../api/queries/accounts';
import type { KeyNames } from '../../lib/scope-keys';
import { useAccountId } from '../../stores/current-account';

/**
 * What it takes to show "Account Acme Corp" instead of a key: the current account's id and name.
 * Kept apart from ScopeBuilder, which takes them as props and fetches nothing itself.
 */
export function useKeyNames(): Required<KeyNames> {
  const accountId = useAccountId();
  const { data: accounts } = useSuspenseQuery(accountsQuery); // loaded by the root route
  return { accountId, accountName: accounts.find((a) => a.id === accountId)?.name ?? accountId };
}
