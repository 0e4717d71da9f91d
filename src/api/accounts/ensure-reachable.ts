import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api-error';
import { getAccount } from './endpoints';
import { accountKeys, accountsQuery, consoleModeQuery } from './queries';
import { AccountUnreachableError } from './reachable';

// The account route's loader (in its own chunk); ./reachable.ts keeps what the first load checks.

/** One account by id: only asked for when the id is not in the (first page of the) accounts list. */
function accountQuery(accountId: string) {
  return queryOptions({
    queryKey: [...accountKeys.all, accountId, 'detail'],
    queryFn: () => getAccount(accountId).then((r) => r.result),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/**
 * Resolves when the credential reaches `accountId`; throws AccountUnreachableError otherwise.
 * It reads the same cached list the shell shows, so on a cold load it runs alongside the page's
 * own requests instead of before them.
 */
export async function ensureAccountReachable(queryClient: QueryClient, accountId: string): Promise<void> {
  const [mode, accounts] = await Promise.all([
    queryClient.ensureQueryData(consoleModeQuery),
    queryClient.ensureQueryData(accountsQuery),
  ]);
  if (mode.accountId && mode.accountId !== accountId) {
    throw new AccountUnreachableError(accountId, 'pinned', null, mode.accountId);
  }
  if (accounts.some((a) => a.id === accountId)) return;
  // The list holds one page (50); a credential with more accounts may still reach this one.
  try {
    await queryClient.ensureQueryData(accountQuery(accountId));
  } catch (error) {
    if (isApiError(error) && !error.isTransient) throw new AccountUnreachableError(accountId, 'unreachable', error);
    throw error;
  }
}
