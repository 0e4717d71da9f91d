/**
 * Imported by playwright.era-2024.config.ts before playwright.config.ts, which decides at import
 * which servers to start: this run needs one Node server, on the default seed.
 */
process.env.E2E_WITH_LARGE = '0';
process.env.E2E_WITH_WORKERS = '0';
process.env.E2E_WITH_NODE = '1';
// Two workers, as the main run: playwright.config.ts starts a Node server per worker lane.
process.env.PLAYWRIGHT_WORKERS = '2';
