/**
 * Imported by playwright.era-2024.config.ts before playwright.config.ts, which decides at import
 * which servers to start: this run needs one Node server, on the default seed.
 */
process.env.E2E_WITH_LARGE = '0';
process.env.E2E_WITH_WORKERS = '0';
process.env.E2E_WITH_NODE = '1';
// One worker, one Node server: playwright.config.ts starts a server per worker lane.
process.env.PLAYWRIGHT_WORKERS = '1';
