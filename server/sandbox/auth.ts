import type { MiddlewareHandler } from 'hono';
import { CfError, ErrorCode } from '../http/envelope.ts';

/**
 * Accepts the real API's credential forms with any value — `Authorization: Bearer <token>`, or
 * `X-Auth-Email` + `X-Auth-Key` — and rejects a request with none the way the real API does.
 */
export const requireCredential: MiddlewareHandler = async (c, next) => {
  const authorization = c.req.header('authorization');
  const email = c.req.header('x-auth-email');
  const key = c.req.header('x-auth-key');
  if (authorization !== undefined) {
    if (!/^Bearer \S+$/.test(authorization)) {
      throw new CfError(400, {
        code: ErrorCode.invalidHeaders,
        message: 'Invalid request headers: invalid format for Authorization header',
      });
    }
    return next();
  }
  if (email && key) return next();
  const missing = [];
  if (!email) missing.push({ code: ErrorCode.missingAuth, message: 'Missing X-Auth-Email header' });
  if (!key) missing.push({ code: ErrorCode.missingAuthKey, message: 'Missing X-Auth-Key header' });
  throw new CfError(400, missing);
};
