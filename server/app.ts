import { Hono } from 'hono';
import type { ServerConfig } from './config.ts';
import type { ConsoleStorage } from './console/storage.ts';
import { createApiReader, type ApiFetch } from './console/findings/api-reader.ts';
import { createFindingsApi } from './console/findings/routes.ts';
import { createTerraformApi } from './console/terraform/routes.ts';
import { indexMembershipSource } from './console/findings/index-memberships.ts';
import type { Db } from './sandbox/db/sql.ts';
import { ErrorCode, errorBody } from './http/envelope.ts';
import { createSandboxApi } from './sandbox/router.ts';
import { createDnsPrecheckApi } from './console/dns-precheck/routes.ts';
import { createSandboxDnsApi } from './sandbox/dns-zone/routes.ts';
import { sandboxDnsZone } from './sandbox/dns-zone/zone.ts';
import { createSandboxLogosApi } from './sandbox/logos/routes.ts';
import { currentActor } from './console/actor.ts';
import type { RuntimeServices } from './runtime/services.ts';
import { createAccessVerifier, type AccessVerifier } from './security/access.ts';
import { forwardToUpstream } from './upstream/proxy.ts';
import { createRequestBudget } from './console/budget.ts';
import { createMembershipIndexApi } from './console/membership-index/routes.ts';
import { createMembershipIndex, type MembershipIndex } from './console/membership-index/service.ts';
import type { V4Handler } from './console/v4-client.ts';
import { bodyLimit } from './http/body-limit.ts';
import { drainUnreadBody } from './http/drain-unread-body.ts';
import { log } from './log.ts';
import { mountJournal } from './console/journal/mount.ts';
import { createAccountGate } from './console/account-gate.ts';
import { createGroupLookup } from './console/membership-index/group-lookup.ts';
import { refuseMalformedPath } from './http/malformed-path.ts';
import { createWriteOnce } from './console/write-once.ts';
import { createMembershipEnds } from './console/membership-ends/service.ts';
import { createMembershipEndsApi } from './console/membership-ends/routes.ts';
import { createAccessReviews } from './console/access-reviews/service.ts';
import { createAccessReviewsApi } from './console/access-reviews/routes.ts';
import { parseFaultConfig } from './sandbox/faults.ts';
import { createRateLimiter, parseRateLimit } from './sandbox/rate-limit.ts';
import { CONSOLE_HEADER_MESSAGE, usesServerCredential } from './security/console-header.ts';
import { installSecurity } from './security/install.ts';
import { resolveSecurity, type SecurityOptions } from './security/options.ts';
import { isApiPath } from './security/refuse.ts';
import { createLiveSession, type LiveSession } from './security/session.ts';
import type { CredentialCheck } from './upstream/verify.ts';

/** What the sandbox accepts for the dashboard: it holds no real credential, but takes the same step. */
const SANDBOX_CONSOLE_CREDENTIAL = { authorization: 'Bearer sandbox-console' };

export interface AppDeps {
  config: ServerConfig;
  /** The sandbox database; null in live mode. */
  db: Db | null;
  /** The console's own store (server/console/), already migrated; features that need it take it from here. */
  consoleStorage?: ConsoleStorage;
  fetchImpl?: typeof fetch;
  /** Serve the built SPA from config.distDir (off under the Vite dev server). */
  serveSpa?: boolean;
  /** Each protection, on unless a test turns it off to show the attack it stops (server/security/). */
  security?: Partial<SecurityOptions>;
  /** Live mode's session (the token printed in the URL); a fresh one when not given. */
  session?: LiveSession;
  /** What differs by runtime (server/runtime/): Node's (runtime/node/app.ts) or the Worker's. */
  runtime: RuntimeServices;
  /** Team mode (config.access): checks the Access token; one built from config.access when not given. */
  accessVerifier?: AccessVerifier;
  /** Live mode: what the start-up check learned of the credential (server/upstream/verify.ts), for /console-api/mode. */
  credentialCheck?: () => CredentialCheck | null;
}

/**
 * The request with its credential headers replaced. Its body is a stream that touches the
 * original only when the handler reads it: copying a Request (or even opening its body) starts
 * reading the socket, so a body nobody wanted was half-read, Node could not drain it, and the next
 * request on that keep-alive connection failed. Unread, Node drains it as for any other request.
 */
function withHeaders(request: Request, set: Record<string, string>): Request {
  const headers = new Headers(request.headers);
  for (const name of ['authorization', 'x-auth-email', 'x-auth-key', 'cookie']) headers.delete(name);
  for (const [name, value] of Object.entries(set)) headers.set(name, value);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(request.url, {
    method: request.method,
    headers,
    body: hasBody ? readWhenPulled(request) : undefined,
    signal: request.signal,
    // @ts-expect-error Node's fetch needs duplex for a stream body; the DOM typings lack it.
    duplex: 'half',
  });
}

function readWhenPulled(request: Request): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        reader ??= request.body?.getReader() ?? null;
        const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
        if (chunk.done) controller.close();
        else controller.enqueue(chunk.value);
      },
      cancel: (reason) => reader?.cancel(reason),
    },
    { highWaterMark: 0 }, // no read ahead: nothing is pulled until the handler asks
  );
}

