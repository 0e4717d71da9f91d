import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, devices, type PlaywrightTestConfig } from '@playwright/test';
import { ACCESS_STANDIN } from './e2e/support/access-token.ts';

/**
 * End-to-end tests against real Chromium (Debian's /usr/bin/chromium: Playwright's own browser
 * download is not reachable here) and real servers on fresh databases per run. One run, three
 * projects, each on its own server:
 *
 *   node     every journey, against the Node server (`npm start`'s), axe and the 390 px sweep
 *            included;
 *   workers  the journeys tagged `@workers` (and `@workers-only`: Cloudflare Access) against the
 *            same app on `wrangler dev` (workerd, offline): what differs there — storage in a Durable
 *            Object's SQLite, the console's index and journal in it, Access, static assets, the
 *            sandbox DNS stand-in. Axe runs there only on what exists only there (e2e/support/axe.ts);
 *   large    e2e/large/, the Node server on a 10,000-group seed.
 *
 * Two workers (what two cores give), and no server ever serves two journeys at once, since
 * journeys share its database: the Node project has one server per worker ("lanes", picked by
 * the worker's parallelIndex in e2e/support/fixtures.ts), the Workers and large projects run one
 * journey at a time on their one server. So while one worker goes through Workers journeys the
 * other goes through Node ones, and when those are done both go through Node ones.
 *
 * Every server serves the ONE SPA build of `npm run build` (dist/, or E2E_DIST_DIR; built first
 * if missing or stale: e2e/support/ensure-build.ts); databases stay per server.
 *
 * E2E_PORT (default 4173) picks the ports — the Node lanes on it and +20, the large seed on +10,
 * `wrangler dev` on +1 (its inspector on +3000), the Access stand-in on +2000 — and everything a run
 * writes (databases, Durable Object state, test artifacts) is keyed by it, so several people can
 * run e2e side by side.
 */
const CI = !!process.env.CI;
const PORT = Number(process.env.E2E_PORT ?? 4173);
const LARGE_PORT = PORT + 10;
const WORKERS_PORT = PORT + 1;
const STANDIN_PORT = PORT + 2000;
/** Set for the workers too: live-mode.spec.ts starts its own server on the same build. */
const DIST_DIR = (process.env.E2E_DIST_DIR ??= 'dist');
const ENSURE_BUILD = `node_modules/.bin/tsx e2e/support/ensure-build.ts ${DIST_DIR}`;

/**
 * Which projects this run needs servers for, decided once in the runner (workers inherit it):
 * every project for the whole suite; the ones named by `--project`; for named spec files, Node,
 * plus the large seed for a file under e2e/large and Workers for a file with a `@workers` tag.
 * E2E_WITH_NODE / E2E_WITH_LARGE / E2E_WITH_WORKERS (1 or 0) override it.
 */
const cliArgs = process.argv.slice(2).filter((a, i) => i > 0 || a !== 'test');
/** The CLI options that take a value as the next argument (`--grep x`); the rest are flags. */
const VALUE_OPTIONS = new Set(['-c', '--config', '--project', '-g', '--grep', '-gv', '--grep-invert', '-j', '--workers', '--reporter', '--timeout', '--retries', '--repeat-each', '--max-failures', '--output', '--shard', '--global-timeout', '--trace', '--tsconfig']);
const specArgs = cliArgs.filter((a, i) => !a.startsWith('-') && !VALUE_OPTIONS.has(cliArgs[i - 1] ?? ''));
const projectArgs = cliArgs.flatMap((a, i) => (a.startsWith('--project=') ? [a.slice(10)] : a === '--project' ? [cliArgs[i + 1] ?? ''] : []));

function specFiles(dir = 'e2e'): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'support' ? [] : specFiles(join(dir, e.name))) : e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : [],
  );
}
/** Spec files a filter argument picks (Playwright reads each as a pattern over the path; `file:line` too). */
const chosenFiles = specArgs.length ? specFiles().filter((f) => specArgs.some((a) => f.includes(a.replace(/:\d+(:\d+)?$/, '')))) : specFiles();

