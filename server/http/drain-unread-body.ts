import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';

/**
 * Reads to its end a request body the handler answered without (a PUT to a group that is gone,
 * a refused credential…), before the answer goes out, so the keep-alive connection is clean for
 * the next request. Left to the Node adapter, the body was drained after the answer with a
 * 500 ms deadline and the socket destroyed past it — which a busy server misses, and the client's
 * next request on that connection was lost. Bodies are capped (body-limit.ts), so this reads at
 * most 2 MB; a refused oversized body (413) is not read: that answer closes the connection, as
 * does one whose body is still not in after DRAIN_WAIT_MS (a client that stalls mid-body).
 * Node only: in-process requests (tests) have no socket to keep clean.
 */
const DRAIN_WAIT_MS = 2_000;

export function drainUnreadBody(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (!incoming || incoming.readableEnded || incoming.destroyed || c.res.status === 413) return;
    if (incoming.readableDidRead || incoming.readableFlowing) return; // someone is reading it already
    let timer: NodeJS.Timeout | undefined;
    const drained = await new Promise<boolean>((resolve) => {
      incoming.once('end', () => resolve(true));
      incoming.once('error', () => resolve(false));
      incoming.once('close', () => resolve(incoming.readableEnded));
      timer = setTimeout(() => resolve(false), DRAIN_WAIT_MS);
      incoming.resume();
    });
    clearTimeout(timer);
    if (!drained) c.res.headers.set('Connection', 'close');
  };
}
