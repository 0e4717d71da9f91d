import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests against real Chromium (Debian's /usr/bin/chromium: Playwright's own browser
 * download is not reachable here) and a real server on a fresh sandbox database per run.
 *
 * E2E_PORT (default 4173) picks the port, and everything a run writes — the SPA build, the
 * database, test artifacts — is keyed by it, so several people can run e2e side by side.
 */
const CI = !!process.env.CI;
const PORT = Number(process.env.E2E_PORT ?? 4173);
/** The large-seed project (e2e/large/) runs on its own server, 10 ports up. */
const LARGE_PORT = PORT + 10;
/**
 * Its server seeds 10,000 groups, so it starts only when a large spec may run: the whole suite,
 * `--project=large`, or a file under e2e/large. Decided once in the runner; workers inherit it.
 */
const cliArgs = process.argv.slice(2);
const specArgs = cliArgs.filter((a) => a.endsWith('.ts') || a.startsWith('e2e/'));
const projectArgs = cliArgs.flatMap((a, i) => (a.startsWith('--project=') ? [a.slice(10)] : a === '--project' ? [cliArgs[i + 1] ?? ''] : []));
process.env.E2E_WITH_LARGE ??=
  (projectArgs.length ? projectArgs.includes('large') : specArgs.length === 0 || specArgs.some((a) => a.includes('large'))) ? '1' : '0';
const WITH_LARGE = process.env.E2E_WITH_LARGE === '1';

/** One server: its own build dir, and databases deleted before start (with WAL files), so each run is fresh. */
function server(port: number, seed: 'default' | 'large', extraEnv: Record<string, string>) {
  const dist = `.e2e/dist-${port}`;
  const sandboxDb = `.e2e/sandbox-${port}.db`;
  const consoleDb = `.e2e/console-${port}.db`;
  return {
    command:
      `rm -f ${sandboxDb} ${sandboxDb}-wal ${sandboxDb}-shm ${consoleDb} ${consoleDb}-wal ${consoleDb}-shm && ` +
      `node_modules/.bin/vite build --logLevel warn --emptyOutDir --outDir ${dist} && ` +
      `node_modules/.bin/tsx server/index.ts`,
    url: `http://127.0.0.1:${port}/console-api/mode`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      DIST_DIR: dist,
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

/** Where the JSON report goes (in CI, or when asked for): .ci/run counts results from it. */
const JSON_REPORT = process.env.E2E_JSON_REPORT ?? (CI ? '.e2e/reports/playwright.json' : undefined);

export default defineConfig({
  testDir: 'e2e',
  // Team mode (Cloudflare Access) exists only on Workers: playwright.workers.config.ts runs it.
  testIgnore: ['team-access.spec.ts'],
  outputDir: `.e2e/test-results-${PORT}`,
  // Two cores: one worker keeps the server, the build and the browser from starving each other.
  workers: 1,
  fullyParallel: false,
  forbidOnly: CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: JSON_REPORT ? [['list'], ['json', { outputFile: JSON_REPORT }]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  projects: [
    // A project's testIgnore replaces the top-level one: team mode stays out here too.
    { name: 'chromium', testIgnore: ['large/**', 'team-access.spec.ts'], use: { ...devices['Desktop Chrome'] } },
    ...(WITH_LARGE ? [{ name: 'large', testMatch: 'large/**/*.spec.ts', use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${LARGE_PORT}` } }] : []),
  ],
  webServer: [
    server(PORT, 'default', {
      // The whole suite runs through one dashboard credential, far past Cloudflare's 1,200 per
      // 5 minutes; a limit it cannot reach keeps journeys independent. The limit itself is tested
      // in server/sandbox/rate-limit.test.ts at its default.
      SANDBOX_RATE_LIMIT: '1000000/300',
    }),
    ...(WITH_LARGE
      ? [
          server(LARGE_PORT, 'large', {
            // The first index of 10,000 groups takes ~10,150 requests: at Cloudflare's 1,200 / 5 min
            // and a 25 % share that is hours (bench/ reports it). Scaled up so the build fits in
            // one window here; the journey's own requests are counted and must stay ≤ 20.
            SANDBOX_RATE_LIMIT: '200000/300',
          }),
        ]
      : []),
  ],
});
