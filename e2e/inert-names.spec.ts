import { accountPath, ACCOUNT_ID, expect, expectNoA11yViolations, test } from './support/fixtures.ts';

/**
 * Issue 28 item 7: a name with bidirectional controls ("Admins \u202Egnp.exe\u202C" displays as
 * "Admins exe.png") reads as typed wherever the console shows it: the control is isolated and
 * made visible (⟨U+202E⟩) in the groups table, the group's heading, the palette and History.
 */
const GROUPS = `/client/v4/accounts/${ACCOUNT_ID}/iam/user_groups`;

test('a group name with a right-to-left override is shown inert in the list, heading, palette and History', async ({ page }) => {
  const tag = Date.now().toString(36);
  const name = `Admins \u202Egnp.exe\u202C ${tag}`;
  const shown = `Admins ⟨U+202E⟩gnp.exe⟨U+202C⟩ ${tag}`;
  await page.goto(accountPath('/groups'));
  await expect(page.getByRole('heading', { level: 1, name: 'User groups' })).toBeVisible();
  // Created as the console creates it (its header), so History journals it.
  const created = await page.evaluate(
    async ({ url, body }) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-iam-console': '1' }, body: JSON.stringify(body) });
      return (await res.json()) as { success: boolean; result: { id: string; name: string } };
    },
    { url: GROUPS, body: { name } },
  );
  expect(created.success).toBe(true);
  expect(created.result.name, 'the API keeps the name as typed').toBe(name);

  await page.goto(accountPath(`/groups?q=${tag}`));
  await expect(page.getByRole('link', { name: shown })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.goto(accountPath(`/groups/${created.result.id}`));
  await expect(page.getByRole('heading', { level: 1, name: shown })).toBeVisible();

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('combobox', { name: 'Search groups, zones, clients and actions' });
  await expect(palette).toBeFocused();
  await page.keyboard.type(tag);
  await expect(page.getByRole('option', { name: shown }).first()).toBeVisible();
  await page.keyboard.press('Escape');

  await page.goto(accountPath('/history'));
  await expect(page.getByRole('article').filter({ hasText: shown }).first()).toBeVisible();
  expect(await page.evaluate(() => document.body.innerText.includes('\u202E')), 'no live override anywhere on the page').toBe(false);
});
