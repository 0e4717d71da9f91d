import { defineConfig, devices } from '@playwright/test';
import base from './playwright.config.ts';
import { ACCESS_STANDIN } from './e2e/support/access-token.ts';

/**
 * The same journeys against the console on Workers: `wrangler dev` (workerd, offline) with the
 * sandbox in a Durable Object's SQLite and the SPA from static assets, behind a local Access
 * stand-in whose tokens every request carries (e2e/support/fixtures.ts). `npm run test:e2e:workers`.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const STANDIN_PORT = PORT + 2000;
const DIST_DIR = `.e2e/dist-workers-${PORT}`;
const STATE_DIR = `.e2e/wrangler-${PORT}`;
const KEY_FILE = `.e2e/access-standin-${PORT}.json`;

const vars = {
  ACCESS_TEAM_DOMAIN: ACCESS_STANDIN.teamDomain,
  ACCESS_AUD: ACCESS_STANDIN.audience,
  ACCESS_JWKS_URL: `http://127.0.0.1:${STANDIN_PORT}/cdn-cgi/access/certs`,
  SANDBOX_SEED: 'default',
  SANDBOX_VERIFICATION_DELAY_MS: '300',
  // As in the Node run: the whole suite goes through one dashboard credential (playwright.config.ts).
  SANDBOX_RATE_LIMIT: '1000000/300',
};

export default defineConfig({
  ...base,
  // Live mode runs its own Node server against a fake upstream: a Node-only journey. The large
  // seed (e2e/large/) measures Node's server at 10,000 groups; the Workers run keeps the default seed.
  testIgnore: ['live-mode.spec.ts', 'large/**'],
  projects: [{ name: 'workers', use: { ...devices['Desktop Chrome'] } }],
  // A cut TCP connection (X-Sandbox-Fault: drop) is Node's socket.destroy(): a Worker cannot reset
  // its client's connection, and wrangler dev's proxy ends an aborted answer as an empty 200.
  grepInvert: /a dropped connection is retried|answer was lost|a cut connection before/,
  outputDir: `.e2e/test-results-workers-${PORT}`,
  // wrangler dev (a Node proxy in front of workerd) is slower per request than the Node server; on a shared two-core machine, doubly so.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: { ...base.use, accessEmail: 'ada@acme.example', accessKeyFile: KEY_FILE },
  webServer: [
    {
      command: `node_modules/.bin/tsx e2e/support/access-standin.ts`,
      url: `http://127.0.0.1:${STANDIN_PORT}/cdn-cgi/access/certs`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { ACCESS_STANDIN_PORT: String(STANDIN_PORT), ACCESS_STANDIN_KEY_FILE: KEY_FILE },
    },
    {
      // A fresh Durable Object store per run, as the Node run deletes its database.
      command:
        `rm -rf ${STATE_DIR} && ` +
        `node_modules/.bin/vite build --logLevel warn --emptyOutDir --outDir ${DIST_DIR} && ` +
        `node_modules/.bin/wrangler dev --ip 127.0.0.1 --port ${PORT} --inspector-port ${PORT + 3000} ` +
        `--assets ${DIST_DIR} --persist-to ${STATE_DIR} --log-level warn ` +
        Object.entries(vars)
          .map(([name, value]) => `--var ${name}:${value}`)
          .join(' '),
      // Without a token the console answers 401, which Playwright counts as up.
      url: `http://127.0.0.1:${PORT}/console-api/mode`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_API_TOKEN: '', CI: process.env.CI ?? '' },
    },
  ],
});
