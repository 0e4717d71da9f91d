import * as z from 'zod/mini';
import { listOf } from '../../../src/api/common-schema.ts';
import type { RequestBudget } from '../budget.ts';
import { nextTurn } from '../next-turn.ts';

/**
 * Reads /client/v4 for the console's server features the way any client does: same envelope,
 * same pages. `fetchApi` is the one door (the sandbox in sandbox mode, the credentialed proxy in
 * live mode); the reader counts requests so every endpoint can report its cost.
 */
export type ApiFetch = (pathAndQuery: string) => Promise<Response>;

export class ApiReadError extends Error {
  constructor(
    readonly status: number,
    readonly errors: Array<{ code: number; message: string }>,
    path: string,
  ) {
    super(`${path}: ${errors.map((e) => `${e.message} (${e.code})`).join('; ') || `HTTP ${status}`}`);
    this.name = 'ApiReadError';
  }
}

interface Envelope {
  success?: boolean;
  result?: unknown;
  result_info?: { page?: number; per_page?: number; total_count?: number; count?: number } | null;
  errors?: Array<{ code: number; message: string }>;
}

/**
 * `budget`: the console's one request budget (../budget.ts). Each read is counted in it, and one
 * that would risk the account's lockout is not sent: it throws BudgetRefused.
 *
 * Every answer is parsed by the SPA's own boundary (src/api/<resource>/schema.ts): the caller passes the
 * schema, so the server's features work on the same internal model as the dashboard, whichever
 * era of the API answered. An answer that does not parse is an ApiReadError, never a crash later.
 */
export function createApiReader(fetchApi: ApiFetch, budget?: Pick<RequestBudget, 'spendForView'>) {
  let requests = 0;
  async function send(path: string, query: Record<string, string | number>): Promise<Envelope> {
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
    budget?.spendForView();
    requests += 1;
    await nextTurn();
    const response = await fetchApi(qs ? `${path}?${qs}` : path);
    const body = (await response.json().catch(() => null)) as Envelope | null;
    if (!response.ok || !body?.success) throw new ApiReadError(response.status, Array.isArray(body?.errors) ? body.errors : [], path);
    return body;
  }
  function parse<S extends z.ZodMiniType>(schema: S, value: unknown, path: string): z.infer<S> {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      throw new ApiReadError(502, [{ code: 0, message: `Unexpected response shape from ${path}: ${z.prettifyError(parsed.error)}` }], path);
    }
    return parsed.data;
  }
  /** One answer's `result`, parsed by `schema` (a list answer: pass `listOf(item)`). */
  async function get<S extends z.ZodMiniType>(path: string, schema: S, query: Record<string, string | number> = {}): Promise<z.infer<S>> {
    const body = await send(path, query);
    return parse(schema, body.result, path);
  }
  /** Every page of a list, stopping on a short page too (a server without total_count must end). */
  async function all<S extends z.ZodMiniType>(path: string, perPage: number, item: S, query: Record<string, string | number> = {}): Promise<Array<z.infer<S>>> {
    const out: Array<z.infer<S>> = [];
    const list = listOf(item);
    for (let page = 1; ; page++) {
      const body = await send(path, { ...query, page, per_page: perPage });
      const items = parse(list, body.result, path) as Array<z.infer<S>>;
      out.push(...items);
      const total = body.result_info?.total_count;
      if (items.length < perPage || (total !== undefined && out.length >= total)) return out;
    }
  }
  /** How many items a list holds, from its first small page's `result_info` (null: not said). */
  async function count(path: string, perPage = 1): Promise<number | null> {
    const body = await send(path, { page: 1, per_page: perPage });
    return body.result_info?.total_count ?? null;
  }
  return { get, all, count, requests: () => requests };
}

export type ApiReader = ReturnType<typeof createApiReader>;
