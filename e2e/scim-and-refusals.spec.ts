import type { Page } from '@playwright/test';
import { ACCOUNT_ID, accountPath, expect, expectNoA11yViolations, test, type SandboxApi } from './support/fixtures.ts';

/**
 * Issue 24 item 4: refuse early what the API would refuse. Rule 1006 said in words before save;
 * a 403 names the token permission it lacks; SCIM-managed groups (Decision 4) say so and offer no
 * edit. The SCIM test needs the sandbox's two SCIM-provisioned groups (the sandbox branch seeds them).
 */

test.describe.configure({ timeout: 60_000 });

const GROUPS = `/accounts/${ACCOUNT_ID}/iam/user_groups`;
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e5)}`;

async function newGroup(api: SandboxApi, label: string) {
  const res = await api.post<{ id: string; name: string }>(GROUPS, { name: `${label} ${unique()}`, policies: [] });
  expect(res.success, JSON.stringify(res.errors)).toBe(true);
  return res.result;
}

const policyCard = (page: Page, n: number) => page.getByRole('region', { name: `Policy ${n}`, exact: true });

async function choose(page: Page, n: number, kind: 'permission' | 'resource', name: string) {
  const card = policyCard(page, n);
  await card.getByRole('button', { name: `Choose ${kind} groups for Policy ${n}` }).click();
  const popover = page.getByRole('dialog', { name: `${kind === 'permission' ? 'Permission' : 'Resource'} groups for Policy ${n}` });
  await popover.getByRole('searchbox').fill(name);
  await popover.getByRole('checkbox', { name: new RegExp(`^${name}\\b`) }).first().check();
  await popover.getByRole('button', { name: 'Done' }).click();
  await expect(popover).toBeHidden();
}

test('a zone permission group on the whole account is said to be refused (1006) before save, in words', async ({ page, api }) => {
  const group = await newGroup(api, 'Refuse early');
  await page.goto(accountPath(`/groups/${group.id}/policies`));
  await page.getByRole('button', { name: 'Add allow policy' }).click();
  await choose(page, 1, 'permission', 'DNS');
  await choose(page, 1, 'resource', 'All of Acme Corp');
  const note = policyCard(page, 1).getByRole('note');
  await expect(note).toContainText('code 1006');
  await expect(note).toContainText('“DNS” acts on zones; “All of Acme Corp” is the whole account.');
  await expect(note).toContainText('Pair “DNS” with a resource group of zones');

  // The JSON view says it too, at the permission group's pointer.
  await page.getByRole('tab', { name: 'JSON' }).click();
  await expect(page.getByText('saving would fail — these pairings draw code 1006')).toBeVisible();
  await expect(page.getByText('/policies/0/permission_groups/0/id')).toBeVisible();
  await expectNoA11yViolations(page);
});

test('a 403 names the token permission it lacks, what to change, and links the documentation', async ({ page, api }) => {
  const group = await newGroup(api, 'Forbidden delete');
  await page.route(`**/client/v4/accounts/${ACCOUNT_ID}/iam/user_groups/${group.id}`, (route) =>
    route.request().method() === 'DELETE'
      ? route.fulfill({
          status: 403,
          contentType: 'application/json',
          body: JSON.stringify({
            success: false,
            result: null,
            errors: [{ code: 10000, message: 'Forbidden', documentation_url: 'https://developers.cloudflare.com/fundamentals/api/reference/permissions/' }],
            messages: [],
          }),
        })
      : route.fallback(),
  );
  await page.goto(accountPath(`/groups/${group.id}`));
  await page.getByRole('button', { name: 'Delete group' }).click();
  await page.getByRole('dialog').getByRole('textbox').fill(group.name);
  await page.getByRole('dialog').getByRole('button', { name: 'Delete group' }).click();
  const banner = page.getByRole('dialog').getByRole('alert');
  await expect(banner).toContainText('Forbidden (code 10000)');
  await expect(banner).toContainText('Your API token lacks “Account Settings Write”');
  await expect(banner).toContainText('Add it to the token in the Cloudflare dashboard (My Profile → API Tokens) and retry.');
  const docs = banner.getByRole('link', { name: 'Cloudflare’s guide to API token permissions' });
  await expect(docs).toHaveAttribute('href', 'https://developers.cloudflare.com/fundamentals/api/reference/permissions/');
  await expectNoA11yViolations(page);
});

test('a SCIM-managed group says so in the list and on its page, and its edits are refused by the console, by keyboard too', async ({ page, request }) => {
  // The console learns the set once per account from the audit log's SCIM creation entries.
  const answer = await request.get(`/console-api/history/scim-managed?account_id=${ACCOUNT_ID}`);
  expect(answer.status()).toBe(200);
  const { group_ids: managed } = (await answer.json()) as { group_ids: string[] };
  expect(managed.length, 'the sandbox seeds two SCIM-provisioned groups (sandbox branch)').toBeGreaterThanOrEqual(2);

  // The list draws only the rows near the viewport, and other journeys add groups ahead of the
  // seeded "Okta · …" ones: find them by name, then each managed row says so.
  await page.goto(accountPath('/groups'));
  await page.getByRole('searchbox', { name: 'Search by name' }).fill('Okta ·');
  for (const name of ['Okta · Finance', 'Okta · Platform Engineers']) {
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(row.getByText('Managed by your identity provider')).toBeVisible();
  }

  await page.goto(accountPath(`/groups/${managed[0]}`));
  await expect(page.getByRole('note', { name: 'Managed by your identity provider' })).toBeVisible();
  const del = page.getByRole('button', { name: 'Delete group' });
  await expect(del).toHaveAttribute('aria-disabled', 'true');
  await expect(del).toHaveAccessibleDescription(/provisioned by SCIM from your identity provider/);
  await del.focus();
  await expect(del).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Rename' })).toHaveAttribute('aria-disabled', 'true');

  await page.goto(accountPath(`/groups/${managed[0]}/members`));
  const add = page.getByRole('button', { name: 'Add members', exact: true });
  await expect(add).toHaveAttribute('aria-disabled', 'true');
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.goto(accountPath(`/groups/${managed[0]}/policies`));
  await expect(page.getByRole('button', { name: 'Review and save…' })).toHaveAttribute('aria-disabled', 'true');
  await expectNoA11yViolations(page);
});
