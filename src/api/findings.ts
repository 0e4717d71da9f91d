import { queryOptions } from '@tanstack/react-query';
import type { Finding } from '../lib/analyzer/finding';
import { ApiError, type ApiErrorDetail } from './api-error';
import { CONSOLE_HEADER } from './client';

/**
 * The console server's findings (/console-api/accounts/:id/…), computed on the server from lists
 * and the membership index: the browser makes one request, not one per group or member.
 */

export interface FindingWithDismissal extends Finding {
  dismissal: { reason: string; dismissed_at: string } | null;
}

export interface FindingsResponse {
  findings: FindingWithDismissal[];
  open_count: number;
  computed_at: string;
  memberships: { source: string; as_of: string | null };
  zones_known: boolean;
  /** `requests`: what the computation cost; `reused`: this answer is an earlier computation the audit log showed unchanged. */
  stats: { requests: number; total_ms: number; analyze_ms: number; reused: boolean };
  /** Set when the account was not read again because Cloudflare's quota is nearly spent or a 429 came back: the answer is the kept computation. */
  held: { reason: string; message: string; resumes_in_seconds: number } | null;
}

export async function consoleCall<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`/console-api${path}`, {
    credentials: 'same-origin',
    ...init,
    headers: { Accept: 'application/json', ...CONSOLE_HEADER, ...(init?.body ? { 'Content-Type': 'application/json' } : {}), ...init?.headers },
  }).catch(() => {
    throw new ApiError({ status: 0, kind: 'network', errors: [{ code: 0, message: 'Could not reach the console server.' }] });
  });
  const body = (await response.json().catch(() => null)) as (T & { errors?: ApiErrorDetail[] }) | null;
  if (!response.ok || !body) {
    throw new ApiError({ status: response.status, kind: 'api', errors: body?.errors?.length ? body.errors : [{ code: 0, message: `The console server answered ${response.status}` }] });
  }
  return body;
}

export const findingsKeys = {
  all: (accountId: string) => ['findings', accountId] as const,
};

/** `fresh`: read the account again even when the server would reuse its last computation. */
export function fetchFindings(accountId: string, { fresh = false } = {}) {
  return consoleCall<FindingsResponse>(`/accounts/${encodeURIComponent(accountId)}/findings${fresh ? '?fresh=1' : ''}`);
}

export function findingsQuery(accountId: string) {
  return queryOptions({
    queryKey: findingsKeys.all(accountId),
    queryFn: () => fetchFindings(accountId),
    staleTime: 30_000,
  });
}

