import type { Page, TestInfo } from '@playwright/test';
import { accountPath, ACCOUNT_ID, expect, expectNoA11yViolations, test, type SandboxApi } from './support/fixtures.ts';
import { chooseOption } from './support/select.ts';
import { revealBidiControls } from '../src/lib/bidi.ts';

/**
 * Smoke journey: a person opens the console and visits every section from the navigation. Each
 * page must show its heading and the sandbox's seeded data, keep the shell (Sandbox badge,
 * labelled account switcher) in place, and pass an axe WCAG 2.1 AA scan.
 */

interface Section {
  link: string;
  path: string;
  heading: RegExp;
  /** Something from the seeded data that the page must show, read from the API. */
  seeded: (api: SandboxApi) => Promise<string>;
}

async function firstOf(api: SandboxApi, path: string, pick: (item: any) => unknown): Promise<string> {
  const res = await api.get(path);
  expect(res.success, `GET ${path} failed: ${JSON.stringify(res.errors)}`).toBe(true);
  expect(Array.isArray(res.result) && res.result.length > 0, `the sandbox seeds something at ${path}`).toBe(true);
  const value = pick(res.result[0]);
  expect(typeof value === 'string' && value.length > 0, `first item at ${path} has a display name`).toBe(true);
  return value as string;
}

const IAM = `/accounts/${ACCOUNT_ID}/iam`;

const SECTIONS: Section[] = [
  {
    link: 'User groups',
    path: '/groups',
    heading: /^User groups$/,
    seeded: (api) => firstOf(api, `${IAM}/user_groups`, (g) => g.name),
  },
  {
    link: 'Permission groups',
    path: '/permission-groups',
    heading: /^Permission groups$/,
    seeded: (api) => firstOf(api, `${IAM}/permission_groups`, (g) => g.name),
  },
  {
    link: 'Resource groups',
    path: '/resource-groups',
    heading: /^Resource groups$/,
    seeded: (api) => firstOf(api, `${IAM}/resource_groups`, (g) => g.name),
  },
  {
    link: 'SSO',
    path: '/sso',
    heading: /^(SSO|Single sign-on)/i,
    seeded: (api) => firstOf(api, `/accounts/${ACCOUNT_ID}/sso_connectors`, (c) => c.email_domain),
  },
  {
    link: 'OAuth clients',
    path: '/oauth-clients',
    heading: /^OAuth clients$/,
    seeded: (api) => firstOf(api, `/accounts/${ACCOUNT_ID}/oauth_clients`, (c) => c.client_name),
  },
];

async function expectShell(page: Page, accountName: string) {
  const banner = page.getByRole('banner').first();
  await expect(page.getByText('Sandbox', { exact: true }), 'the Sandbox badge').toBeVisible();
  const switcher = page.getByRole('combobox', { name: 'Account' });
  await expect(switcher, 'the account switcher has a label').toBeVisible();
  await expect(switcher).toHaveText(accountName);
  await expect(banner).toBeVisible();
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  // Kept in the test's output dir (.e2e/test-results-<port>/…) for a person to look at.
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

test('every section is reachable from the navigation and shows seeded data', { tag: '@workers' }, async ({ page, api }, testInfo) => {
  const account = await api.get(`/accounts/${ACCOUNT_ID}`);
  expect(account.success).toBe(true);
  const accountName: string = account.result.name;

  await page.goto('/');
  // The start page is the findings home of the (first) account.
  await expect(page).toHaveURL(new RegExp(`/accounts/${ACCOUNT_ID}/?$`));

  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const section of SECTIONS) {
    await test.step(section.link, async () => {
      const seeded = await section.seeded(api);
      const link = nav.getByRole('link', { name: section.link, exact: true });
      await link.click();
      await expect(page).toHaveURL(new RegExp(`/accounts/${ACCOUNT_ID}${section.path}(\\?.*)?$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.heading);
      await expect(link, 'the current section is marked in the nav').toHaveAttribute('aria-current', 'page');
      // Names are shown inert: another journey's group with a bidi control reads with its marker.
      await expect(page.getByRole('main').getByText(revealBidiControls(seeded), { exact: true }).first(), `seeded "${seeded}" is listed`).toBeVisible();
      await expectShell(page, accountName);
      await screenshot(page, testInfo, section.path.slice(1));
      await expectNoA11yViolations(page);
    });
  }
});

test('the dark theme passes the same accessibility checks', async ({ page }, testInfo) => {
  await page.goto(accountPath('/groups'));
  await expect(page.getByRole('heading', { level: 1, name: 'User groups' })).toBeVisible();
  await chooseOption(page, page.getByRole('combobox', { name: 'Theme' }), 'Dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, testInfo, 'groups-dark');
  await expectNoA11yViolations(page);

  // The choice survives a reload, and every other section holds up in dark too.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  for (const section of SECTIONS.slice(1)) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: section.link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.heading);
    await screenshot(page, testInfo, `${section.path.slice(1)}-dark`);
    await expectNoA11yViolations(page);
  }

  await chooseOption(page, page.getByRole('combobox', { name: 'Theme' }), 'Light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('an unknown address shows the not-found page with a way back', { tag: '@workers' }, async ({ page }, testInfo) => {
  await page.goto('/no-such-page/at-all');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByText('Sandbox', { exact: true })).toBeVisible();
  await screenshot(page, testInfo, 'not-found');
  await expectNoA11yViolations(page);
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page).toHaveURL(/\/accounts\/[0-9a-f]{32}\/?$/);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'User groups' })).toBeVisible();
});
