import type { Page, TestInfo } from '@playwright/test';
import { accountPath, ACCOUNT_ID, expect, expectNoA11yViolations, test, type SandboxApi } from './support/fixtures.ts';

/**
 * A phone (390 × 844): the navigation is a menu button, and every page — lists, a group's tabs,
 * the composer, the wizards, the OAuth forms, dialogs — fits without sideways scrolling (wide
 * tables scroll inside themselves), the composer's sticky bar hides nothing, and axe is clean.
 */

test.use({ viewport: { width: 390, height: 844 } });

const IAM = `/accounts/${ACCOUNT_ID}/iam`;

/** The page does not scroll sideways; on failure, names the elements that stick out. */
async function expectFits(page: Page, what: string) {
  const result = await page.evaluate(() => {
    const width = window.innerWidth;
    const scrollsInside = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const x = getComputedStyle(a).overflowX;
        if ((x === 'auto' || x === 'scroll' || x === 'hidden') && a.getBoundingClientRect().right <= width + 0.5) return true;
      }
      return false;
    };
    const offenders = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && !scrollsInside(el))
      .slice(0, 6)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (right ${Math.round(el.getBoundingClientRect().right)})`);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, offenders };
  });
  expect
    .soft(result.scrollWidth, `${what} scrolls sideways (${result.scrollWidth} > ${result.innerWidth}): ${result.offenders.join(', ')}`)
    .toBeLessThanOrEqual(result.innerWidth);
}

async function check(page: Page, testInfo: TestInfo, what: string, options: { axe?: boolean } = {}) {
  await page.waitForLoadState('networkidle');
  await expectFits(page, what);
  await page.screenshot({ path: testInfo.outputPath(`${what.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true });
  if (options.axe !== false) await expectNoA11yViolations(page);
}

async function visit(page: Page, testInfo: TestInfo, path: string, heading: string | RegExp, what = path) {
  await page.goto(accountPath(path));
  await expect(page.getByRole('heading', { level: 1, name: heading }).first()).toBeVisible();
  await check(page, testInfo, what);
}

async function first<T>(api: SandboxApi, path: string, query: Record<string, string | number> = {}): Promise<T> {
  const res = await api.get<T[]>(path, query);
  expect(res.success, JSON.stringify(res.errors)).toBe(true);
  return res.result[0]!;
}

test('the navigation collapses into a menu button that opens and closes like a dialog', async ({ page }, testInfo) => {
  await page.goto(accountPath('/groups'));
  await expect(page.getByRole('heading', { level: 1, name: 'User groups' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  const menu = page.getByRole('button', { name: 'Open navigation' });
  await menu.click();
  const sheet = page.getByRole('dialog', { name: 'IAM Console' });
  await expect(sheet.getByRole('link', { name: 'User groups' })).toHaveAttribute('aria-current', 'page');
  await check(page, testInfo, 'menu open');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(menu).toBeFocused();

  await menu.click();
  await sheet.getByRole('link', { name: 'SSO' }).click();
  await expect(sheet).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`${accountPath('/sso')}$`));
  await expect(page.getByRole('heading', { level: 1, name: /SSO/ })).toBeVisible();
});

test('user groups, a group’s tabs, the composer and member access fit', async ({ page, api }, testInfo) => {
  test.setTimeout(120_000);
  await visit(page, testInfo, '/groups', 'User groups');
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check(page, testInfo, 'create group dialog');
  await page.keyboard.press('Escape');

  // A seeded group with policies and members, so every tab has content to lay out.
  const groups = (await api.get<Array<{ id: string; name: string; policies: unknown[] }>>(`${IAM}/user_groups`, { per_page: 50 })).result;
  const group = groups.find((g) => g.policies.length >= 2) ?? groups[0]!;
  await visit(page, testInfo, `/groups/${group.id}`, group.name, 'group overview');
  await page.getByRole('button', { name: 'Delete group' }).click();
  await check(page, testInfo, 'delete group dialog');
  await page.keyboard.press('Escape');
  await visit(page, testInfo, `/groups/${group.id}/members`, group.name, 'group members');
  await visit(page, testInfo, `/groups/${group.id}/access`, group.name, 'group access');

  await visit(page, testInfo, `/groups/${group.id}/policies`, group.name, 'group policies');
  // A valid draft (policy 1's access flipped), so the bar offers the review.
  const policy1 = page.getByRole('region', { name: 'Policy 1', exact: true });
  await policy1.getByRole('group', { name: 'Access for Policy 1' }).getByRole('radio', { checked: false }).check();
  await page.getByRole('button', { name: 'Add allow policy' }).click();
  const footer = page.getByRole('button', { name: 'Review and save…' });
  await expect(footer).toBeVisible();
  await check(page, testInfo, 'composer with a draft');
  // The sticky bar hides nothing: every control of every policy, scrolled up into view from
  // below (where a bar stuck to the bottom would sit over it), is the element under its centre.
  const controls = page.getByRole('region', { name: /^Policy \d+$/ }).getByRole('button');
  const count = await controls.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i);
    await control.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const covered = await control.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit && !el.contains(hit) ? `${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}` : null;
    });
    expect.soft(covered, `policy control ${i + 1} (${await control.getAttribute('aria-label') ?? await control.innerText()}) is covered`).toBeNull();
  }
  // The new, still empty policy would stop the review: remove it first.
  await page.getByRole('region', { name: /^Policy \d+$/ }).last().getByRole('button', { name: /^Remove/ }).click();
  await footer.click();
  await expect(page.getByRole('dialog', { name: /^Review changes/ })).toBeVisible();
  await check(page, testInfo, 'review dialog');
  await page.keyboard.press('Escape');

  const member = await first<{ id: string; user: { email: string } }>(api, `/accounts/${ACCOUNT_ID}/members`);
  await page.goto(accountPath(`/members/${member.id}?email=${encodeURIComponent(member.user.email)}`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await check(page, testInfo, 'member access');
});

