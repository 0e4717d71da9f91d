import type { Page, Route } from '@playwright/test';
import { accountPath, ACCOUNT_ID, expect, expectNoA11yViolations, test, type SandboxApi } from './support/fixtures.ts';
import { chooseOption } from './support/select.ts';

/**
 * The account is part of every page's URL: a shared link opens the account it names, whatever
 * account this browser last worked in; switching accounts keeps the section; links from before
 * (/groups/…) open in the current account; an account the credential cannot reach, or an id that
 * is no account id, is said plainly inside the shell.
 */

const STAGING = '7c1a4e2b9d0f4c3e8a5b6d7e8f901a2b';

async function firstGroup(api: SandboxApi, accountId: string): Promise<{ id: string; name: string }> {
  const res = await api.get<Array<{ id: string; name: string }>>(`/accounts/${accountId}/iam/user_groups`, { per_page: 5 });
  expect(res.success, JSON.stringify(res.errors)).toBe(true);
  return res.result[0]!;
}

async function accountName(api: SandboxApi, accountId: string): Promise<string> {
  return (await api.get<{ name: string }>(`/accounts/${accountId}`)).result.name;
}

const switcher = (page: Page) => page.getByRole('combobox', { name: 'Account' });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test('a group link opens in its own account while another account is selected', { tag: '@workers' }, async ({ page, api }) => {
  const acmeGroup = await firstGroup(api, ACCOUNT_ID);
  const acme = await accountName(api, ACCOUNT_ID);
  const staging = await accountName(api, STAGING);

  // This browser works in Staging…
  await page.goto(accountPath('/groups', STAGING));
  await expect(page.getByRole('heading', { level: 1, name: 'User groups' })).toBeVisible();
  await expect(switcher(page)).toHaveText(staging);

  // …and a colleague's link to an Acme group opens that group, in Acme.
  await page.goto(accountPath(`/groups/${acmeGroup.id}/members`));
  await expect(page.getByRole('heading', { level: 1, name: acmeGroup.name })).toBeVisible();
  await expect(switcher(page)).toHaveText(acme);
  await expect(page.getByText(/not found/i)).toHaveCount(0);
  // The navigation works in the account of the page.
  await expect(nav(page).getByRole('link', { name: 'SSO', exact: true })).toHaveAttribute('href', accountPath('/sso'));
  await expectNoA11yViolations(page);
});

test('switching accounts keeps the section', async ({ page, api }) => {
  const staging = await accountName(api, STAGING);
  for (const [section, heading] of [
    ['/sso', /SSO/],
    ['/oauth-clients', /OAuth clients/],
    ['/permission-groups', /Permission groups/],
    ['/resource-groups', /Resource groups/],
  ] as const) {
    await page.goto(accountPath(section));
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await chooseOption(page, switcher(page), staging);
    await expect(page).toHaveURL(new RegExp(`/accounts/${STAGING}${section}(\\?|$)`));
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(nav(page).getByRole('link', { name: heading })).toHaveAttribute('aria-current', 'page');
  }
  // From a group's page, the other account's list of user groups (the group belongs to the old one).
  await page.goto(accountPath('/groups'));
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/groups\/[0-9a-f]{32}$/);
  await chooseOption(page, switcher(page), staging);
  await expect(page).toHaveURL(new RegExp(`/accounts/${STAGING}/groups(\\?|$)`));
  await expect(page.getByRole('heading', { level: 1, name: 'User groups' })).toBeVisible();
});

test('an old link without the account opens in the account last worked in', async ({ page, api }) => {
  const stagingGroup = await firstGroup(api, STAGING);
  await page.goto(accountPath('/sso', STAGING));
  await expect(page.getByRole('heading', { level: 1, name: /SSO/ })).toBeVisible();

  await page.goto(`/groups/${stagingGroup.id}/members?q=a`);
  await expect(page).toHaveURL(new RegExp(`/accounts/${STAGING}/groups/${stagingGroup.id}/members\\?`));
  // The search comes along.
  expect(new URL(page.url()).searchParams.get('q')).toBe('a');
  await expect(page.getByRole('heading', { level: 1, name: stagingGroup.name })).toBeVisible();

  // The home page too.
  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`/accounts/${STAGING}/?$`));
});

test('an account the credential cannot reach is said plainly, inside the shell', async ({ page, api }) => {
  const unreachable = 'f'.repeat(32);
  const acme = await accountName(api, ACCOUNT_ID);
  await page.goto(accountPath('/groups', ACCOUNT_ID));
  await expect(page.getByRole('heading', { level: 1, name: 'User groups' })).toBeVisible();

  await page.goto(accountPath('/groups/0123456789abcdef0123456789abcdef', unreachable));
  await expect(page.getByRole('heading', { level: 1, name: 'This account cannot be opened' })).toBeVisible();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`“${unreachable}”`);
  await expect(alert).toContainText('the credential this console uses cannot reach');
  // The API's own answer, not a made-up one.
  await expect(alert).toContainText(/Cloudflare answered: .+\(code \d+\)/);
  // The shell stays: navigation, the account switcher saying which account the URL names.
  await expect(nav(page).getByRole('link', { name: 'User groups' })).toBeVisible();
  await expect(switcher(page)).toHaveText(/^Account ffffffff…/);
  await expectNoA11yViolations(page);

  await page.getByRole('link', { name: `Open ${acme}` }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${ACCOUNT_ID}/groups(\\?|$)`));
  await expect(page.getByRole('heading', { level: 1, name: 'User groups' })).toBeVisible();
});

test('a malformed account id is refused before any request, inside the shell', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/client/v4/accounts/not-an-account')) asked.push(r.url());
  });
  await page.goto('/accounts/not-an-account/groups');
  await expect(page.getByRole('heading', { level: 1, name: 'This is not an account id' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('account ids are 32 hexadecimal characters');
  await expect(nav(page)).toBeVisible();
  await expectNoA11yViolations(page);
  expect(asked).toEqual([]);
});

test('when the account list itself cannot load, the frame and navigation stay, with a retry only where it can help', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(accountPath('/sso'));
  await expect(page.getByRole('heading', { level: 1, name: /SSO/ })).toBeVisible();

  // A refusal (403) will be the same next time: said, with no "Try again".
  const refuse = (status: number, code: number, message: string) => (route: Route) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify({ success: false, errors: [{ code, message }], messages: [], result: null }) });
  await page.route('**/client/v4/accounts?*', refuse(403, 9109, 'Unauthorized to access requested resource'));
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('Unauthorized to access requested resource (code 9109)');
  await expect(page.getByText('The credential this console uses is not allowed to read this')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await expect(nav(page).getByRole('link', { name: 'SSO' })).toHaveAttribute('href', accountPath('/sso'));
  await expectNoA11yViolations(page);

  // An outage may pass: after the automatic retries, "Try again" is offered, and it recovers.
  await page.unroute('**/client/v4/accounts?*');
  await page.route('**/client/v4/accounts?*', refuse(503, 10000, 'Service unavailable'));
  await page.reload();
  const retry = page.getByRole('button', { name: 'Try again' });
  await expect(retry).toBeVisible({ timeout: 20_000 });
  await expect(nav(page)).toBeVisible();
  await page.unroute('**/client/v4/accounts?*');
  await retry.click();
  await expect(page.getByRole('heading', { level: 1, name: /SSO/ })).toBeVisible();
  await expect(switcher(page)).toHaveText('Acme Corp');
});
