import './e2e/era-2024/env.ts';
import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/**
 * The 2024 answer shapes (issue 24): existing journeys, unchanged, against a sandbox started with
 * SANDBOX_API_SHAPES=2024 (resource-group `scope` arrays, permission-group `meta` as before, no
 * `total_pages`, `result: []` for an empty member list…), so the console keeps reading both eras.
 *
 * A subset (18 journeys, by file and title) that opens the pages: findings home and every section
 * (smoke); a group's overview (account-urls, deletes-and-gone), policies with an inline resource
 * group and access (policy-composer), members (group-members); members and a member's page
 * (members); a permission group's panel with the policies using it; resource groups with the
 * scope builder; History with a revert; SSO new → setup → connector; OAuth clients new, a client,
 * rotate, publish and edit. No existing journey opens the per-resource History tabs: the Prism
 * run (e2e/prism/) does.
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

const ERA_2024_JOURNEYS = [
  /every section is reachable from the navigation/,
  /a group link opens in its own account/,
  /double-clicking Delete deletes once/,
  /compose a new group from scratch/,
  /effective access shows deny winning/,
  /remove one member, then several selected/,
  /find people, add two of them to two groups/,
  /a member who does not exist/,
  /the detail panel shows a permission group/,
  /create, edit and delete a resource group with the scope builder/,
  /change a group’s policies and members, see both in History/,
  /full onboarding: from the domain to SSO enabled/,
  /create a client with scopes and see the secret once/,
  /full rotation, from the overlap to revoking the old secret/,
  /promotion: the checklist goes green/,
];

const PORT = Number(process.env.E2E_PORT ?? 4173);
const servers = Array.isArray(base.webServer) ? base.webServer : base.webServer ? [base.webServer] : [];
const node = base.projects?.find((p) => p.name === 'node');
if (!node) throw new Error('playwright.config.ts has no node project to reuse');

export default defineConfig({
  ...base,
  outputDir: `.e2e/test-results-2024-${PORT}`,
  // The node project's lanes (one default-seed server per worker, e2e/support/fixtures.ts), both in
  // the 2024 answer era; the env file above starts no other server.
  projects: [{ ...node, name: 'era-2024', testMatch: ERA_2024_SPECS, testIgnore: [], grep: ERA_2024_JOURNEYS, grepInvert: /@workers-only/ }],
  webServer: servers.map((server) => ({ ...server, env: { ...server.env, SANDBOX_API_SHAPES: '2024' } })),
});
