import type { Hono } from 'hono';
import type { ServerConfig } from '../config.ts';
import { crossSiteCheck } from './cross-site.ts';
import { securityHeaders } from './headers.ts';
import { hostCheck } from './host-check.ts';
import type { SecurityOptions } from './options.ts';
import { sessionCheck, type LiveSession } from './session.ts';

/**
 * Puts every request-level protection in front of all routes, in the order an attack meets them:
 * headers on every answer, then the Host, the live session, and cross-site calls. (The console
 * header is checked where the credential is added: server/app.ts.)
 */
export function installSecurity(
  app: Hono,
  { config, security, session }: { config: ServerConfig; security: SecurityOptions; session: LiveSession | null },
): void {
  if (security.securityHeaders) app.use('*', securityHeaders());
  if (security.hostCheck) app.use('*', hostCheck({ configHost: config.host, configPort: config.port }));
  if (session) app.use('*', sessionCheck(session));
  if (security.crossSiteCheck) app.use('*', crossSiteCheck());
}