function wanted(project: 'node' | 'large' | 'workers'): boolean {
  if (projectArgs.length) return projectArgs.includes(project);
  if (!specArgs.length) return true;
  if (project === 'node') return chosenFiles.some((f) => !f.includes('/large/'));
  if (project === 'large') return chosenFiles.some((f) => f.includes('/large/'));
  return chosenFiles.some((f) => /@workers/.test(readFileSync(f, 'utf8')));
}
const envFlag = (name: string, project: 'node' | 'large' | 'workers') => (process.env[name] ??= wanted(project) ? '1' : '0') === '1';
const WITH_NODE = envFlag('E2E_WITH_NODE', 'node');
const WITH_LARGE = envFlag('E2E_WITH_LARGE', 'large');
const WITH_WORKERS = envFlag('E2E_WITH_WORKERS', 'workers');

/** `--workers N` / `-j N` on the command line, else PLAYWRIGHT_WORKERS, else 2. */
const workersArg = cliArgs.flatMap((a, i) => (/^(--workers|-j)=/.test(a) ? [a.split('=')[1]] : a === '--workers' || a === '-j' ? [cliArgs[i + 1]] : []))[0];
const WORKERS = Number(workersArg ?? process.env.PLAYWRIGHT_WORKERS ?? 2);
/** One Node server per worker that may run Node journeys at the same time (at most two). */
const NODE_LANES = [PORT, PORT + 20].slice(0, Math.max(1, Math.min(2, WORKERS)));

type WebServer = Extract<NonNullable<PlaywrightTestConfig['webServer']>, { command: string }>;

/** A Node server on its own databases, deleted before start (with WAL files), so each run is fresh. */
function nodeServer(port: number, seed: 'default' | 'large', extraEnv: Record<string, string>): WebServer {
  const sandboxDb = `.e2e/sandbox-${port}.db`;
  const consoleDb = `.e2e/console-${port}.db`;
  return {
    command:
      `rm -f ${sandboxDb} ${sandboxDb}-wal ${sandboxDb}-shm ${consoleDb} ${consoleDb}-wal ${consoleDb}-shm && ` +
      `${ENSURE_BUILD} && node_modules/.bin/tsx server/index.ts`,
    url: `http://127.0.0.1:${port}/console-api/mode`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      DIST_DIR: DIST_DIR,
      SANDBOX_DB: sandboxDb,
      CONSOLE_DB: consoleDb,
      SANDBOX_SEED: seed,
      SANDBOX_VERIFICATION_DELAY_MS: '300',
      // Never live mode in tests, whatever the developer's shell holds.
      CLOUDFLARE_API_TOKEN: '',
      CLOUDFLARE_EMAIL: '',
      CLOUDFLARE_API_KEY: '',
      ...extraEnv,
    },
  };
}

/** The console on Workers: `wrangler dev`, a fresh Durable Object store per run, behind the Access stand-in. */
const WORKERS_STATE_DIR = `.e2e/wrangler-${PORT}`;
const ACCESS_KEY_FILE = `.e2e/access-standin-${PORT}.json`;
function workersServers(): WebServer[] {
  const vars = {
    ACCESS_TEAM_DOMAIN: ACCESS_STANDIN.teamDomain,
    ACCESS_AUD: ACCESS_STANDIN.audience,
    ACCESS_JWKS_URL: `http://127.0.0.1:${STANDIN_PORT}/cdn-cgi/access/certs`,
    SANDBOX_SEED: 'default',
    SANDBOX_VERIFICATION_DELAY_MS: '300',
    // As on Node: the whole suite goes through one dashboard credential (below).
    SANDBOX_RATE_LIMIT: '1000000/300',
  };
  return [
    {
      command: `node_modules/.bin/tsx e2e/support/access-standin.ts`,
      url: `http://127.0.0.1:${STANDIN_PORT}/cdn-cgi/access/certs`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { ACCESS_STANDIN_PORT: String(STANDIN_PORT), ACCESS_STANDIN_KEY_FILE: ACCESS_KEY_FILE },
    },
    {
      command:
        `rm -rf ${WORKERS_STATE_DIR} && ${ENSURE_BUILD} && ` +
        `node_modules/.bin/wrangler dev --ip 127.0.0.1 --port ${WORKERS_PORT} --inspector-port ${PORT + 3000} ` +
        `--assets ${DIST_DIR} --persist-to ${WORKERS_STATE_DIR} --log-level warn ` +
        Object.entries(vars)
          .map(([name, value]) => `--var ${name}:${value}`)
          .join(' '),
      // Without a token the console answers 401, which Playwright counts as up.
      url: `http://127.0.0.1:${WORKERS_PORT}/console-api/mode`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_API_TOKEN: '', CI: process.env.CI ?? '' },
    },
  ];
}

