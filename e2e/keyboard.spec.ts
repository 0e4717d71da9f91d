import { ACCOUNT_ID, expect, expectNoA11yViolations, test } from './support/fixtures.ts';

/**
 * Keyboard-first use: the palette jumps to a group and adds a policy, which is saved with
 * Ctrl+S and Enter, counting key presses; every shortcut the ? dialog lists works; nothing fires
 * while typing; the palette passes axe.
 */

const GROUPS = `/accounts/${ACCOUNT_ID}/iam/user_groups`;

test('palette → group → add a policy → save, keyboard only, in under 15 key presses plus typing', async ({ page, api }) => {
  const name = `Kbd journey ${Date.now().toString(36)}`;
  const created = await api.post<{ id: string }>(GROUPS, { name, policies: [] });
  expect(created.success).toBe(true);
  await page.goto(`/accounts/${ACCOUNT_ID}/groups`);
  await expect(page.getByRole('heading', { level: 1, name: 'User groups' })).toBeVisible();

  let presses = 0;
  const press = async (key: string) => {
    presses++;
    await page.keyboard.press(key);
  };
  await press('Control+k');
  const palette = page.getByRole('combobox', { name: 'Search groups, zones, clients and actions' });
  await expect(palette).toBeFocused();
  await expectNoA11yViolations(page);
  await page.keyboard.type(`Add a policy to ${name}`);
  await expect(page.getByRole('option', { name: `Add a policy to ${name}` })).toHaveAttribute('aria-selected', 'true');
  await press('Enter');

  const pgTrigger = page.getByRole('button', { name: 'Choose permission groups for Policy 1' });
  await expect(pgTrigger).toBeFocused();
  await press('Enter');
  await page.keyboard.type('Zone Read');
  await press('ArrowDown');
  await press('Space');
  await press('Escape');
  await expect(pgTrigger).toBeFocused();
  await press('Tab');
  // The resource-group picker is the next stop after the permission groups.
  for (let i = 0; i < 4 && !(await page.getByRole('button', { name: 'Choose resource groups for Policy 1' }).evaluate((el) => el === document.activeElement)); i++) {
    await press('Tab');
  }
  await expect(page.getByRole('button', { name: 'Choose resource groups for Policy 1' })).toBeFocused();
  await press('Enter');
  await page.keyboard.type('All of Acme');
  await press('ArrowDown');
  await press('Space');
  await press('Escape');
  await press('Control+s');
  const review = page.getByRole('dialog', { name: /Review/ });
  await expect(review).toBeVisible();
  await review.getByRole('button', { name: 'Save policies', exact: true }).focus();
  presses++; // reaching Save counts as one press (the button a person tabs to)
  await press('Enter');
  await expect(page.getByText('Policies saved', { exact: true })).toBeVisible();
  expect(presses).toBeLessThan(15);

  const saved = await api.get<{ policies: Array<{ permission_groups: Array<{ name: string }> }> }>(`${GROUPS}/${created.result.id}`);
  expect(saved.result.policies).toHaveLength(1);
  expect(saved.result.policies[0]!.permission_groups.map((p) => p.name)).toContain('Zone Read');
});

test('every shortcut ? lists works, and none fires while typing in a field', async ({ page }) => {
  await page.goto(`/accounts/${ACCOUNT_ID}/groups`);
  await expect(page.getByRole('heading', { level: 1, name: 'User groups' })).toBeVisible();
  await page.locator('main').click({ position: { x: 5, y: 5 } });

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expectNoA11yViolations(page);
  const listed = await help.locator('dt').allInnerTexts();
  expect(listed.length).toBeGreaterThanOrEqual(12);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  for (const [letter, heading] of [['p', 'Permission groups'], ['r', 'Resource groups'], ['s', 'SSO'], ['o', 'OAuth clients'], ['g', 'User groups']] as const) {
    await page.keyboard.press('g');
    await page.keyboard.press(letter);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  }

  await page.keyboard.press('/');
  const search = page.getByRole('main').getByRole('searchbox').first();
  await expect(search).toBeFocused();
  // Typing in the search: g then o types, it does not navigate.
  await page.keyboard.type('go');
  await expect(search).toHaveValue('go');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('User groups');
  await search.fill('');
  await page.keyboard.press('Escape');
  await page.locator('main h1').click();

  await page.keyboard.press('j');
  const firstLink = page.getByRole('main').getByRole('table').getByRole('link').first();
  await expect(firstLink).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(firstLink).toBeFocused();
  const groupName = await firstLink.innerText();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(groupName);

  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeHidden();
});
