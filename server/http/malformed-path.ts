import type { MiddlewareHandler } from 'hono';
import { ErrorCode, errorBody } from './envelope.ts';
import { isApiPath } from '../security/refuse.ts';

/**
 * A path whose percent-escapes do not decode (a bare `%`, a cut UTF-8 sequence) is the client's
 * mistake: 400, before any route tries to decode it and fails with a 500.
 */
export function refuseMalformedPath(): MiddlewareHandler {
  return async (c, next) => {
    const rawPath = new URL(c.req.url).pathname;
    try {
      decodeURIComponent(rawPath);
    } catch {
      const message = 'Malformed URL: the path has an invalid percent-escape';
      return isApiPath(rawPath) ? c.json(errorBody([{ code: ErrorCode.invalidField, message }]), 400) : c.text(message, 400);
    }
    return next();
  };
}
