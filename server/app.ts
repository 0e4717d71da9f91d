import { Hono } from 'hono';
import type { ServerConfig } from './config.ts';
import type { Db } from './sandbox/db/open.ts';
import { ErrorCode, errorBody } from './sandbox/envelope.ts';
import { createSandboxApi } from './sandbox/router.ts';
import { createDnsPrecheckApi } from './sandbox/routes/dns-precheck.ts';
import { createSandboxDnsApi } from './sandbox/routes/sandbox-dns.ts';
import { createStaticHandler } from './static-files.ts';
import { forwardToUpstream } from './upstream/proxy.ts';

/** The header every dashboard request carries; a plain cross-site form or image cannot set it. */
export const CONSOLE_HEADER = 'x-iam-console';

/** What the sandbox accepts for the dashboard: it holds no real credential, but takes the same step. */
const SANDBOX_CONSOLE_CREDENTIAL = { authorization: 'Bearer sandbox-console' };

export interface AppDeps {
  config: ServerConfig;
  /** The sandbox database; null in live mode. */
  db: Db | null;
  fetchImpl?: typeof fetch;
  /** Serve the built SPA from config.distDir (off under the Vite dev server). */
  serveSpa?: boolean;
}

function withHeaders(request: Request, set: Record<string, string>): Request {
  const headers = new Headers(request.headers);
  for (const name of ['authorization', 'x-auth-email', 'x-auth-key', 'cookie']) headers.delete(name);
  for (const [name, value] of Object.entries(set)) headers.set(name, value);
  return new Request(request, { headers });
}

export function createApp({ config, db, fetchImpl, serveSpa = true }: AppDeps): Hono {
  const app = new Hono();
  const mode = config.upstream ? 'live' : 'sandbox';

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    c.header('X-Frame-Options', 'DENY');
  });

  app.get('/console-api/mode', (c) => c.json({ mode, accountId: config.upstream?.accountId ?? null }));
  app.route('/console-api/dns', createDnsPrecheckApi(db && !config.upstream ? { mode: 'sandbox', db } : { mode: 'live' }));

  if (config.upstream) {
    const upstream = config.upstream;
    app.all('/client/v4/*', (c) => {
      // The server's credential is added only to the dashboard's own requests.
      if (c.req.header(CONSOLE_HEADER) !== '1') {
        return c.json(
          errorBody([{ code: ErrorCode.forbidden, message: 'This console proxies requests from its own dashboard only' }]),
          403,
        );
      }
      return forwardToUpstream(c.req.raw, { baseUrl: upstream.baseUrl, credential: upstream.credential, fetchImpl });
    });
  } else {
    if (!db) throw new Error('sandbox mode needs a database');
    const sandbox = createSandboxApi({ db, verificationDelayMs: config.verificationDelayMs });
    // The sandbox's stand-in for the admin's DNS provider, where verification records are published.
    app.route('/__sandbox/dns', createSandboxDnsApi({ db }));
    app.all('/client/v4/*', (c) => {
      const request = c.req.header(CONSOLE_HEADER) === '1' ? withHeaders(c.req.raw, SANDBOX_CONSOLE_CREDENTIAL) : c.req.raw;
      return sandbox.fetch(request);
    });
  }

  if (serveSpa) {
    const serveStatic = createStaticHandler(config.distDir);
    app.get('*', async (c) => (await serveStatic(c.req.path)) ?? c.text('Not found', 404));
  }
  return app;
}
