/**
 * Each protection of the local server, switchable one by one so a test can start the app without
 * one and watch the attack it stops succeed (server/security/*.test.ts). All on by default; the
 * server never turns one off.
 */
export interface SecurityOptions {
  /** Refuse a Host that is not this server's own: DNS rebinding (host-check.ts). */
  hostCheck: boolean;
  /** Refuse cross-site calls to the API prefixes by Origin / Sec-Fetch-Site (cross-site.ts). */
  crossSiteCheck: boolean;
  /** Add the server's credential only to calls carrying `X-IAM-Console: 1` (console-header.ts). */
  consoleHeader: boolean;
  /** Live mode: API calls need the session cookie set by the printed URL's token (session.ts). */
  session: boolean;
  /** CSP, nosniff, Referrer-Policy, frame-ancestors (headers.ts). */
  securityHeaders: boolean;
}

export const DEFAULT_SECURITY: SecurityOptions = {
  hostCheck: true,
  crossSiteCheck: true,
  consoleHeader: true,
  session: true,
  securityHeaders: true,
};

export function resolveSecurity(options: Partial<SecurityOptions> = {}): SecurityOptions {
  return { ...DEFAULT_SECURITY, ...options };
}
