import { test as base, expect } from '@playwright/test';
import { signAccessToken } from './access-token.ts';
import { createSandboxApi, type SandboxApi } from './api.ts';
import { expectNoA11yViolations, type A11yOptions } from './axe.ts';
import { createSandboxDns, type SandboxDns } from './sandbox-dns.ts';

export { expect, expectNoA11yViolations };
export { ACCOUNT_ID, accountPath, type ApiResponse, type SandboxApi } from './api.ts';
export type { A11yOptions } from './axe.ts';
export type { SandboxDns, SandboxDnsRecord } from './sandbox-dns.ts';

interface Fixtures {
  /** The sandbox API, called directly (Bearer credential), for setup and for checking results. */
  api: SandboxApi;
  /** The sandbox's DNS zone: publish/delete verification TXT records. */
  sandboxDns: SandboxDns;
  /** `await axe()` scans the current page; same as expectNoA11yViolations(page, options). */
  axe: (options?: A11yOptions) => Promise<void>;
  /** Uncaught errors thrown in the page; the test fails if any occurred. */
  consoleErrors: string[];
}

interface Options {
  /** The `workers` project (playwright.config.ts): the admin every request is signed in as, through Access. */
  accessEmail: string | null;
  /** The Access stand-in's private key, to sign that admin's token. */
  accessKeyFile: string | null;
  /**
   * The Node project's servers, one per worker (playwright.config.ts): a journey goes to its
   * worker's, so no two journeys running at once share a database.
   */
  nodeLanes: string[] | null;
}

// Fixture callbacks call their argument `provide` (Playwright calls it `use`), so the React hooks lint rule leaves them alone.
export const test = base.extend<Fixtures & Options>({
  accessEmail: [null, { option: true }],
  accessKeyFile: [null, { option: true }],
  nodeLanes: [null, { option: true }],
  baseURL: async ({ baseURL, nodeLanes }, provide, testInfo) => {
    await provide(nodeLanes?.length ? nodeLanes[testInfo.parallelIndex % nodeLanes.length] : baseURL);
  },
  // As Access's edge does: the signed-in admin's token on every request, the page's and the API's.
  extraHTTPHeaders: async ({ extraHTTPHeaders, accessEmail, accessKeyFile }, provide) => {
    if (!accessEmail || !accessKeyFile) return provide(extraHTTPHeaders);
    const token = await signAccessToken({ keyFile: accessKeyFile, email: accessEmail });
    await provide({ ...extraHTTPHeaders, 'cf-access-jwt-assertion': token });
  },
  api: async ({ request }, provide) => {
    await provide(createSandboxApi(request));
  },
  sandboxDns: async ({ request }, provide) => {
    const dns = createSandboxDns(request);
    await provide(dns);
    await dns.cleanup();
  },
  axe: async ({ page }, provide) => {
    await provide((options) => expectNoA11yViolations(page, options));
  },
  consoleErrors: [
    async ({ page }, provide) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
      await provide(errors);
      expect(errors, `uncaught error(s) in the page:\n${errors.join('\n')}`).toEqual([]);
    },
    { auto: true },
  ],
});
