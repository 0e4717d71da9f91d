import * as z from 'zod/mini';
import { listOf } from '../../src/api/common-schema.ts';
import type { RequestBudget } from './budget.ts';

/**
 * How the console's server asks /client/v4 on its own: the same handling the dashboard's calls
 * go through (the sandbox, or the proxy to Cloudflare with the server's credential), so sandbox
 * and live mode run the same code and every call is counted by the same rate limit.
 */
export type V4Handler = (request: Request) => Promise<Response>;

export interface V4Page<T> {
  result: T[];
  totalPages: number | null;
}

/** A background call that did not get an answer worth keeping; the caller waits and tries again. */
export class V4CallFailed extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createV4Client(handle: V4Handler, budget: RequestBudget) {
  return {
    /**
     * GETs one page of a list, its items parsed by `item` (src/api/<resource>/schema.ts: either API era, one
     * model; `result: null`, today's empty members list, reads as no items). The caller has
     * already had the budget's say (budget.trySpend()).
     */
    async get<S extends z.ZodMiniType>(path: string, item: S, query: Record<string, string | number> = {}): Promise<V4Page<z.infer<S>>> {
      const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
      let response: Response;
      try {
        response = await handle(new Request(`http://console.internal/client/v4${path}${search ? `?${search}` : ''}`));
      } catch (error) {
        throw new V4CallFailed(0, error instanceof Error ? error.message : 'network failure');
      }
      budget.observe(response);
      const body = (await response.json().catch(() => null)) as {
        success?: boolean;
        result?: unknown;
        errors?: Array<{ message?: string }>;
        result_info?: { total_pages?: number; total_count?: number; per_page?: number };
      } | null;
      if (!response.ok || !body?.success) {
        throw new V4CallFailed(response.status, body?.errors?.[0]?.message ?? `HTTP ${response.status}`);
      }
      const items = listOf(item).safeParse(body.result);
      if (!items.success) throw new V4CallFailed(502, `Unexpected response shape from ${path}: ${z.prettifyError(items.error)}`);
      const info = body.result_info;
      const totalPages =
        info?.total_pages ?? (info?.total_count !== undefined && info.per_page ? Math.ceil(info.total_count / info.per_page) : null);
      return { result: items.data as Array<z.infer<S>>, totalPages };
    },
  };
}

export type V4Client = ReturnType<typeof createV4Client>;
