import { defineConfig, devices } from '@playwright/test';
import type { PrismOptions } from './e2e/prism/fixtures.ts';

/**
 * Live mode against something this team did not write: Prism serving Cloudflare's published
 * schema (server/contract/iam-openapi.json) as the upstream, once answering with the schema's
 * examples and once with generated answers (`prism mock -d`). One spec (e2e/prism/), every page.
 *
 * Each project starts its own Prism, a pass-through in front of it and a console server in live
 * mode (e2e/prism/fixtures.ts), on ports E2E_PORT+50… (default E2E_PORT 4173), serving the SPA
 * build of the main e2e run (dist/, or E2E_DIST_DIR; built by the global setup if missing or stale).
 */
const CI = !!process.env.CI;
const PORT = Number(process.env.E2E_PORT ?? 4173);
/** Where the JSON report goes (in CI, or when asked for): .ci/run counts results from it. */
const JSON_REPORT = process.env.E2E_JSON_REPORT ?? (CI ? '.e2e/reports/playwright-prism.json' : undefined);

export default defineConfig<PrismOptions>({
  testDir: 'e2e/prism',
  globalSetup: './e2e/prism/global-setup.ts',
  outputDir: `.e2e/test-results-prism-${PORT}`,
  // The two projects, each with its own Prism and console (ports +50… and +55…), side by side.
  workers: 2,
  fullyParallel: false,
  forbidOnly: CI,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: JSON_REPORT ? [['list'], ['json', { outputFile: JSON_REPORT }]] : [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    },
  },
  projects: [
    { name: 'prism-examples', use: { ...devices['Desktop Chrome'], prismDynamic: false, prismPortBase: PORT + 50 } },
    { name: 'prism-generated', use: { ...devices['Desktop Chrome'], prismDynamic: true, prismPortBase: PORT + 55 } },
  ],
});
