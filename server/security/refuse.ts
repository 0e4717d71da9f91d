import type { Context } from 'hono';
import { errorBody } from '../http/envelope.ts';

/** The paths that act on data: the API, the console's helpers, the sandbox's tools. */
const API_PREFIXES = ['/client/v4', '/console-api', '/__sandbox'];

export function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** Security error codes, in the Cloudflare envelope so the dashboard shows them like any API error. */
export const SecurityCode = {
  /** Host header is not this server (DNS rebinding). */
  foreignHost: 9109,
  /** A cross-site call: another site's page tried to use this server. */
  crossSite: 9109,
  /** No X-IAM-Console header on a call that relies on the server's credential. */
  consoleHeader: 9109,
  /** Live mode: no valid session cookie. */
  session: 10000,
  /** Team mode: no Access token, or an expired one (sign in again). */
  accessMissing: 10000,
  /** Team mode: an Access token that is not for this console (signature, AUD, issuer). */
  accessInvalid: 9109,
} as const;

export function refuse(c: Context, status: 401 | 403, code: number, message: string): Response {
  c.header('Cache-Control', 'no-store');
  return c.json(errorBody([{ code, message }]), status);
}
