import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { isApiPath, refuse, SecurityCode } from './refuse.ts';
import { parseHost } from './host-check.ts';

/**
 * Live mode's session, the pattern local notebook servers use: a random token, new at every
 * launch, travels once in the URL the server prints; opening it sets an HttpOnly, SameSite=Strict
 * cookie holding a second random value and redirects to the same URL without the token. Every
 * API call must carry that cookie, so nothing on the machine that did not see the printed URL —
 * another site's page, another local user's process — can use the server's credential.
 */
export interface LiveSession {
  /** The one-time-in-URL secret: `http://127.0.0.1:3000/?token=…`. */
  token: string;
  /** The cookie's value; never in a URL, never readable by script. */
  cookieValue: string;
  cookieName: string;
}

const secretValue = () => randomBytes(32).toString('base64url');

export function createLiveSession(port: number, token: string = secretValue()): LiveSession {
  // Cookies ignore ports: the port in the name keeps two consoles on one machine apart.
  return { token, cookieValue: secretValue(), cookieName: `iam_console_session_${port}` };
}

/** The host name URLs are printed with: the bound interface, or 127.0.0.1 when bound to every one. */
export function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

export function launchUrl(baseUrl: string, session: LiveSession): string {
  return `${baseUrl.replace(/\/$/, '')}/?token=${session.token}`;
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const SESSION_MESSAGE =
  'Not signed in to this console: open the link with ?token=… that the server printed when it started';

/** How a browser says where a navigation came from: only one typed or opened from the terminal (none), or our own page. */
const LAUNCH_FETCH_SITES = new Set(['none', 'same-origin']);

export const LINK_SPENT_MESSAGE =
  'This launch link has already signed a browser in, and it works once: a copy in a history, a log or a screen share opens nothing. ' +
  'The browser it signed in keeps its session until it closes; for another browser, restart the console and open the new link it prints.';

/**
 * `launchHost`: the host name the server printed in the launch URL. The token is taken only on
 * that name (a cookie set for `localhost` would be another origin's) and only from a navigation
 * no other site started. It is single-use: once it has set a session, it is refused, except to
 * the browser holding that session (reopening the link there just lands on the page).
 */
export function sessionCheck(session: LiveSession, launchHost = '127.0.0.1'): MiddlewareHandler {
  let spent = false;
  return async (c, next) => {
    if (isApiPath(c.req.path)) {
      if (!sameSecret(getCookie(c, session.cookieName), session.cookieValue)) {
        return refuse(c, 401, SecurityCode.session, SESSION_MESSAGE);
      }
      return next();
    }
    const url = new URL(c.req.url);
    const token = url.searchParams.get('token');
    if (token === null || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return next();
    c.header('Cache-Control', 'no-store');
    const fetchSite = c.req.header('sec-fetch-site');
    const hostName = parseHost(c.req.header('host') ?? '')?.name;
    if ((fetchSite !== undefined && !LAUNCH_FETCH_SITES.has(fetchSite)) || (hostName !== undefined && hostName !== launchHost)) {
      return c.text(`Open the launch link exactly as printed (http://${launchHost}:…/?token=…), from the terminal, not from another site or host name.`, 403);
    }
    if (!sameSecret(token, session.token)) {
      return c.text('This link is not valid for this run of the console. Use the URL printed in its terminal.', 401);
    }
    url.searchParams.delete('token');
    if (spent) {
      if (!sameSecret(getCookie(c, session.cookieName), session.cookieValue)) return c.text(LINK_SPENT_MESSAGE, 401);
      return c.redirect(`${url.pathname}${url.search}${url.hash}`, 302);
    }
    spent = true;
    // A session cookie (no Max-Age): it lives as long as the browser session the link opened.
    setCookie(c, session.cookieName, session.cookieValue, { httpOnly: true, sameSite: 'Strict', path: '/' });
    return c.redirect(`${url.pathname}${url.search}${url.hash}`, 302);
  };
}
