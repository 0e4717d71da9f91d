import type { Hono } from 'hono';
import type { ServerConfig } from '../config.ts';
import { accessCheck, type AccessVerifier } from './access.ts';
import { crossSiteCheck } from './cross-site.ts';
import { securityHeaders } from './headers.ts';
import { hostCheck } from './host-check.ts';
import type { SecurityOptions } from './options.ts';
import { displayHost, sessionCheck, type LiveSession } from './session.ts';

/**
 * Puts every request-level protection in front of all routes, in the order an attack meets them:
 * headers on every answer, then the Host, the team-mode Access token or the live session, and
 * cross-site calls. (The console header is checked where the credential is added: server/app.ts.)
 */
export function installSecurity(
  app: Hono,
  {
    config,
    security,
    session,
    access,
  }: { config: ServerConfig; security: SecurityOptions; session: LiveSession | null; access: AccessVerifier | null },
): void {
  if (security.securityHeaders) app.use('*', securityHeaders());
  if (security.hostCheck) app.use('*', hostCheck({ configHost: config.host, configPort: config.port }));
  if (access) app.use('*', accessCheck(access));
  if (session) app.use('*', sessionCheck(session, displayHost(config.host)));
  if (security.crossSiteCheck) app.use('*', crossSiteCheck());
}
