import type { MiddlewareHandler } from 'hono';
import { randomBytes } from 'node:crypto';

/**
 * No inline script, no eval, nothing from other origins except https images (OAuth client
 * logos); nobody may frame the console (clickjacking). Styles: our stylesheet, plus the one
 * `<style>` element Radix's dialogs inject to lock page scroll, admitted by a per-response nonce
 * rather than 'unsafe-inline'.
 */
export function contentSecurityPolicy(styleNonce?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    styleNonce ? `style-src 'self' 'nonce-${styleNonce}'` : "style-src 'self'",
    "img-src 'self' https: data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** The SPA reads this meta tag (src/main.tsx) and gives the nonce to the style injector. */
export const STYLE_NONCE_META = 'csp-nonce';

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    let policy = CONTENT_SECURITY_POLICY;
    if (c.res.headers.get('content-type')?.startsWith('text/html')) {
      const nonce = randomBytes(16).toString('base64');
      const html = (await c.res.text()).replace(
        '</head>',
        `<meta name="${STYLE_NONCE_META}" content="${nonce}" />\n  </head>`,
      );
      c.res = new Response(html, c.res);
      c.res.headers.delete('content-length');
      policy = contentSecurityPolicy(nonce);
    }
    // Straight onto the response's headers: c.header() after the handler rebuilds the response as
    // a stream, which costs a JSON answer most of its serving time on Node.
    const headers = c.res.headers;
    headers.set('Content-Security-Policy', policy);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('X-Frame-Options', 'DENY');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  };
}
