import type { MiddlewareHandler } from 'hono';
import { isApiPath, refuse, SecurityCode } from './refuse.ts';

/**
 * Why this request comes from another site, or null when it does not. Browsers say so in
 * `Sec-Fetch-Site` (cross-site, or same-site: another port of localhost) and, for every
 * non-GET and every CORS call, in `Origin`. Tools that send neither (SDKs, curl) are not pages.
 */
export function crossSiteReason(headers: { get(name: string): string | null }, ownHost: string | null): string | null {
  const site = headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return `Sec-Fetch-Site: ${site}`;
  const origin = headers.get('origin');
  if (origin === null) return null;
  const own = ownHost?.toLowerCase();
  const allowed = own ? [`http://${own}`, `https://${own}`] : [];
  return allowed.includes(origin.toLowerCase()) ? null : `Origin: ${origin.slice(0, 100)}`;
}

/** Refuses cross-site calls to the API, the console helpers and the sandbox tools. Pages stay linkable. */
export function crossSiteCheck(): MiddlewareHandler {
  return async (c, next) => {
    if (isApiPath(c.req.path)) {
      const ownHost = c.req.header('host') ?? new URL(c.req.url).host;
      const reason = crossSiteReason(c.req.raw.headers, ownHost);
      if (reason) {
        return refuse(c, 403, SecurityCode.crossSite, `Refused a cross-site request (${reason}): only this console's own pages may call it`);
      }
    }
    await next();
  };
}
