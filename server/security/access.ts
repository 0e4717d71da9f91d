import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { runAsActor } from '../console/actor.ts';
import type { AccessConfig } from './access-config.ts';
import { ErrorCode, errorBody } from '../http/envelope.ts';
import { refuse, SecurityCode } from './refuse.ts';

/** Where Cloudflare Access puts the signed-in user's token: a header on proxied requests, and a cookie. */
export const ACCESS_HEADER = 'cf-access-jwt-assertion';
export const ACCESS_COOKIE = 'CF_Authorization';

export type AccessResult = { ok: true; email: string } | { ok: false; status: 401 | 403 | 503; message: string };
export type AccessVerifier = (token: string | undefined) => Promise<AccessResult>;

/**
 * Checks an Access token as Cloudflare's documentation says to: RS256 signature by one of the
 * team's current keys (fetched once, cached, refetched when a token names an unknown key), the
 * application's AUD tag, the team as issuer, and expiry.
 */
export function createAccessVerifier(config: AccessConfig, keys?: JWTVerifyGetKey): AccessVerifier {
  const getKey = keys ?? createRemoteJWKSet(new URL(config.jwksUrl), { cacheMaxAge: 10 * 60_000, timeoutDuration: 5_000 });
  return async (token) => {
    if (!token) return { ok: false, status: 401, message: 'Sign in through Cloudflare Access: this request carries no Access token' };
    try {
      const { payload } = await jwtVerify(token, getKey, { issuer: config.issuer, audience: config.audience, algorithms: ['RS256'] });
      // A person has an email; a service token has only its common name.
      const who = typeof payload.email === 'string' ? payload.email : typeof payload.common_name === 'string' ? payload.common_name : null;
      if (!who) return { ok: false, status: 403, message: 'The Access token names no user' };
      return { ok: true, email: who };
    } catch (error) {
      return refusalFor(error);
    }
  };
}

function refusalFor(error: unknown): AccessResult {
  if (error instanceof errors.JWTExpired) return { ok: false, status: 401, message: 'Your Cloudflare Access session has expired: sign in again' };
  if (error instanceof errors.JWTClaimValidationFailed) {
    return { ok: false, status: 403, message: `The Access token is not for this console (${error.claim} claim does not match)` };
  }
  if (error instanceof errors.JWKSTimeout || (error instanceof TypeError && /fetch/i.test(error.message))) {
    return { ok: false, status: 503, message: "Could not fetch the Access team's signing keys; try again in a moment" };
  }
  if (error instanceof errors.JOSEError) return { ok: false, status: 403, message: 'The Access token is not valid (bad signature or format)' };
  return { ok: false, status: 403, message: 'The Access token could not be read' };
}

/**
 * Team mode: every request — pages, assets, API — must carry a valid Access token; the admin it
 * names is the request's actor (server/console/actor.ts). Never open by accident: without a
 * verifier the app is not in team mode, and the Worker refuses to start without one.
 */
export function accessCheck(verify: AccessVerifier): MiddlewareHandler {
  return async (c, next) => {
    const token = c.req.header(ACCESS_HEADER) ?? getCookie(c, ACCESS_COOKIE);
    const result = await verify(token);
    if (!result.ok) {
      if (result.status === 503) return c.json(errorBody([{ code: ErrorCode.internal, message: result.message }]), 503);
      return refuse(c, result.status, result.status === 401 ? SecurityCode.accessMissing : SecurityCode.accessInvalid, result.message);
    }
    return runAsActor({ email: result.email, via: 'cloudflare-access' }, () => next());
  };
}
