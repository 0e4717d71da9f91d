import type { APIRequestContext } from '@playwright/test';

/** The default sandbox account (the seeds' example id). */
export const ACCOUNT_ID = '023e105f4ecef8ad9ca31a8372d0c353';

/** A console page of an account: every resource page lives under /accounts/<id>/. */
export function accountPath(path: string, accountId: string = ACCOUNT_ID): string {
  return `/accounts/${accountId}${path}`;
}

export interface CfMessage {
  code: number;
  message: string;
  source?: { pointer?: string };
}

export interface ResultInfo {
  page: number;
  per_page: number;
  count: number;
  total_count: number;
  total_pages: number;
}

/** The Cloudflare envelope, plus the HTTP status it came with. */
export interface ApiResponse<T = any> {
  status: number;
  success: boolean;
  errors: CfMessage[];
  messages: unknown[];
  result: T;
  result_info?: ResultInfo;
}

export type Query = Record<string, string | number | boolean | undefined>;

/**
 * A small client for the sandbox API, used to set up state and to check what the API holds
 * after the UI acted. Paths are relative to /client/v4, e.g. `/accounts/${ACCOUNT_ID}/iam/user_groups`.
 */
export interface SandboxApi {
  get<T = any>(path: string, query?: Query): Promise<ApiResponse<T>>;
  post<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  put<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  patch<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  delete<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>>;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

export function createSandboxApi(request: APIRequestContext): SandboxApi {
  async function call<T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const url = `/client/v4${path.startsWith('/') ? path : `/${path}`}`;
    const res = await request.fetch(url, {
      method,
      headers: { authorization: 'Bearer e2e', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      data: body === undefined ? undefined : JSON.stringify(body),
      failOnStatusCode: false,
      // A reset connection before any answer (wrangler dev's local proxy dropped one GET once in a
      // Workers CI run) is retried for reads only: a write must never be sent twice by a test.
      maxRetries: method === 'GET' ? 2 : 0,
    });
    const text = await res.text();
    let envelope: Omit<ApiResponse<T>, 'status'>;
    try {
      envelope = JSON.parse(text);
    } catch {
      throw new Error(`${method} ${url} answered ${res.status()} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
    return { status: res.status(), ...envelope };
  }
  return {
    get: (path, query) => call('GET', withQuery(path, query)),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    patch: (path, body) => call('PATCH', path, body),
    delete: (path, body) => call('DELETE', path, body),
  };
}
