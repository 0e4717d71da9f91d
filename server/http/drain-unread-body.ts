import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';

/**
 * Reads to its end a request body the handler answered without (a PUT to a group that is gone,
 * a refused credential…), before the answer goes out, so the keep-alive connection is clean for
 * the next request. Left to the Node adapter, the body was drained after the answer with a
 * 500 ms deadline and the socket destroyed past it — which a busy server misses, and the client's
 * next request on that connection was lost. Bodies are capped (body-limit.ts), so this reads at
 * most 2 MB; a refused oversized body (413) is not read: that answer closes the connection.
 * Node only: in-process requests (tests) have no socket to keep clean.
 */
export function drainUnreadBody(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (!incoming || incoming.readableEnded || incoming.destroyed || c.res.status === 413) return;
    if (incoming.readableDidRead || incoming.readableFlowing) return; // someone is reading it already
    await new Promise<void>((resolve) => {
      incoming.once('end', resolve);
      incoming.once('error', () => resolve());
      incoming.once('close', resolve);
      incoming.resume();
    });
  };
}
