import type { ApiError } from '../api-error';

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

/** Throws unless the URL's account id is well-formed: checked before any request is made. */
export function assertAccountIdShape(accountId: string): void {
  if (!ID_PATTERN.test(accountId)) throw new AccountUnreachableError(accountId, 'malformed');
}
