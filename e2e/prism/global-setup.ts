import { execFileSync } from 'node:child_process';

/** Builds the SPA once for both projects (the console servers serve it from DIST_DIR). */
export default function globalSetup() {
  const port = Number(process.env.E2E_PORT ?? 4173);
  execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn', '--emptyOutDir', '--outDir', `.e2e/dist-prism-${port}`], {
    stdio: 'inherit',
  });
}
