/**
 * Imported by playwright.era-2024.config.ts before playwright.config.ts, which decides at import
 * whether to start the large-seed server: this run never needs it.
 */
process.env.E2E_WITH_LARGE = '0';
