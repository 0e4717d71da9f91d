import { accountPath, ACCOUNT_ID, expect, test } from './support/fixtures.ts';
import { freshIndex } from './support/membership-index.ts';

/**
 * An answer may name a member without an email (Prism's generated answers do): the Members list
 * still gives a visible link to that person, named by their id, and a named checkbox.
 */
test('a member listed without an email is still a link to follow, named by their id', async ({ page }) => {
  await freshIndex(page.request);
  let blanked: string | null = null;
  await page.route(
    (url) => url.pathname === `/console-api/accounts/${ACCOUNT_ID}/members`,
    async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { members: Array<{ id: string; email: string }> };
      blanked = body.members[0]!.id;
      body.members[0]!.email = '';
      await route.fulfill({ response, json: body });
    },
  );
  await page.goto(accountPath('/members'));
  await expect.poll(() => blanked).not.toBeNull();
  const link = page.getByRole('main').getByRole('link', { name: blanked!, exact: true });
  await expect(link).toBeVisible();
  await expect(page.getByRole('checkbox', { name: `Select ${blanked!}` })).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/members/${blanked!}$`));
});
