import { accountPath, ACCOUNT_ID, expect, test } from './support/fixtures.ts';

/**
 * When the findings cannot be computed, the home page says so once, in the banner, and stops
 * saying it is reading: no tile or status keeps "Reading…" after the answer came back refused.
 */
test('findings that could not be computed leave no tile saying "Reading…"', async ({ page }) => {
  await page.route(
    (url) => url.pathname === `/console-api/accounts/${ACCOUNT_ID}/findings`,
    (route) => route.fulfill({ status: 403, json: { success: false, errors: [{ code: 10000, message: 'Authentication error' }], messages: [], result: null } }),
  );
  await page.goto(accountPath(''));
  await expect(page.getByRole('alert').filter({ hasText: 'Could not compute the findings' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Open findings' }).getByRole('status')).toHaveText(/^Not computed/);
  const posture = page.getByRole('group', { name: 'How the account stands' });
  await expect(posture.getByText('Reading…')).toHaveCount(0);
  await expect(posture.getByRole('region', { name: 'Admins' })).toContainText('Not known');
});
