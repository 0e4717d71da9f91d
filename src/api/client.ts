import * as z from 'zod/mini';
import { ApiError, type ApiErrorDetail } from './api-error';
import { acquireSlot, lockoutSeconds, observeResponse } from './request-budget';

const messageSchema = z.object({
  code: z.number(),
  message: z.string(),
  source: z.optional(z.object({ pointer: z.optional(z.string()) })),
  documentation_url: z.optional(z.string()),
});

const envelopeSchema = z.object({
  success: z.boolean(),
  errors: z.catch(z.array(messageSchema), []),
  messages: z.optional(z.array(z.unknown())),
  result: z.optional(z.unknown()),
  // Paging facts are a help, never a reason to fail the page: an odd result_info reads as absent.
  result_info: z.catch(
    z.optional(
      z.nullable(
        z.object({
          page: z.optional(z.number()),
          per_page: z.optional(z.number()),
          count: z.optional(z.number()),
          total_count: z.optional(z.number()),
          total_pages: z.optional(z.number()),
        }),
      ),
    ),
    undefined,
  ),
});

export type ResultInfo = NonNullable<z.infer<typeof envelopeSchema>['result_info']>;

export interface ApiResponse<T> {
  result: T;
  resultInfo: ResultInfo | null;
}

/** The header the server requires on every dashboard call (see server/app.ts). */
export const CONSOLE_HEADER = { 'X-IAM-Console': '1' };

type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions<S extends z.ZodMiniType> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Parses `result`; an envelope without `result` (begin_verification) passes `z.undefined()`-like schemas. */
  schema: S;
  signal?: AbortSignal;
  /** Work nobody is waiting for (a poll, a refresh), named for the shell: it yields to the rest and pauses when quota is low. */
  background?: string;
  /** Extra headers for this server only (e.g. the journal's revert marker); never a credential. */
  headers?: Record<string, string>;
  /**
   * The write's id (at most once, server/console/write-once.ts): one per thing the admin meant
   * to do. A write without one gets a new id, so a browser resending it cannot apply it twice.
   */
  writeId?: string;
  /**
   * What this write does, in the admin's words ("Create connector example.com"): named wherever
   * the write is held back before it is sent. Defaults to the call itself.
   */
  label?: string;
}

/** A lost answer that could not be asked about: whether the write was saved is not known. */
export const ANSWER_LOST_UNKNOWN =
  'The answer to this change was lost and the server could not be asked whether it was saved. Reload the page to see the current state before trying again.';

const loadLostWriteRecovery = () => import('./lost-write');

/** The header that carries a write's id to this server (never forwarded to Cloudflare). */
export const WRITE_ID_HEADER = 'X-IAM-Write-Id';