function limiterFor(spec: string) {
  const limit = parseRateLimit(spec);
  return limit ? createRateLimiter(limit) : null;
}

/** The page itself says a lockout is on (src/main.tsx reads it before the SPA asks anything). */
async function withLockoutMeta(response: Response, seconds: number | null): Promise<Response> {
  if (seconds === null || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = (await response.text()).replace('</head>', `<meta name="${LOCKOUT_META}" content="${seconds}" />\n  </head>`);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(html, { status: response.status, headers });
}

/** The meta tag that carries a lockout's seconds left into index.html. */
export const LOCKOUT_META = 'iam-lockout-seconds';

/**
 * The console's server, the same on every runtime: the runtime's services come in (Node's from
 * runtime/node/app.ts, the Worker's from runtime/workers/console-object.ts), so nothing here is
 * bundled for one runtime only.
 */
export function composeApp({ config, db, fetchImpl, serveSpa = true, runtime, ...deps }: AppDeps): Hono {
  const app = new Hono();
  // First, so every request (a refused one too) waits its turn in order: see turn-budget.ts.
  if (runtime.admission) app.use('*', runtime.admission);
  app.use('*', refuseMalformedPath());
  const mode = config.upstream ? 'live' : 'sandbox';
  const security = resolveSecurity(deps.security);
  // Team mode signs admins in with Access, which replaces the one-admin launch-URL session.
  const access = config.access ? (deps.accessVerifier ?? createAccessVerifier(config.access)) : null;
  const session = config.upstream && security.session && !access ? (deps.session ?? createLiveSession(config.port)) : null;
  installSecurity(app, { config, security, session, access });
  app.use('*', bodyLimit());
  app.use('*', drainUnreadBody());

  app.onError((err, c) => {
    log.error(`${c.req.method} ${c.req.path}: unexpected error`, err instanceof Error ? err.message : err);
    const status = c.req.path.startsWith('/client/v4') && config.upstream ? 502 : 500;
    const message = status === 502 ? 'The Cloudflare API could not be reached' : 'Internal error';
    return isApiPath(c.req.path) ? c.json(errorBody([{ code: ErrorCode.internal, message }]), status) : c.text(message, status);
  });

  app.route(
    '/console-api/dns',
    createDnsPrecheckApi(db && !config.upstream ? { mode: 'sandbox', zone: sandboxDnsZone(db) } : { mode: 'live', ...runtime.dnsResolver }),
  );
  // The membership index asks /client/v4 through the same handling as the dashboard (set below).
  let handleV4: V4Handler = () => Promise.reject(new Error('not ready'));
  // One budget for every request the server makes on its own: the index's and the findings' reads.
  const budget = createRequestBudget({ share: config.indexShare });
  /** Seconds left of a lockout this server saw (it sees every answer), or null. */
  const lockoutSeconds = () => {
    const quota = budget.snapshot();
    return quota.paused === 'blocked' ? Math.ceil(quota.waitMs / 1000) : null;
  };
  app.get('/console-api/mode', (c) =>
    c.json({
      mode,
      accountId: config.upstream?.accountId ?? null,
      signedInAs: currentActor()?.email ?? null,
      lockoutSeconds: lockoutSeconds(),
      credential: deps.credentialCheck?.() ?? null,
    }),
  );
  if (deps.consoleStorage) {
    // Before every route that starts work for an account: only accounts the credential reaches.
    const gate = createAccountGate(() => handleV4, Date.now, config.upstream?.accountId);
    app.use('/console-api/accounts/:accountId/*', gate.middleware);
    app.use('/console-api/history', gate.middleware);
    app.use('/console-api/history/*', gate.middleware);
  }
  const index: MembershipIndex | null = deps.consoleStorage
    ? createMembershipIndex({
        storage: deps.consoleStorage,
        budget,
        handle: (request) => handleV4(request),
        refreshMs: (config.indexRefreshSeconds ?? 300) * 1000,
      })
    : null;
  if (index) app.route('/console-api', createMembershipIndexApi(index));
  /** The dashboard's answers tell the index about the quota left and about its own writes. */
  const observed = async (request: Request, response: Response): Promise<Response> => {
    await index?.observe(request, response);
    return response;
  };

  // At most once: before the journal and the API, so a repeated delivery reaches neither.
  if (deps.consoleStorage) {
    const writes = createWriteOnce(deps.consoleStorage);
    app.use('/client/v4/*', writes.middleware);
    app.get('/console-api/writes/:writeId', (c) => {
      const outcome = writes.outcome(c.req.param('writeId'));
      return outcome
        ? c.json({ result: outcome })
        : c.json(errorBody([{ code: ErrorCode.notFound, message: 'This server never received that write' }]), 404);
    });
  }

  // The change journal wraps /client/v4 in both modes (server/console/journal/).
  if (deps.consoleStorage) {
    mountJournal(app, {
      storage: deps.consoleStorage,
      historyDays: config.historyDays ?? 365,
      isConsoleRequest: (request) => usesServerCredential(request, security.consoleHeader),
      keyEmail: config.upstream?.credential.headers['x-auth-email'],
      groups: index ? createGroupLookup(deps.consoleStorage) : undefined,
    });
  }

  if (config.upstream) {
    const upstream = config.upstream;
    app.all('/client/v4/*', async (c) => {
      // The server's credential is added only to the dashboard's own requests.
      if (!usesServerCredential(c.req.raw, security.consoleHeader)) {
        return c.json(errorBody([{ code: ErrorCode.forbidden, message: CONSOLE_HEADER_MESSAGE }]), 403);
      }
      index?.beginWrite(c.req.raw);
      const response = await forwardToUpstream(c.req.raw, { baseUrl: upstream.baseUrl, credential: upstream.credential, fetchImpl });
      return observed(c.req.raw, response);
    });
    handleV4 = (request) => forwardToUpstream(request, { baseUrl: upstream.baseUrl, credential: upstream.credential, fetchImpl });
  } else {
    if (!db) throw new Error('sandbox mode needs a database');
    const sandbox = createSandboxApi({
      db,
      verificationDelayMs: config.verificationDelayMs,
      faults: parseFaultConfig(config.sandboxFaults),
      rateLimiter: config.sandboxRateLimit ? limiterFor(config.sandboxRateLimit) : null,
      shapes: config.sandboxApiShapes,
    });
    // The sandbox's stand-in for the admin's DNS provider, where verification records are published.
    app.route('/__sandbox/dns', createSandboxDnsApi({ db }));
    app.route('/__sandbox/logos', createSandboxLogosApi());
    app.all('/client/v4/*', async (c) => {
      const dashboard = usesServerCredential(c.req.raw, security.consoleHeader);
      const request = dashboard ? withHeaders(c.req.raw, SANDBOX_CONSOLE_CREDENTIAL) : c.req.raw;
      if (dashboard) index?.beginWrite(request);
      // c.env carries the Node socket, which fault injection's `drop` cuts.
      const response = await sandbox.fetch(request, c.env);
      return dashboard ? observed(request, response) : response;
    });
    handleV4 = async (request) => sandbox.fetch(withHeaders(request, SANDBOX_CONSOLE_CREDENTIAL));
  }

  /** The console server's own writes (ends of time-bound access, applied reviews): handled like the dashboard's, seen by the index. */
  const ownWrites: V4Handler = async (request) => {
    index?.beginWrite(request);
    return observed(request, await handleV4(request));
  };
  // Time-bound memberships end whether or not anyone has the console open; started below, once handleV4 is set.
  const ends = deps.consoleStorage
    ? createMembershipEnds({
        storage: deps.consoleStorage,
        handle: ownWrites,
        budget,
        alarm: runtime.alarm,
      })
    : null;
  if (ends && deps.consoleStorage) app.route('/console-api', createMembershipEndsApi(ends, deps.consoleStorage));
  // The Terraform export and access reviews read the journal as History does: brought up to date through History's own routes.
  const refreshJournal = async (request: Request, accountId: string, what: { history: boolean; scim: boolean }) => {
    const ask = (path: string) => app.fetch(new Request(new URL(path, request.url), { headers: request.headers }));
    if (what.scim) await ask(`/console-api/history/scim-managed?account_id=${accountId}`);
    if (what.history) await ask(`/console-api/history?account_id=${accountId}&per_page=1`);
  };
  const reviews = deps.consoleStorage
    ? createAccessReviews({
        storage: deps.consoleStorage,
        handle: ownWrites,
        budget,
      })
    : null;
  if (reviews) app.route('/console-api', createAccessReviewsApi(reviews, (request, accountId) => refreshJournal(request, accountId, { history: true, scim: false })));

  if (deps.consoleStorage && index) {
    // Findings read /client/v4 through the same handling as the index; the budget sees every answer.
    const fetchApi: ApiFetch = async (path) => {
      const request = new Request(`http://console.internal/client/v4${path}`);
      return observed(request, await handleV4(request));
    };
    const memberships = indexMembershipSource(index, deps.consoleStorage);
    app.route(
      '/console-api',
      createFindingsApi({ reader: () => createApiReader(fetchApi, budget), memberships, storage: deps.consoleStorage, extra: (account, snapshot) => [...(ends?.findings(account) ?? []), ...(reviews?.findings(account, snapshot) ?? [])] }),
    );
    app.route('/console-api', createTerraformApi({ reader: () => createApiReader(fetchApi, budget), memberships, storage: deps.consoleStorage, refreshJournal: (request, accountId, what) => refreshJournal(request, accountId, { ...what, scim: true }) }));
  }

  ends?.start();

  if (serveSpa) {
    app.get('*', async (c) => {
      const file = await runtime.staticFiles(c.req.raw);
      // A new tab during a lockout knows it from its first byte: no call, no grey page.
      return file ? withLockoutMeta(file, lockoutSeconds()) : c.text('Not found', 404);
    });
  }
  return app;
}
