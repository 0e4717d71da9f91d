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

interface Envelope<T> {
  success?: boolean;
  result?: T;
  result_info?: { page?: number; per_page?: number; total_count?: number; count?: number };
  errors?: Array<{ code: number; message: string }>;
}

/**
 * `budget`: the console's one request budget (../budget.ts). Each read is counted in it, and one
 * that would risk the account's lockout is not sent: it throws BudgetRefused.
 */
export function createApiReader(fetchApi: ApiFetch, budget?: Pick<RequestBudget, 'spendForView'>) {
  let requests = 0;
  async function get<T>(path: string, query: Record<string, string | number> = {}): Promise<Envelope<T>> {
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
    budget?.spendForView();
    requests += 1;
    await nextTurn();
    const response = await fetchApi(qs ? `${path}?${qs}` : path);
    const body = (await response.json().catch(() => null)) as Envelope<T> | null;
    if (!response.ok || !body?.success) throw new ApiReadError(response.status, body?.errors ?? [], path);
    return body;
  }
  /** Every page of a list, stopping on a short page too (a server without total_count must end). */
  async function all<T>(path: string, perPage: number, query: Record<string, string | number> = {}): Promise<T[]> {
    const out: T[] = [];
    for (let page = 1; ; page++) {
      const body = await get<T[]>(path, { ...query, page, per_page: perPage });
      const items = body.result ?? [];
      out.push(...items);
      const total = body.result_info?.total_count;
      if (items.length < perPage || (total !== undefined && out.length >= total)) return out;
    }
  }
  return { get, all, requests: () => requests };
}

export type ApiReader = ReturnType<typeof createApiReader>;
