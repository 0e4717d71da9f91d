import { Hono } from 'hono';
import { log } from '../log.ts';
import { requireCredential } from './auth.ts';
import type { SandboxDeps, SandboxEnv } from './context.ts';
import { CfError, ErrorCode, errorBody, forbidden } from '../http/envelope.ts';
import { faultInjection } from './faults.ts';
import { ID_PATTERN } from './ids.ts';
import { rateLimit } from './rate-limit.ts';
import { registerPermissionGroups } from './permission-groups/routes.ts';
import { registerSsoConnectors } from './sso-connectors/routes.ts';
import { registerOAuthScopes } from './oauth-scopes/routes.ts';
import { registerOAuthClients } from './oauth-clients/routes.ts';
import { registerResourceGroups } from './resource-groups/routes.ts';
import { registerUserGroups } from './user-groups/routes.ts';
import { registerUserGroupMembers } from './user-groups/members.ts';
import { registerAccounts } from './accounts/routes.ts';
import { registerUser } from './user/routes.ts';
import { registerAuditLogs } from './audit-logs/routes.ts';
import { recordWrites } from './audit-logs/record-writes.ts';
import { registerZones } from './zones/routes.ts';

/** Every route module, each adding its endpoints to the sandbox API. */
const routeModules: Array<(api: Hono<SandboxEnv>, deps: SandboxDeps) => void> = [
  registerPermissionGroups,
  registerSsoConnectors,
  registerOAuthScopes,
  registerOAuthClients,
  registerResourceGroups,
  registerUserGroups,
  registerUserGroupMembers,
  registerAccounts,
  registerUser,
  registerAuditLogs,
  registerZones,
];

/** The identifiers today's schema bounds to 32 characters (user groups: exactly 32), by where they sit in the path. */
const ID_PATHS = [
  '/accounts/:account_id/iam/user_groups/:user_group_id/*',
  '/accounts/:account_id/iam/user_groups/:user_group_id/members/:member_id',
  '/accounts/:account_id/iam/permission_groups/:permission_group_id',
  '/accounts/:account_id/iam/resource_groups/:resource_group_id',
  '/accounts/:account_id/members/:member_id',
];

/**
 * A path id that is not 32 hex characters cannot name anything: it answers like the account check
 * (404, 7003) before any lookup, instead of a "not found" that suggests the id might exist elsewhere.
 */
function refuseMalformedPathIds(api: Hono<SandboxEnv>): void {
  for (const path of ID_PATHS) {
    api.use(path, async (c, next) => {
      const malformed = Object.entries(c.req.param() as Record<string, string>).some(
        ([name, value]) => name !== 'account_id' && !ID_PATTERN.test(value),
      );
      if (malformed) {
        throw new CfError(404, {
          code: ErrorCode.invalidIdentifier,
          message: `Could not route to ${c.req.path}, perhaps your object identifier is invalid?`,
        });
      }
      await next();
    });
  }
}

function handleErrors(api: Hono<SandboxEnv>): void {
  api.onError((err, c) => {
    if (err instanceof CfError) return c.json(errorBody(err.errors), err.status);
    log.error('sandbox: unexpected error', err instanceof Error ? err.message : err);
    return c.json(errorBody([{ code: ErrorCode.internal, message: 'Internal error' }]), 500);
  });
}

/**
 * The emulated Cloudflare API, mounted by the server under /client/v4. It injects faults first,
 * then records its writes in the audit log; the recorder reads the before/after state back
 * through this same app, and those reads neither draw a fault nor count against the caller's
 * rate limit (Cloudflare's audit log costs its users nothing).
 */
export function createSandboxApi(given: SandboxDeps): Hono<SandboxEnv> {
  const deps: SandboxDeps = { ...given, shapes: given.shapes ?? 'today' };
  const api = new Hono<SandboxEnv>().basePath('/client/v4');
  handleErrors(api);
  api.notFound((c) => c.json(errorBody([{ code: ErrorCode.routeNotFound, message: 'No route for that URI' }]), 404));
  // The recorder's own reads are the sandbox's business, not the caller's: no fault, no quota.
  const recorderReads = new WeakSet<Request>();
  const byRecorder = (request: Request) => recorderReads.has(request);
  // Before the credential check: a failing network or server does not look at who is asking.
  api.use('*', faultInjection({ config: deps.faults ?? null, random: deps.random, exempt: byRecorder }));
  // In the same app as the routes, so the recorder and the handler share one read of the body;
  // its own before/after reads come back through here as GETs, which it lets pass.
  api.use(
    '/accounts/:account_id/*',
    recordWrites(deps.db, (request) => {
      recorderReads.add(request);
      return Promise.resolve(api.fetch(request));
    }),
  );
  api.use('*', requireCredential);
  if (deps.rateLimiter) api.use('*', rateLimit(deps.rateLimiter, byRecorder));

  // Accounts come from the seed and no route removes one, so an account found once stays found:
  // every request and each of the audit recorder's reads would otherwise ask again.
  const knownAccounts = new Set<string>();
  api.use('/accounts/:account_id/*', async (c, next) => {
    const accountId = c.req.param('account_id');
    if (!ID_PATTERN.test(accountId)) {
      throw new CfError(404, {
        code: ErrorCode.invalidIdentifier,
        message: `Could not route to ${c.req.path}, perhaps your object identifier is invalid?`,
      });
    }
    if (!knownAccounts.has(accountId) && deps.db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(accountId)) {
      knownAccounts.add(accountId);
    }
    if (!knownAccounts.has(accountId)) {
      throw forbidden(deps.shapes ?? 'today');
    }
    c.set('accountId', accountId);
    await next();
  });
  refuseMalformedPathIds(api);

  for (const register of routeModules) register(api, deps);
  return api;
}
