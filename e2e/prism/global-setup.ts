import { execFileSync } from 'node:child_process';

/**
 * Both projects' console servers serve the one SPA build every e2e run serves (dist/, or
 * E2E_DIST_DIR): built here only when missing or older than its sources, so in CI, right after
 * `npm run build`, nothing is built again.
 */
export default function globalSetup() {
  execFileSync('node_modules/.bin/tsx', ['e2e/support/ensure-build.ts', process.env.E2E_DIST_DIR ?? 'dist'], { stdio: 'inherit' });
}