/** Where the JSON report goes (in CI, or when asked for): .ci/run counts results from it. */
const JSON_REPORT = process.env.E2E_JSON_REPORT ?? (CI ? '.e2e/reports/playwright.json' : undefined);

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  },
};

/** The fixtures' options (e2e/support/fixtures.ts) the Workers project sets. */
interface FixtureOptions {
  accessEmail: string | null;
  accessKeyFile: string | null;
  nodeLanes: string[] | null;
}

export default defineConfig<FixtureOptions>({
  testDir: 'e2e',
  outputDir: `.e2e/test-results-${PORT}`,
  // Two cores, two workers; see the top of this file for who runs where.
  workers: WORKERS,
  fullyParallel: false,
  forbidOnly: CI,
  retries: 0,
  timeout: 60_000,
  // Two browsers on two cores at once: a page may take longer than 5 s to show its shell.
  expect: { timeout: 10_000 },
  reporter: JSON_REPORT ? [['list'], ['json', { outputFile: JSON_REPORT }]] : [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  // Queue order: the Workers journeys first (one worker at most, so they start at once beside
  // the Node ones instead of waiting for them), then the one long large-seed journey, then the
  // Node journeys, which fill both workers.
  projects: [
    ...(WITH_WORKERS
      ? [
          {
            name: 'workers',
            workers: 1,
            // Live mode runs its own Node server against a fake upstream (Node's alone); the large
            // seed measures Node's server at 10,000 groups. A cut TCP connection (the `drop` fault)
            // cannot happen on a Worker: no journey that needs one is tagged.
            testIgnore: ['large/**', 'prism/**', 'live-mode.spec.ts'],
            grep: /@workers/,
            outputDir: `.e2e/test-results-workers-${PORT}`,
            // wrangler dev (a Node proxy in front of workerd) is slower per request than the Node
            // server; on a shared two-core machine, doubly so.
            timeout: 90_000,
            expect: { timeout: 15_000 },
            // axe: see e2e/support/axe.ts. The signed-in admin every request carries (e2e/support/fixtures.ts).
            metadata: { runtime: 'workers' },
            use: { ...chromium, baseURL: `http://127.0.0.1:${WORKERS_PORT}`, accessEmail: 'ada@acme.example', accessKeyFile: ACCESS_KEY_FILE },
          },
        ]
      : []),
    ...(WITH_LARGE
      ? [{ name: 'large', workers: 1, testMatch: 'large/**/*.spec.ts', use: { ...chromium, baseURL: `http://127.0.0.1:${LARGE_PORT}` } }]
      : []),
    ...(WITH_NODE
      ? [
          {
            name: 'node',
            workers: NODE_LANES.length,
            // e2e/prism/ has its own config (playwright.prism.config.ts).
            testIgnore: ['large/**', 'prism/**'],
            // Team mode (Cloudflare Access) exists only on Workers.
            grepInvert: /@workers-only/,
            // No project-wide baseURL: a journey reaches its own worker's lane through the
            // `baseURL` fixture (e2e/support/fixtures.ts). One here was always the first lane, and a
            // journey that read it from the project on the second lane checked another server's
            // database (time-bound-access's History step, red only when it ran on the second worker).
            use: { ...chromium, nodeLanes: NODE_LANES.map((port) => `http://127.0.0.1:${port}`) },
          },
        ]
      : []),
  ],
  webServer: [
    ...(WITH_NODE
      ? NODE_LANES.map((port) =>
          nodeServer(port, 'default', {
            // The whole suite runs through one dashboard credential, far past Cloudflare's 1,200 per
            // 5 minutes; a limit it cannot reach keeps journeys independent. The limit itself is
            // tested in server/sandbox/rate-limit.test.ts at its default.
            SANDBOX_RATE_LIMIT: '1000000/300',
          }),
        )
      : []),
    ...(WITH_WORKERS ? workersServers() : []),
    ...(WITH_LARGE
      ? [
          // Cloudflare's own limit (1,200 / 5 min), not raised: the journeys here are the console
          // while its first index of 10,000 groups builds (hours at that limit; bench/ reports it).
          nodeServer(LARGE_PORT, 'large', {}),
        ]
      : []),
  ],
});
