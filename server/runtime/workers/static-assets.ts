import type { Fetcher } from 'cloudflare:workers';

const HAS_EXTENSION = /\.[a-z0-9]+$/i;

/**
 * The built SPA from Workers static assets, with the Node server's rules (runtime/node/
 * static-files.ts): hashed /assets/ files cached for a year, index.html for client routes, a
 * missing file a 404. Conditional headers are not passed on: every HTML answer gets a fresh CSP
 * nonce (security/headers.ts), which a 304 over a cached page would not match.
 */
export function workersStaticAssets(assets: Fetcher) {
  const get = (url: URL) => assets.fetch(new Request(url.href, { method: 'GET' }));
  return async (request: Request): Promise<Response | null> => {
    const url = new URL(request.url);
    url.search = '';
    let res = await get(url);
    if (res.status === 404) {
      if (HAS_EXTENSION.test(url.pathname)) return null;
      res = await get(new URL('/', url));
    }
    if (!res.ok) return null;
    const headers = new Headers(res.headers);
    headers.delete('etag');
    headers.set('cache-control', url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    return new Response(res.body, { status: 200, headers });
  };
}
