import { request } from '../client';
import { listOf } from '../common-schema';
import { zoneSchema } from './schema';

export interface ZoneListParams {
  /** Only this account's zones (the credential may see zones of several). */
  accountId: string;
  /** The API's operator syntax, e.g. `contains:acme`. */
  name?: string;
  page?: number;
  /** 5–50. */
  per_page?: number;
}

/** GET /zones: the credential's zones, filtered to one account, by name. */
export function listZones({ accountId, name, page, per_page }: ZoneListParams, signal?: AbortSignal) {
  return request('/zones', {
    query: { 'account.id': accountId, name, page, per_page, order: 'name', direction: 'asc' },
    schema: listOf(zoneSchema),
    signal,
  });
}
