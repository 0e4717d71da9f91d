import { serve, type ServerType } from '@hono/node-server';
import { test as base, expect } from '@playwright/test';
import { startConsoleServer, startPrism, type Started } from '../../server/contract/processes.ts';

export { expect };

export interface PrismOptions {
  /** `prism mock -d`: generated answers instead of the schema's examples. */
  prismDynamic: boolean;
  /** Prism listens here, the pass-through one port up, the console two up. */
  prismPortBase: number;
}

export interface LiveConsole {
  /** The console's origin. */
  origin: string;
  /** The `?token=…` link the server printed: opening it sets the session cookie. */
  launchUrl: string;
  /** What the console server printed so far (for failure messages). */
  output: () => string;
}

/**
 * A pass-through in front of Prism that adds `X-Auth-Email` + `X-Auth-Key` to every call, beside
 * the console's bearer token. Test-only, and only because of a fault of the schema: it declares
 * the key headers as the ONLY credential for user groups, their members and account members, and
 * Prism enforces `security` (a bearer token there answers 401), while the real API accepts an API
 * token on every one of them (shared/cloudflare-api/TODAY.md row 13; server/contract/README.md).
 * Everything else — method, path, query, body, the answer — passes through untouched.
 */
function startKeyHeaderPassThrough(port: number, prismOrigin: string): Promise<ServerType> {
  return new Promise((resolve) => {
    const server = serve(
      {
        hostname: '127.0.0.1',
        port,
        fetch: async (request) => {
          const url = new URL(request.url);
          const headers = new Headers(request.headers);
          for (const name of ['host', 'connection', 'content-length', 'accept-encoding']) headers.delete(name);
          headers.set('x-auth-email', 'prism-e2e@example.com');
          headers.set('x-auth-key', 'prism-e2e-key');
          const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
          const answer = await fetch(prismOrigin + url.pathname + url.search, {
            method: request.method,
            headers,
            body: hasBody ? await request.arrayBuffer() : undefined,
          });
          const out = new Headers(answer.headers);
          for (const name of ['content-encoding', 'content-length', 'transfer-encoding', 'connection']) out.delete(name);
          return new Response(await answer.arrayBuffer(), { status: answer.status, headers: out });
        },
      },
      () => resolve(server),
    );
  });
}

export const test = base.extend<object, PrismOptions & { liveConsole: LiveConsole }>({
  prismDynamic: [false, { option: true, scope: 'worker' }],
  prismPortBase: [4223, { option: true, scope: 'worker' }],
  // Fixture callbacks call their argument `provide` (Playwright calls it `use`), so the React hooks lint rule leaves them alone.
  liveConsole: [
    async ({ prismDynamic, prismPortBase }, provide) => {
      const started: Started[] = [];
      let passThrough: ServerType | undefined;
      try {
        const prismPort = prismPortBase;
        const passThroughPort = prismPortBase + 1;
        const consolePort = prismPortBase + 2;
        started.push(await startPrism({ mode: 'mock', dynamic: prismDynamic, port: prismPort }));
        passThrough = await startKeyHeaderPassThrough(passThroughPort, `http://127.0.0.1:${prismPort}`);
        const consoleServer = await startConsoleServer(consolePort, {
          // Live mode, as issue 24 tried it: a token and Prism (through the pass-through) as the API.
          CLOUDFLARE_API_TOKEN: 'test',
          CLOUDFLARE_API_BASE: `http://127.0.0.1:${passThroughPort}`,
          DIST_DIR: process.env.E2E_DIST_DIR ?? 'dist',
          // Generated answers list made-up accounts, never the examples' one the pages open: the
          // console is pinned to it, as an admin pins theirs, so it counts as reachable.
          ...(prismDynamic ? { CLOUDFLARE_ACCOUNT_ID: '023e105f4ecef8ad9ca31a8372d0c353' } : {}),
        });
        started.push(consoleServer);
        const launchUrl = consoleServer.ready[1]!;
        await provide({ origin: new URL(launchUrl).origin, launchUrl, output: consoleServer.output });
      } finally {
        await Promise.all(started.map((s) => s.stop()));
        await new Promise<void>((resolve) => (passThrough ? passThrough.close(() => resolve()) : resolve()));
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});
