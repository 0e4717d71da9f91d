import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { isApiError, type ApiError } from '../api-error';
import { getAccount } from './endpoints';
import { accountKeys, accountsQuery, consoleModeQuery } from './queries';

/** Cloudflare identifiers (accounts, groups, connectors, clients): 32 lower-case hex characters. */
export const ID_PATTERN = /^[0-9a-f]{32}$/;

export type AccountUnreachableReason = 'malformed' | 'unreachable' | 'pinned';

/** The account named in the URL is not one this console can work in; the shell says why. */
export class AccountUnreachableError extends Error {
  constructor(
    readonly accountId: string,
    readonly reason: AccountUnreachableReason,
    /** The API's own answer, when it was asked (an account not in the first page of the list). */
    readonly apiError: ApiError | null = null,
    /** In live mode with CLOUDFLARE_ACCOUNT_ID: the one account the server works in. */
    readonly pinnedAccountId: string | null = null,
  ) {
    super(`Account ${accountId} is not reachable (${reason})`);
    this.name = 'AccountUnreachableError';
  }
}

export function isAccountUnreachable(error: unknown): error is AccountUnreachableError {
  return error instanceof AccountUnreachableError;
}

/** One account by id: only asked for when the id is not in the (first page of the) accounts list. */
function accountQuery(accountId: string) {
  return queryOptions({
    queryKey: [...accountKeys.all, accountId, 'detail'],
    queryFn: () => getAccount(accountId).then((r) => r.result),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Throws unless the URL's account id is well-formed: checked before any request is made. */
export function assertAccountIdShape(accountId: string): void {
  if (!ID_PATTERN.test(accountId)) throw new AccountUnreachableError(accountId, 'malformed');
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