test('permission groups, resource groups and their dialogs fit', async ({ page, api }, testInfo) => {
  test.setTimeout(90_000);
  await visit(page, testInfo, '/permission-groups', 'Permission groups');
  const pg = await first<{ id: string; name: string }>(api, `${IAM}/permission_groups`);
  await page.goto(accountPath(`/permission-groups/${pg.id}`));
  await expect(page.getByRole('heading', { level: 2, name: pg.name })).toBeVisible();
  await check(page, testInfo, 'permission group panel');

  await visit(page, testInfo, '/resource-groups', 'Resource groups');
  await page.getByRole('button', { name: 'Create resource group' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check(page, testInfo, 'create resource group dialog');
});

test('SSO pages and the setup wizard fit', async ({ page, api }, testInfo) => {
  test.setTimeout(90_000);
  await visit(page, testInfo, '/sso', /SSO/);
  await visit(page, testInfo, '/sso/new', /./, 'sso new');
  const connector = await first<{ id: string; email_domain: string }>(api, `/accounts/${ACCOUNT_ID}/sso_connectors`);
  await visit(page, testInfo, `/sso/${connector.id}`, connector.email_domain, 'sso detail');
  await visit(page, testInfo, `/sso/${connector.id}/setup`, /./, 'sso setup');
});

test('OAuth client pages and forms fit', async ({ page, api }, testInfo) => {
  test.setTimeout(90_000);
  await visit(page, testInfo, '/oauth-clients', 'OAuth clients');
  await visit(page, testInfo, '/oauth-clients/new', /./, 'oauth new');
  const client = await first<{ client_id: string; client_name: string }>(api, `/accounts/${ACCOUNT_ID}/oauth_clients`);
  await visit(page, testInfo, `/oauth-clients/${client.client_id}`, client.client_name, 'oauth detail');
  await visit(page, testInfo, `/oauth-clients/${client.client_id}/edit`, /./, 'oauth edit');
  await visit(page, testInfo, `/oauth-clients/${client.client_id}/rotate`, /./, 'oauth rotate');
  await visit(page, testInfo, `/oauth-clients/${client.client_id}/publish`, /./, 'oauth publish');
});

test('the in-shell messages fit: not found, a gone group, an unreachable account', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await check(page, testInfo, 'not found');
  await visit(page, testInfo, `/groups/${'0'.repeat(32)}`, 'User group not found', 'gone group');
  await page.goto(accountPath('/groups', 'f'.repeat(32)));
  await expect(page.getByRole('heading', { level: 1, name: 'This account cannot be opened' })).toBeVisible();
  await check(page, testInfo, 'unreachable account');
});
