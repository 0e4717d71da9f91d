import type { ResultInfo } from '../http/envelope.ts';

export interface PageRequest {
  page: number;
  per_page: number;
}

export function offsetOf({ page, per_page }: PageRequest): number {
  return (page - 1) * per_page;
}

/** A page past the last answers an empty result, never an error: the SDKs stop paginating on it. */
export function resultInfo(request: PageRequest, count: number, totalCount: number): ResultInfo {
  return {
    page: request.page,
    per_page: request.per_page,
    count,
    total_count: totalCount,
    total_pages: Math.max(1, Math.ceil(totalCount / request.per_page)),
  };
}
