import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { historyPageSchema, type HistoryPage } from './schema';
import { consoleRequest } from '../client';
import { verificationStartedAt } from '@/lib/verification-window';

/**
 * The console's change journal (/console-api/history): its own writes plus the account audit log,
 * one timeline. Plain JSON like the other /console-api calls, not the Cloudflare envelope.
 */
export interface HistoryFilters {
  resource_type?: string;
  resource_id?: string;
  actor?: string;
  action?: string;
  since?: string;
  before?: string;
  page?: number;
  per_page?: number;
  /** Continues a page the server's size cap cut short. */
  cursor?: string;
}

export function historyQueryString(accountId: string, filters: HistoryFilters): string {
  const params = new URLSearchParams({ account_id: accountId });
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(key, String(value));
  return params.toString();
}

export function fetchHistory(accountId: string, filters: HistoryFilters, signal?: AbortSignal): Promise<HistoryPage> {
  return consoleRequest(`/console-api/history?${historyQueryString(accountId, filters)}`, { schema: historyPageSchema, signal });
}

/** The export is a download: a link to this URL, never fetched into the page. */
export function historyExportUrl(accountId: string, filters: HistoryFilters): string {
  const { page: _page, per_page: _perPage, cursor: _cursor, ...rest } = filters;
  return `/console-api/history/export?${historyQueryString(accountId, rest)}`;
}

export const historyKeys = {
  all: (accountId: string) => ['accounts', accountId, 'history'] as const,
  list: (accountId: string, filters: HistoryFilters) => [...historyKeys.all(accountId), 'list', filters] as const,
};

export function historyQuery(accountId: string, filters: HistoryFilters) {
  // Asked again on every view: the point is to see changes made elsewhere too. The second of
  // freshness is for the route's prefetch, so the page that mounts just after it does not ask twice.
  return queryOptions({
    queryKey: historyKeys.list(accountId, filters),
    queryFn: ({ signal }) => fetchHistory(accountId, filters, signal),
    staleTime: 1_000,
    placeholderData: keepPreviousData,
  });
}

/** The latest change to one resource (the composer's conflict banner names who and when). */
export function latestChangeQuery(accountId: string, resourceType: string, resourceId: string) {
  return queryOptions({
    queryKey: [...historyKeys.all(accountId), 'latest', resourceType, resourceId] as const,
    queryFn: async ({ signal }) => (await fetchHistory(accountId, { resource_type: resourceType, resource_id: resourceId, per_page: 5 }, signal)).entries.find((e) => e.result.success) ?? null,
    staleTime: 0,
    retry: false,
  });
}

/**
 * When the verification in flight on a resource began, from its History (an SSO connector's or an
 * OAuth client URI's). Keyed by the status, so a new start (awaiting or failed → pending) is asked again.
 */
export function verificationStartQuery(accountId: string, resourceType: 'sso_connector' | 'oauth_client', resourceId: string, status: string | null) {
  return queryOptions({
    queryKey: [...historyKeys.all(accountId), 'verification-start', resourceType, resourceId, status] as const,
    queryFn: async ({ signal }) => verificationStartedAt((await fetchHistory(accountId, { resource_type: resourceType, resource_id: resourceId, per_page: 25 }, signal)).entries),
    staleTime: 60_000,
    retry: false,
  });
}
