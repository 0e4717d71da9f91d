import { queryOptions } from '@tanstack/react-query';
import type { Finding } from '../lib/analyzer/finding';
import type { Posture } from '../lib/analyzer/posture';
import * as z from 'zod/mini';
import { consoleRequest } from './client';

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
  /** False while the account is still being read: the findings of the lists read so far, and `pending` names the rest. */
  complete: boolean;
  pending: string[];
  posture: Posture;
}

/** A call to the console server's findings and simulator, through the one client (same ApiError). */
export function consoleCall<T>(path: string, init?: { method?: 'POST' | 'PUT' | 'DELETE'; body?: unknown }): Promise<T> {
  // The answers are the console server's own (server/console/findings/routes.ts), typed by T.
  return consoleRequest(`/console-api${path}`, { schema: z.unknown(), ...init }) as Promise<T>;
}

export const findingsKeys = {
  all: (accountId: string) => ['findings', accountId] as const,
};

/**
 * `fresh`: read the account again even when the server would reuse its last computation.
 * `partial`: answer at once with what the lists read so far show (`complete: false`) rather than
 * wait for the whole account (10 s on 10,000 groups); ask again until complete.
 */
export function fetchFindings(accountId: string, { fresh = false, partial = false } = {}) {
  const query = new URLSearchParams({ ...(fresh ? { fresh: '1' } : {}), ...(partial ? { partial: '1' } : {}) }).toString();
  return consoleCall<FindingsResponse>(`/accounts/${encodeURIComponent(accountId)}/findings${query ? `?${query}` : ''}`);
}

export function findingsQuery(accountId: string) {
  return queryOptions({
    queryKey: findingsKeys.all(accountId),
    queryFn: () => fetchFindings(accountId, { partial: true }),
    staleTime: 30_000,
    // Filling in: asked again until the server has read the whole account.
    refetchInterval: (q) => (q.state.data && !q.state.data.complete ? 1000 : false),
  });
}

