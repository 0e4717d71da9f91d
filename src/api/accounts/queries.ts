import { queryOptions, type QueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { consoleRequest } from '../client';
import type { AccountMemberListParams } from '../account-members/endpoints';
import { listAccounts } from './endpoints';
import type { Account } from './schema';
import { noteLockout } from '../request-budget';
import { usePreferences } from '@/stores/preferences';

export const accountKeys = {
  all: ['accounts'] as const,
  list: () => [...accountKeys.all, 'list'] as const,
  members: (accountId: string) => [...accountKeys.all, accountId, 'members'] as const,
  memberList: (accountId: string, params: AccountMemberListParams) => [...accountKeys.members(accountId), 'list', params] as const,
};

const modeSchema = z.object({
  mode: z.enum(['sandbox', 'live']),
  accountId: z.nullable(z.string()),
  /** Team mode: the admin Cloudflare Access signed in; null (or absent, older server) on a local console. */
  signedInAs: z.optional(z.nullable(z.string())),
  /** Seconds left of a rate-limit lockout the server saw (it sees every answer); null when none. */
  lockoutSeconds: z.optional(z.nullable(z.number())),
  /** Live mode: what the server's start-up check learned of its credential (absent from an older server). */
  credential: z.optional(z.nullable(z.object({ status: z.string(), message: z.string() }))),
});
export type ConsoleMode = z.infer<typeof modeSchema>;

/** Cloudflare's reason when it refused the server's credential itself at start; null otherwise. */
export function credentialRefusal(mode: ConsoleMode | undefined): string | null {
  return mode?.credential?.status === 'refused' ? mode.credential.message : null;
}

/** Which backend the server talks to; fixed for the life of the server process. */
export const consoleModeQuery = queryOptions({
  queryKey: ['console-mode'],
  // A refusal (live mode without the session cookie) comes in the envelope: ApiError carries its message.
  queryFn: async ({ signal }): Promise<ConsoleMode> => {
    const mode = await consoleRequest('/console-api/mode', { schema: modeSchema, signal });
    // A new tab during a lockout: the banner and every error count down from here, and no call
    // is sent that would only be refused.
    if (mode.lockoutSeconds) noteLockout(mode.lockoutSeconds);
    return mode;
  },
  staleTime: Infinity,
});

export const accountsQuery = queryOptions({
  queryKey: accountKeys.list(),
  queryFn: async () => (await listAccounts({ per_page: 50 })).result,
  staleTime: 5 * 60_000,
});

/**
 * The account to open when the URL names none (an old link, the home page): the pinned one in
 * live mode, else the admin's last choice when it is still reachable, else the first account.
 */
export function pickAccountId(mode: ConsoleMode, accounts: Account[], preferred: string | null): string | null {
  return mode.accountId ?? accounts.find((a) => a.id === preferred)?.id ?? accounts[0]?.id ?? null;
}

export async function resolveAccountId(queryClient: QueryClient): Promise<string> {
  const [mode, accounts] = await Promise.all([
    queryClient.ensureQueryData(consoleModeQuery),
    queryClient.ensureQueryData(accountsQuery),
  ]);
  const chosen = pickAccountId(mode, accounts, usePreferences.getState().accountId);
  if (!chosen) throw new Error('This credential cannot reach any account.');
  return chosen;
}
