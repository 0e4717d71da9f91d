import type { Context, MiddlewareHandler } from 'hono';
import { ErrorCode, errorBody } from './envelope.ts';

/**
 * A cap on request bodies, checked before anything reads one. 2 MB holds a members call with
 * 10,000 ids (~ 450 KB) several times over; without a cap a 600 MB body took the process to
 * gigabytes and stalled every other request.
 *
 * - A declared Content-Length over the cap is refused at once, unread.
 * - A chunked body (no length) is read here, up to the cap, and handed on as a buffer; past the
 *   cap it is refused without reading further.
 * A refused body is not drained: the answer says `Connection: close` and the connection ends
 * after it, so the next request starts on a clean one.
 */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

function tooLarge(c: Context, maxBytes: number): Response {
  const mb = maxBytes / (1024 * 1024);
  c.header('Connection', 'close');
  return c.json(
    errorBody([{ code: ErrorCode.invalidField, message: `Request body too large: the limit is ${mb} MB` }]),
    413,
  );
}

/**
 * Reads a body whole, but never past `maxBytes`: null as soon as it goes over (the rest is not
 * read). The Node middleware below and the Worker's gate (server/runtime/workers/edge-gate.ts) both
 * read chunked bodies this way.
 */
export async function readWithin(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

export function bodyLimit(maxBytes: number = MAX_BODY_BYTES): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const chunked = c.req.header('transfer-encoding') !== undefined;
    if (!chunked) {
      const length = Number(c.req.header('content-length') ?? 0);
      return length > maxBytes ? tooLarge(c, maxBytes) : next();
    }
    if (!c.req.raw.body) return next();
    const body = await readWithin(c.req.raw.body, maxBytes);
    if (!body) return tooLarge(c, maxBytes);
    const headers = new Headers(c.req.raw.headers);
    headers.delete('transfer-encoding');
    headers.set('content-length', String(body.byteLength));
    c.req.raw = new Request(c.req.raw.url, { method: c.req.method, headers, body, signal: c.req.raw.signal });
    return next();
  };
}
