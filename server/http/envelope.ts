import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One entry of the envelope's `errors[]` / `messages[]`, as the real API shapes it. */
export interface CfMessage {
  code: number;
  message: string;
  documentation_url?: string;
  source?: { pointer?: string };
}

export interface ResultInfo {
  page: number;
  per_page: number;
  count: number;
  total_count: number;
  total_pages: number;
}

/**
 * Error codes the sandbox answers with. The seeds document none; each choice is listed in the
 * README's "Sandbox fidelity" section.
 */
export const ErrorCode = {
  internal: 1000,
  invalidField: 1001,
  invalidQuery: 1002,
  notFound: 1003,
  duplicate: 1004,
  conflict: 1005,
  invalidPermissionCombination: 1006,
  malformedJson: 6007,
  routeNotFound: 7000,
  invalidIdentifier: 7003,
  methodNotAllowed: 10405,
  missingAuth: 9106,
  authError: 10000,
  forbidden: 9109,
  invalidHeaders: 6003,
  missingAuthKey: 9107,
  rateLimited: 10429,
} as const;

export class CfError extends Error {
  readonly status: ContentfulStatusCode;
  readonly errors: CfMessage[];

  constructor(status: ContentfulStatusCode, errors: CfMessage[] | CfMessage) {
    const list = Array.isArray(errors) ? errors : [errors];
    super(list.map((e) => e.message).join('; '));
    this.status = status;
    this.errors = list;
  }
}

export function fieldError(pointer: string, message: string, code: number = ErrorCode.invalidField): CfError {
  return new CfError(400, { code, message, source: { pointer } });
}

export const PERMISSIONS_DOCUMENTATION_URL = 'https://developers.cloudflare.com/fundamentals/api/reference/permissions/';

/**
 * A refusal for permission. Today's API answers the contextual 403 (code 10000, "Forbidden", with
 * the permissions page; changelog 2026-08-20); the 2024 era answered 9109.
 */
export function forbidden(shapes: 'today' | '2024'): CfError {
  return shapes === 'today'
    ? new CfError(403, { code: ErrorCode.authError, message: 'Forbidden', documentation_url: PERMISSIONS_DOCUMENTATION_URL })
    : new CfError(403, { code: ErrorCode.forbidden, message: 'Unauthorized to access requested resource' });
}

export function notFound(what: string): CfError {
  return new CfError(404, { code: ErrorCode.notFound, message: `${what} not found` });
}

export function errorBody(errors: CfMessage[]) {
  return { success: false as const, errors, messages: [], result: null };
}

function success<T>(result: T, resultInfo?: ResultInfo) {
  return resultInfo
    ? { success: true, errors: [], messages: [], result, result_info: resultInfo }
    : { success: true, errors: [], messages: [], result };
}

export function ok<T>(c: Context, result: T, resultInfo?: ResultInfo, status: ContentfulStatusCode = 200) {
  return c.json(success(result, resultInfo), status);
}

/** An answer's body as UTF-8 bytes (of its own buffer, as Response bodies must be). */
export type AnswerBody = Uint8Array<ArrayBuffer>;

/** The body `ok` sends, as UTF-8 bytes: for an answer to remember (cachedAnswer). */
export function okBody<T>(result: T, resultInfo?: ResultInfo): AnswerBody {
  return utf8.encode(JSON.stringify(success(result, resultInfo)));
}

/**
 * The body `ok` sends for results already serialized (sandbox/db/response-cache.ts), built by joining their
 * UTF-8 JSON: the same bytes as for the parsed items.
 */
export function okItemsBody(items: Uint8Array[], resultInfo?: ResultInfo): AnswerBody {
  const info = resultInfo ? `,"result_info":${JSON.stringify(resultInfo)}` : '';
  return joined('{"success":true,"errors":[],"messages":[],"result":[', items, `]${info}}`);
}

/** The body `ok` sends for one result already serialized. */
export function okItemBody(item: Uint8Array): AnswerBody {
  return joined('{"success":true,"errors":[],"messages":[],"result":', [item], '}');
}

export function okJsonItem(c: Context, item: Uint8Array) {
  return okBytes(c, okItemBody(item));
}

const utf8 = new TextEncoder();
const COMMA = 44;

/** `head`, the items separated by commas, then `tail`, as one byte array: copies, no re-encoding. */
function joined(head: string, items: Uint8Array[], tail: string): AnswerBody {
  const start = utf8.encode(head);
  const end = utf8.encode(tail);
  let length = start.length + end.length + Math.max(0, items.length - 1);
  for (const item of items) length += item.length;
  const body = new Uint8Array(length);
  body.set(start, 0);
  let at = start.length;
  items.forEach((item, i) => {
    if (i > 0) body[at++] = COMMA;
    body.set(item, at);
    at += item.length;
  });
  body.set(end, at);
  return body;
}

/** A 200 answer of envelope bytes (okBody, okItemsBody), readable in process without its stream (answerText). */
export function okBytes(c: Context, body: AnswerBody) {
  const response = c.body(body, 200, { 'Content-Type': 'application/json' });
  answerBytes.set(response, body);
  return response;
}

/**
 * The bytes of each answer built from cached JSON, beside the answer: an in-process reader (the
 * audit recorder's before/after reads) parses them instead of reading the body back through a
 * stream, which costs more than the read itself.
 */
const answerBytes = new WeakMap<Response, Uint8Array>();

/** The body of a sandbox answer as JSON text, without consuming the answer's stream when it can. */
export async function answerText(response: Response): Promise<string> {
  const bytes = answerBytes.get(response);
  return bytes ? utf8Decoder.decode(bytes) : response.text();
}

const utf8Decoder = new TextDecoder();

/** The `result` of an answer built from cached JSON, parsed from its bytes; undefined for any other answer (its stream is left unread). */
export function cachedAnswerResult(response: Response): unknown {
  const bytes = answerBytes.get(response);
  return bytes ? (JSON.parse(utf8Decoder.decode(bytes)) as { result?: unknown }).result : undefined;
}

/** begin_verification answers an envelope without `result` (seed 003). */
export function okWithoutResult(c: Context) {
  return c.json({ success: true, errors: [], messages: [] });
}
