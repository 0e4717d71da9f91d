import { accountPath, ACCOUNT_ID, expect, expectNoA11yViolations, test } from './support/fixtures.ts';

/**
 * TODAY.md rows as an admin meets them in the console: a member without DSR is refused next to
 * their name (row 12), a group of Workers reads as Workers (row 27), a permission group says what
 * it acts on in words, and an academic SSO domain says it needs Cloudflare's approval (row 17).
 */
const IAM = `/accounts/${ACCOUNT_ID}/iam`;
const NO_DSR = 'zanele.yusuf@acme.com'; // seeded without DSR (server/sandbox/db/seed-dsr.ts)

test('adding a member without DSR: refused next to that person, nobody added', async ({ page, api }) => {
  const group = await api.post<{ id: string }>(`${IAM}/user_groups`, { name: `E2E DSR ${Date.now().toString(36)}` });
  expect(group.success).toBe(true);
  await page.goto(accountPath(`/groups/${group.result.id}/members`));
  await page.getByRole('button', { name: 'Add members' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add members' });
  await dialog.getByRole('searchbox', { name: 'Search account members' }).fill(NO_DSR);
  await dialog.getByRole('checkbox', { name: new RegExp(NO_DSR) }).check();
  await dialog.getByRole('button', { name: 'Add 1 member' }).click();

  const unselect = dialog.getByRole('button', { name: `Unselect ${NO_DSR}` });
  await expect(unselect).toHaveAccessibleDescription(/^Cannot join user groups yet: Cloudflare has not enabled group membership \(DSR\) for this person/);
  await expect(dialog.getByRole('alert')).toContainText('Nobody was added');
  await expectNoA11yViolations(page);
  const members = await api.get<unknown[] | null>(`${IAM}/user_groups/${group.result.id}/members`);
  expect(members.result).toBeNull(); // today's API: an empty group answers result: null
});

test('a group of Workers reads as Workers; a permission group says what it acts on in words', async ({ page, api }) => {
  await page.goto(accountPath('/resource-groups'));
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Checkout Workers' }) });
  await expect(row).toContainText('2 Workers');

  const editor = (await api.get<Array<{ id: string; name: string }>>(`${IAM}/permission_groups`, { name: 'Workers Editor' })).result.find((g) => g.name === 'Workers Editor')!;
  await page.goto(accountPath(`/permission-groups/${editor.id}`));
  const panel = page.getByRole('complementary', { name: 'Workers Editor' });
  // meta.scopes is one string (the SDK's type): the per-Worker class, granted on all Workers or chosen ones.
  await expect(panel.getByRole('definition').filter({ hasText: /^Workers$/ })).toBeVisible();
  await expect(panel).not.toContainText('com.cloudflare.api.account');
});

test('an academic SSO domain says enabling needs Cloudflare approval', async ({ page }) => {
  await page.goto(accountPath('/sso/new'));
  await page.getByRole('textbox', { name: 'Email domain' }).fill('physics.example.edu');
  await expect(page.getByText(/Academic domain: .*Cloudflare support must approve it before SSO can be enabled/)).toBeVisible();
});
