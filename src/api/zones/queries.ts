import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import { listZones } from './endpoints';
import type { Zone } from './schema';

/** The largest page GET /zones serves: the fewest requests to walk an account's zones. */
export const ZONE_PAGE_SIZE = 50;
/** Zones change rarely and never through this console. */
const ZONES_STALE_MS = 5 * 60_000;

export interface ZonePage {
  zones: Zone[];
  totalPages: number;
  /** How many zones matched in all (the page holds at most ZONE_PAGE_SIZE). */
  totalCount: number;
}

export const zoneKeys = {
  /** Every cached page of zones (the account's pages and searches): all shaped as ZonePage. */
  pages: (accountId: string) => ['accounts', accountId, 'zones'] as const,
  page: (accountId: string, page: number) => [...zoneKeys.pages(accountId), 'page', page] as const,
  search: (accountId: string, text: string) => [...zoneKeys.pages(accountId), 'search', text] as const,
  lookup: (accountId: string, ids: readonly string[]) => ['accounts', accountId, 'zone-lookup', ids.join(',')] as const,
};

async function fetchPage(accountId: string, page: number, name: string | undefined, signal?: AbortSignal): Promise<ZonePage> {
  const { result, resultInfo } = await listZones({ accountId, name, page, per_page: ZONE_PAGE_SIZE }, signal);
  return {
    zones: result,
    totalPages: resultInfo?.total_pages ?? (result.length < ZONE_PAGE_SIZE ? page : page + 1),
    totalCount: resultInfo?.total_count ?? result.length,
  };
}

/** One page of the account's zones by name: what the name lookups walk. */
export function zonePageQuery(accountId: string, page: number) {
  return queryOptions({
    queryKey: zoneKeys.page(accountId, page),
    queryFn: ({ signal }) => fetchPage(accountId, page, undefined, signal),
    staleTime: ZONES_STALE_MS,
  });
}

/** The picker's server-side search: the first page of zones whose name contains `text`. */
export function zoneSearchQuery(accountId: string, text: string) {
  const trimmed = text.trim().toLowerCase();
  return queryOptions({
    queryKey: zoneKeys.search(accountId, trimmed),
    queryFn: ({ signal }) => fetchPage(accountId, 1, trimmed ? `contains:${trimmed}` : undefined, signal),
    staleTime: ZONES_STALE_MS,
    placeholderData: keepPreviousData,
  });
}

export type ZoneLookup =
  | { state: 'found'; zone: Zone }
  /** Not among the zones this credential sees in this account (deleted, another account's, or a typo). */
  | { state: 'missing' }
  /** The zone list could not be read (e.g. a token without Zone Read): the id is all there is. */
  | { state: 'unavailable'; message: string };

/**
 * Names zones by id. The API has no "these ids" filter, so it reads the account's zone list page
 * by page (50 a page, cached) and stops as soon as every id is found; zones already seen on any
 * cached page or search answer first. So a view names all its zones with one request per page
 * of zones, never one per zone, and a second view asking again costs nothing.
 */
export async function resolveZones(qc: QueryClient, accountId: string, ids: readonly string[]): Promise<Record<string, ZoneLookup>> {
  const out: Record<string, ZoneLookup> = {};
  const wanted = new Set(ids);
  const take = (zones: Zone[]) => {
    for (const zone of zones) {
      if (wanted.delete(zone.id)) out[zone.id] = { state: 'found', zone };
    }
  };
  for (const [, page] of qc.getQueriesData<ZonePage>({ queryKey: zoneKeys.pages(accountId) })) if (page) take(page.zones);
  for (let n = 1; wanted.size > 0; n++) {
    const page = await qc.fetchQuery(zonePageQuery(accountId, n));
    take(page.zones);
    if (n >= page.totalPages || page.zones.length === 0) break;
  }
  for (const id of wanted) out[id] = { state: 'missing' };
  return out;
}

/** The names of a set of zones (ids sorted, so the same set is one cache entry). */
export function zoneLookupQuery(qc: QueryClient, accountId: string, ids: readonly string[]) {
  return queryOptions({
    queryKey: zoneKeys.lookup(accountId, ids),
    queryFn: () => resolveZones(qc, accountId, ids),
    staleTime: ZONES_STALE_MS,
    // Adding a zone to a draft keeps the names already shown while the new one is looked up.
    placeholderData: keepPreviousData,
  });
}

/**
 * For a route loader whose view names zones: starts reading the first page of zones alongside the
 * view's own data, so the names arrive in the same wave instead of after it. Never awaited: a slow
 * or refused zone list must not hold the page.
 */
export function prefetchZoneNames(qc: QueryClient, accountId: string): void {
  void qc.prefetchQuery(zonePageQuery(accountId, 1));
}
