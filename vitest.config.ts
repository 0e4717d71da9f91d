import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Set by .ci/run: a machine-readable report it counts results from. */
const jsonReport = process.env.VITEST_JSON_REPORT;

export default defineConfig({
  // `@/x` is src/x, as in tsconfig.json and vite.config.ts.
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    // Playwright specs live in e2e/ and run under Playwright, never under Vitest.
    include: ['server/**/*.test.ts', 'src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
  },
});
