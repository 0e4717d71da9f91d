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
  /** result_info.total_count: how many the whole list holds, when the answer says. */
  totalCount: number | null;
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

/** How a write went: what the caller needs to close, retry or report it. */
export interface V4WriteAnswer {
  status: number;
  /** A 2xx answer whose envelope says success. */
  succeeded: boolean;
  /** The envelope's error messages, joined, or the HTTP status. */
  message: string;
  /** A 429's Retry-After, in seconds, when it gave one. */
  retryAfterSeconds: number | null;
}

interface Envelope {
  success?: boolean;
  result?: unknown;
  detail?: string;
  errors?: Array<{ message?: string }>;
  result_info?: { total_pages?: number; total_count?: number; per_page?: number };
}

const url = (path: string, query: Record<string, string | number> = {}) => {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return `http://console.internal/client/v4${path}${search ? `?${search}` : ''}`;
};

export function createV4Client(handle: V4Handler, budget: RequestBudget) {
  /** One call: a network failure is thrown as status 0; the answer is counted by the budget. */
  async function call(request: Request): Promise<{ response: Response; body: Envelope | null }> {
    let response: Response;
    try {
      response = await handle(request);
    } catch (error) {
      throw new V4CallFailed(0, error instanceof Error ? error.message : 'network failure');
    }
    budget.observe(response);
    return { response, body: (await response.json().catch(() => null)) as Envelope | null };
  }

  return {
    /**
     * GETs one page of a list, its items parsed by `item` (src/api/<resource>/schema.ts: either API era, one
     * model; `result: null`, today's empty members list, reads as no items). The caller has
     * already had the budget's say (budget.trySpend()).
     */
    async get<S extends z.ZodMiniType>(path: string, item: S, query: Record<string, string | number> = {}): Promise<V4Page<z.infer<S>>> {
      const { response, body } = await call(new Request(url(path, query)));
      if (!response.ok || !body?.success) {
        throw new V4CallFailed(response.status, body?.errors?.[0]?.message ?? `HTTP ${response.status}`);
      }
      const items = listOf(item).safeParse(body.result);
      if (!items.success) throw new V4CallFailed(502, `Unexpected response shape from ${path}: ${z.prettifyError(items.error)}`);
      const info = body.result_info;
      const totalPages =
        info?.total_pages ?? (info?.total_count !== undefined && info.per_page ? Math.ceil(info.total_count / info.per_page) : null);
      return { result: items.data as Array<z.infer<S>>, totalPages, totalCount: info?.total_count ?? null };
    },
    /** GETs a single object in Cloudflare's envelope (a member's or a group's details). */
    async getOne<S extends z.ZodMiniType>(path: string, schema: S): Promise<z.infer<S>> {
      const envelope = (await this.getJson(path)) as Envelope | null;
      if (!envelope?.success) throw new V4CallFailed(502, envelope?.errors?.[0]?.message ?? `Unexpected answer from ${path}`);
      const parsed = schema.safeParse(envelope.result);
      if (!parsed.success) throw new V4CallFailed(502, `Unexpected response shape from ${path}: ${z.prettifyError(parsed.error)}`);
      return parsed.data as z.infer<S>;
    },
    /**
     * GETs any JSON answer as it comes (SCIM answers are not in Cloudflare's envelope); a non-2xx
     * status is thrown with the answer's own message (`detail` for SCIM, `errors[0]` otherwise).
     */
    async getJson(path: string, query: Record<string, string | number> = {}): Promise<unknown> {
      const { response, body } = await call(new Request(url(path, query)));
      if (!response.ok) throw new V4CallFailed(response.status, body?.detail ?? body?.errors?.[0]?.message ?? `HTTP ${response.status}`);
      return body;
    },
    /**
     * Sends a write without a body (the removals of ended access and of applied reviews) and says
     * how it went, refusals included; only a network failure is thrown. The caller has had the
     * budget's say.
     */
    async send(path: string, method: 'DELETE'): Promise<V4WriteAnswer> {
      const { response, body } = await call(new Request(url(path), { method }));
      const retryAfter = Number(response.headers.get('retry-after'));
      return {
        status: response.status,
        succeeded: response.ok && body?.success === true,
        message: body?.errors?.map((e) => e.message).join('; ') || `HTTP ${response.status}`,
        retryAfterSeconds: response.status === 429 && retryAfter > 0 ? retryAfter : null,
      };
    },
  };
}

export type V4Client = ReturnType<typeof createV4Client>;
