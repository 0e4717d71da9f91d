import type { Page } from '@playwright/test';
import { accountPath, ACCOUNT_ID, expect, expectNoA11yViolations, test, type SandboxApi } from './support/fixtures.ts';
import { injectFaults } from './support/faults.ts';

/**
 * A rate-limit lockout is always said, with one countdown for the whole app (issue 26 item 7,
 * issue 31 item 2, issue 30 item 12): a new tab opened during a lockout shows the banner from its
 * first paint instead of a grey page; a save refused by a 429 keeps its review open, counting down
 * with the banner to the same second; an OAuth create refused by a 429 names the time to retry.
 *
 * The lockout is the sandbox's own 429 (X-Sandbox-Fault, server/sandbox/faults.ts) with
 * `Ratelimit: r=0`, as Cloudflare answers once a user's 1,200 requests are spent. Lockouts are
 * kept short (the console's server pauses its own reads for as long).
 */

const GROUPS = `/accounts/${ACCOUNT_ID}/iam/user_groups`;
const lockout = (seconds: number) => `429, retry-after=${seconds}, quota=0/${seconds}`;


/**
 * Every countdown on the page, as shown: they must all be the same text. (Behind an open dialog
 * the banner is hidden from assistive technology, not from the eye: it is counted too.)
 */
async function countdowns(page: Page): Promise<string[]> {
  return page.getByRole('timer', { includeHidden: true }).allInnerTexts();
}

async function newGroup(api: SandboxApi, label: string) {
  const pgs = await api.get<Array<{ id: string; name: string }>>(`/accounts/${ACCOUNT_ID}/iam/permission_groups`, { name: 'Zone Read', per_page: 50 });
  const rgs = await api.get<Array<{ id: string; name: string }>>(`/accounts/${ACCOUNT_ID}/iam/resource_groups`);
  const pg = pgs.result.find((p) => p.name === 'Zone Read')!.id;
  const rg = rgs.result.find((r) => r.name === 'All Acme zones')!.id;
  const res = await api.post<{ id: string; name: string }>(GROUPS, {
    name: `${label} ${Date.now().toString(36)}`,
    policies: [{ access: 'allow', permission_groups: [{ id: pg }], resource_groups: [{ id: rg }] }],
  });
  expect(res.success).toBe(true);
  return res.result;
}

test('a new tab opened during a lockout shows the banner and its countdown at once, sends nothing, and loads when it ends', async ({ page, context }) => {
  // The lockout starts in one tab: the console's server sees the 429 pass.
  await injectFaults(page, () => true, () => lockout(15));
  await page.goto(accountPath('/groups'));
  const banner = page.getByRole('status').filter({ hasText: 'rate limit is reached' });
  await expect(banner).toBeVisible({ timeout: 10_000 });

  // A second tab, whose calls would all be answered (nothing injects a fault there): it knows of
  // the lockout from the page itself, shows the banner with its countdown, and asks nothing.
  const tab = await context.newPage();
  const asked: string[] = [];
  tab.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/client/v4/')) asked.push(r.url());
  });
  await tab.goto(accountPath('/groups'));
  const tabBanner = tab.getByRole('status').filter({ hasText: 'rate limit is reached' });
  await expect(tabBanner).toBeVisible({ timeout: 5_000 });
  await expect(tabBanner.getByRole('timer')).toHaveText(/^0:[01]\d$/);
  // The frame is there with the banner: the navigation, not a grey page.
  await expect(tab.getByRole('link', { name: 'IAM Console home' })).toBeVisible();
  await expectNoA11yViolations(tab);
  expect(asked).toEqual([]);

  // When the lockout ends the page loads on its own, and the banner goes.
  await expect(tab.getByRole('heading', { name: 'User groups', level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(tabBanner).toBeHidden();
  expect(asked.length).toBeGreaterThan(0);
});

test('a save refused by a lockout keeps the review open, with the same countdown as the banner', async ({ page, api }) => {
  const group = await newGroup(api, 'Lockout review');
  const sent = await injectFaults(page, (r) => r.method() === 'PUT' && new URL(r.url()).pathname === `/client/v4${GROUPS}/${group.id}`, () => lockout(15));
  await page.goto(accountPath(`/groups/${group.id}/policies`));
  await page.getByRole('region', { name: 'Policy 1', exact: true }).getByRole('radio', { name: 'Deny' }).check();
  await page.getByRole('button', { name: 'Review and save…' }).click();
  const review = page.getByRole('dialog', { name: `Review changes to ${group.name}` });
  await review.getByRole('button', { name: 'Save policies' }).click();

  // Refused: the review stays, says so, and when to try again.
  const refusal = review.getByRole('alert').filter({ hasText: 'Not saved' });
  await expect(refusal).toContainText('Rate limited');
  await expect(refusal.getByRole('timer')).toHaveText(/^0:1\d$/);
  await expect(review.getByRole('button', { name: 'Save policies' })).toBeVisible();
  // The banner counts down to the same end: on every tick, one time for one lockout.
  await expect(page.getByRole('status', { includeHidden: true }).filter({ hasText: 'rate limit is reached' })).toBeVisible();
  for (let tick = 0; tick < 3; tick++) {
    await expect(async () => {
      const shown = await countdowns(page);
      expect(shown).toHaveLength(2);
      expect(new Set(shown).size).toBe(1);
    }).toPass({ timeout: 2_000 });
    await page.waitForTimeout(700);
  }
  expect(sent).toHaveLength(1);
  expect((await api.get<{ policies: Array<{ access: string }> }>(`${GROUPS}/${group.id}`)).result.policies[0]!.access).toBe('allow');
  // The lockout ends for every view at once (and the next journey starts without one).
  await expect(page.getByRole('timer', { includeHidden: true })).toHaveCount(0, { timeout: 20_000 });
  await expect(review.getByRole('button', { name: 'Save policies' })).toBeEnabled();
});

test('an OAuth client create refused by a 429 names when to retry, and keeps what was typed', async ({ page, api }) => {
  const CLIENTS = `/client/v4/accounts/${ACCOUNT_ID}/oauth_clients`;
  // A one-off 429 (quota left): no lockout, but a Retry-After of two minutes.
  const sent = await injectFaults(page, (r) => r.method() === 'POST' && new URL(r.url()).pathname === CLIENTS, () => '429, retry-after=120');
  const name = `Lockout client ${Date.now().toString(36)}`;
  await page.goto(accountPath('/oauth-clients/new'));
  await page.getByLabel('Client name', { exact: true }).fill(name);
  await page.getByRole('textbox', { name: 'Redirect URI 1' }).fill('https://app.example.com/callback');
  await page.getByRole('button', { name: 'Create client' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'The client could not be saved' });
  await expect(refusal).toContainText('Rate limited');
  await expect(refusal).toContainText(/You can try again in (2:00|1:5\d) \(at \d\d:\d\d:\d\d/);
  await expect(page.getByLabel('Client name', { exact: true })).toHaveValue(name);
  expect(sent).toHaveLength(1);
  const clients = await api.get<Array<{ client_name: string }>>(`/accounts/${ACCOUNT_ID}/oauth_clients`, { per_page: 100 });
  expect(clients.result.filter((c) => c.client_name === name)).toHaveLength(0);
});