export function newWriteId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/client/v4${path}${search ? `?${search}` : ''}`;
}

function retryAfterSeconds(response: Response): number | null {
  const header = response.headers.get('retry-after');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}

function toDetails(errors: z.infer<typeof messageSchema>[]): ApiErrorDetail[] {
  return errors.map((e) => ({ code: e.code, message: e.message, pointer: e.source?.pointer, ...(e.documentation_url ? { documentationUrl: e.documentation_url } : {}) }));
}

const KEEPALIVE_MAX_BODY = 16 * 1024;

const currentPage = () => (typeof window === 'undefined' ? '' : window.location.pathname);

/**
 * The one way the SPA talks to the API: same origin, envelope parsed, result validated, and
 * within the rate limit (request-budget.ts).
 */
/**
 * Writes in flight, by what they would do (method, path, body). One guard for every write
 * control: a double click, Enter and a click, or a dialog's confirm pressed twice send the same
 * write while the first is still out; the second gets the first's answer instead of a second
 * request, whichever button or form sent it.
 */
const writesInFlight = new Map<string, Promise<ApiResponse<unknown>>>();

export function request<S extends z.ZodMiniType>(path: string, options: RequestOptions<S>): Promise<ApiResponse<z.infer<S>>> {
  const method = options.method ?? 'GET';
  if (method === 'GET') return requestOnce(path, options);
  const key = `${method} ${path}?${JSON.stringify(options.query ?? {})} ${JSON.stringify(options.body ?? null)} ${JSON.stringify(options.headers ?? {})}`;
  const running = writesInFlight.get(key);
  if (running) return running as Promise<ApiResponse<z.infer<S>>>;
  const started = requestOnce(path, options).finally(() => writesInFlight.delete(key));
  writesInFlight.set(key, started);
  return started;
}

async function requestOnce<S extends z.ZodMiniType>(path: string, options: RequestOptions<S>): Promise<ApiResponse<z.infer<S>>> {
  const lockout = lockoutSeconds();
  if (lockout !== null) {
    // Cloudflare refuses every call of this user until the lockout ends: sending more would only add to it.
    throw new ApiError({
      status: 429,
      kind: 'api',
      retryAfter: lockout,
      // No time in the text: the error's countdown (the app's one lockout clock) says when.
      errors: [{ code: 10429, message: 'Rate limited: Cloudflare’s API refuses every call until the lockout ends. Nothing was sent.' }],
    });
  }
  const method = options.method ?? 'GET';
  // A write that has to wait for a slot is shown as held, and leaving its page cancels it.
  const hold = method === 'GET' ? null : { label: options.label ?? `${method} ${path}`, page: currentPage() };
  const release = await acquireSlot(options.background ?? null, hold);
  try {
    return await send(path, options);
  } finally {
    release();
  }
}

async function send<S extends z.ZodMiniType>(path: string, options: RequestOptions<S>): Promise<ApiResponse<z.infer<S>>> {
  const { method = 'GET', query, body, schema, signal, headers } = options;
  const payload = body !== undefined ? JSON.stringify(body) : undefined;
  const writeId = method === 'GET' ? undefined : (options.writeId ?? newWriteId());
  // The recovery's code comes while the write is out (not in the first load): a lost answer finds it there.
  if (writeId) void loadLostWriteRecovery().catch(() => {});
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      signal,
      // A write the admin started must reach the API even if they leave the page at once (an
      // optimistic rename followed by a reload was aborted). Browsers cap keepalive bodies at
      // 64 KB in total, so only small writes ask for it.
      keepalive: method !== 'GET' && (payload?.length ?? 0) <= KEEPALIVE_MAX_BODY,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...headers,
        ...CONSOLE_HEADER,
        ...(writeId ? { [WRITE_ID_HEADER]: writeId } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: payload,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    // A write whose answer was lost may still have been saved: ask, never resend blindly.
    if (writeId) {
      const recovery = await loadLostWriteRecovery().catch(() => null);
      if (recovery) return readAnswer(await recovery.recoverLostWrite(writeId), path, method, schema, true);
      throw new ApiError({ status: 0, kind: 'network', errors: [{ code: 0, message: ANSWER_LOST_UNKNOWN }] });
    }
    throw new ApiError({
      status: 0,
      kind: 'network',
      errors: [{ code: 0, message: 'Could not reach the server. Check your connection and try again.' }],
    });
  }
  return readAnswer(response, path, method, schema, false);
}

/** The console server's own error answers: `{errors: [{message, code?, field?}]}` or the envelope. */
const consoleErrorsSchema = z.object({
  errors: z.catch(z.array(z.object({ code: z.optional(z.number()), message: z.string(), field: z.optional(z.string()), source: z.optional(z.object({ pointer: z.optional(z.string()) })) })), []),
});

export interface ConsoleRequestOptions<S extends z.ZodMiniType> {
  schema: S;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * The one way the SPA talks to the console's own server (`/console-api`, the sandbox's tools under
 * `/__sandbox`): same origin, the answer parsed by `schema`, and every failure the same ApiError
 * the /client/v4 calls throw (a field the server names becomes the detail's `pointer`, `/name`).
 */
export async function consoleRequest<S extends z.ZodMiniType>(url: string, options: ConsoleRequestOptions<S>): Promise<z.infer<S>> {
  const { schema, method = 'GET', body, signal } = options;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      signal,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...CONSOLE_HEADER, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, kind: 'network', errors: [{ code: 0, message: 'Could not reach the server. Check your connection and try again.' }] });
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = consoleErrorsSchema.safeParse(json);
    const errors: ApiErrorDetail[] = parsed.success
      ? parsed.data.errors.map((e) => ({ code: e.code ?? 0, message: e.message, pointer: e.field !== undefined ? `/${e.field}` : e.source?.pointer }))
      : [];
    throw new ApiError({
      status: response.status,
      kind: 'api',
      retryAfter: retryAfterSeconds(response),
      errors: errors.length ? errors : [{ code: 0, message: `Request failed (${response.status})` }],
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({ status: response.status, kind: 'invalid-response', errors: [{ code: 0, message: `Unexpected answer from ${url.split('?')[0]}` }] });
  }
  return parsed.data;
}

async function readAnswer<S extends z.ZodMiniType>(response: Response, path: string, method: string, schema: S, recovered: boolean): Promise<ApiResponse<z.infer<S>>> {
  const retryAfter = retryAfterSeconds(response);
  observeResponse(response, retryAfter);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiError({
      status: response.status,
      kind: 'invalid-response',
      retryAfter,
      errors: [{ code: 0, message: `The server answered ${response.status} with a body that is not JSON.` }],
    });
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    throw new ApiError({
      status: response.status,
      kind: 'invalid-response',
      retryAfter,
      errors: [{ code: 0, message: `The server answered ${response.status} with an unexpected body.` }],
    });
  }
  if (!envelope.data.success || !response.ok) {
    const errors = toDetails(envelope.data.errors);
    throw new ApiError({
      status: response.status,
      kind: 'api',
      retryAfter,
      request: { method, path },
      errors: errors.length ? errors : [{ code: 0, message: `Request failed with status ${response.status}` }],
    });
  }
  const result = schema.safeParse(envelope.data.result);
  if (!result.success && recovered) {
    throw new ApiError({
      status: response.status,
      kind: 'api',
      errors: [{ code: 0, message: 'This was saved (the server recorded it), but its answer was lost on the way and cannot be shown again. Reload the page to see it.' }],
    });
  }
  if (!result.success) {
    throw new ApiError({
      status: response.status,
      kind: 'invalid-response',
      errors: [{ code: 0, message: `Unexpected response shape from ${path}: ${z.prettifyError(result.error)}` }],
    });
  }
  return { result: result.data, resultInfo: envelope.data.result_info ?? null };
}
