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
const DIST_DIR = `.e2e/dist-${PORT}`;
const SANDBOX_DB = `.e2e/sandbox-${PORT}.db`;
const CONSOLE_DB = `.e2e/console-${PORT}.db`;
/** Where the JSON report goes (in CI, or when asked for): .ci/run counts results from it. */
const JSON_REPORT = process.env.E2E_JSON_REPORT ?? (CI ? '.e2e/reports/playwright.json' : undefined);

export default defineConfig({
  testDir: 'e2e',
  outputDir: `.e2e/test-results-${PORT}`,
  // Two cores: one worker keeps the server, the build and the browser from starving each other.
  workers: 1,
  fullyParallel: false,
  forbidOnly: CI,
  retries: 0,
  timeout: 30_000,
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
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // Own build dir and a database deleted before start (with its WAL files): a fresh sandbox per run.
    command:
      `rm -f ${SANDBOX_DB} ${SANDBOX_DB}-wal ${SANDBOX_DB}-shm ${CONSOLE_DB} ${CONSOLE_DB}-wal ${CONSOLE_DB}-shm && ` +
      `node_modules/.bin/vite build --logLevel warn --emptyOutDir --outDir ${DIST_DIR} && ` +
      `node_modules/.bin/tsx server/index.ts`,
    url: `http://127.0.0.1:${PORT}/console-api/mode`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      HOST: '127.0.0.1',
      PORT: String(PORT),
      DIST_DIR,
      SANDBOX_DB,
      CONSOLE_DB,
      SANDBOX_SEED: 'default',
      SANDBOX_VERIFICATION_DELAY_MS: '300',
      // The whole suite runs through one dashboard credential, far past Cloudflare's 1,200 per
      // 5 minutes; a limit it cannot reach keeps journeys independent. The limit itself is tested
      // in server/sandbox/rate-limit.test.ts at its default.
      SANDBOX_RATE_LIMIT: '1000000/300',
      // Never live mode in tests, whatever the developer's shell holds.
      CLOUDFLARE_API_TOKEN: '',
      CLOUDFLARE_EMAIL: '',
      CLOUDFLARE_API_KEY: '',
    },
  },
});
