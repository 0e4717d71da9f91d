import './e2e/era-2024/env.ts';
import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/**
 * The 2024 answer shapes (issue 24): existing journeys, unchanged, against a sandbox started with
 * SANDBOX_API_SHAPES=2024 (resource-group `scope` arrays, permission-group `meta` as before, no
 * `total_pages`, `result: []` for an empty member list…), so the console keeps reading both eras.
 *
 * A subset of the suite that still opens every page: findings home and every section (smoke),
 * a group's overview and every tab (account-urls, policy-composer, group-members, deletes-and-gone,
 * history), members and a member's access (members), permission groups and one group's panel
 * (permission-groups), resource groups, SSO (list, new, a connector, setup), OAuth clients (list,
 * new, a client, edit, rotate) and every History page.
 */
const ERA_2024_SPECS = [
  'smoke.spec.ts',
  'account-urls.spec.ts',
  'policy-composer.spec.ts',
  'group-members.spec.ts',
  'members.spec.ts',
  'permission-groups.spec.ts',
  'resource-groups.spec.ts',
  'sso-onboarding.spec.ts',
  'oauth-clients.spec.ts',
  'deletes-and-gone.spec.ts',
  'history.spec.ts',
];

const PORT = Number(process.env.E2E_PORT ?? 4173);
const servers = Array.isArray(base.webServer) ? base.webServer : base.webServer ? [base.webServer] : [];
const chromium = base.projects?.find((p) => p.name === 'chromium');
if (!chromium) throw new Error('playwright.config.ts has no chromium project to reuse');

export default defineConfig({
  ...base,
  outputDir: `.e2e/test-results-2024-${PORT}`,
  projects: [{ ...chromium, name: 'era-2024', testMatch: ERA_2024_SPECS, testIgnore: [] }],
  // The default-seed server only (the large one is never started here), in the 2024 answer era.
  webServer: servers.slice(0, 1).map((server) => ({ ...server, env: { ...server.env, SANDBOX_API_SHAPES: '2024' } })),
});
