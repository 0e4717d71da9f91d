import type { Page } from '@playwright/test';
import { ACCOUNT_ID, accountPath, expect, expectNoA11yViolations, test, type SandboxApi } from './support/fixtures.ts';
import { freshIndex } from './support/membership-index.ts';
import { chooseOption } from './support/select.ts';

/**
 * Members: everyone in the account with their groups, from the membership index; bulk add to
 * and remove from groups with a preview; a 429 during the write keeps the choice and says when
 * to retry; a member who does not exist is "no such member".
 */

const GROUPS = `/accounts/${ACCOUNT_ID}/iam/user_groups`;
type AccountMember = { id: string; user: { email: string } };

async function newGroup(api: SandboxApi, prefix: string) {
  const res = await api.post<{ id: string; name: string }>(GROUPS, { name: `${prefix} ${Date.now().toString(36)}` });
  expect(res.success).toBe(true);
  return res.result;
}

async function memberIds(api: SandboxApi, groupId: string) {
  const res = await api.get<Array<{ id: string }> | null>(`${GROUPS}/${groupId}/members`, { per_page: 500 });
  expect(res.success, JSON.stringify(res.errors)).toBe(true);
  // Today's API answers an empty membership with `result: null`, not `[]`.
  return (res.result ?? []).map((m) => m.id).sort();
}

async function openMembers(page: Page) {
  await page.goto(accountPath('/groups'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await expect(page.getByText(/^Memberships as of/)).toBeVisible({ timeout: 20_000 });
}

test('find people, add two of them to two groups with a preview, then remove one', { tag: '@workers' }, async ({ page, api }) => {
  test.setTimeout(90_000); // a long journey: two searches, two dialogs, four API checks
  const [first, second] = await Promise.all([newGroup(api, 'Members bulk A'), newGroup(api, 'Members bulk B')]);
  const people = (await api.get<AccountMember[]>(`/accounts/${ACCOUNT_ID}/members`, { per_page: 5, status: 'accepted', search: 'acme.com' })).result;
  const [alice, bob] = people as [AccountMember, AccountMember];
  // Alice is already in the first group (set through the API, so the index learns it on a pass).
  expect((await api.post(`${GROUPS}/${first.id}/members`, [{ id: alice.id }])).success).toBe(true);
  await freshIndex(page.request);

  await openMembers(page);
  await expectNoA11yViolations(page);
  const search = page.getByRole('searchbox', { name: 'Search by email or name' });
  for (const person of [alice, bob]) {
    await search.fill(person.user.email);
    const row = page.getByRole('row').filter({ hasText: person.user.email });
    await expect(row).toHaveCount(1);
    await row.getByRole('checkbox').check();
  }
  await expect(page.getByText('2 people selected')).toBeVisible();
  await page.getByRole('button', { name: 'Add to groups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add 2 people to groups' });
  await dialog.getByRole('searchbox', { name: 'Find groups' }).fill('Members bulk');
  await dialog.getByRole('checkbox', { name: first.name }).check();
  await dialog.getByRole('checkbox', { name: second.name }).check();
  // The preview: Alice is already in the first group; three changes in two requests.
  await expect(dialog.getByRole('listitem').filter({ hasText: first.name })).toContainText(`adds ${bob.user.email}`);
  await expect(dialog.getByRole('listitem').filter({ hasText: first.name })).toContainText(`${alice.user.email} already in`);
  await expect(dialog.getByText('3 changes in 2 API requests.')).toBeVisible();
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Add (2 requests)' }).click();
  await expect(dialog.getByText('Done: 2 of 2 requests.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  expect(await memberIds(api, first.id)).toEqual([alice.id, bob.id].sort());
  expect(await memberIds(api, second.id)).toEqual([alice.id, bob.id].sort());
  // The index took the console's own writes at once: the table shows the new groups.
  await search.fill(bob.user.email);
  await expect(page.getByRole('row').filter({ hasText: bob.user.email })).toContainText(first.name);

  // Remove Bob from the second group; the bulk bar still holds both, so deselect Alice first.
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await page.getByRole('row').filter({ hasText: bob.user.email }).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Remove from groups…' }).click();
  const remove = page.getByRole('dialog', { name: 'Remove 1 person from groups' });
  await remove.getByRole('checkbox', { name: second.name }).check();
  await expect(remove.getByText('1 change in 1 API request.')).toBeVisible();
  await remove.getByRole('button', { name: 'Remove (1 request)' }).click();
  await expect(remove.getByText('Done: 1 of 1 request.')).toBeVisible();
  expect(await memberIds(api, second.id)).toEqual([alice.id]);
});

test('a 429 during a bulk add stops, keeps the choice, says when to retry, and the retry finishes it', async ({ page, api }) => {
  const group = await newGroup(api, 'Members 429');
  const person = (await api.get<AccountMember[]>(`/accounts/${ACCOUNT_ID}/members`, { per_page: 5, status: 'pending' })).result[0]!;
  await freshIndex(page.request); // the group was made through the API: the index learns it on a pass
  let faults = 0;
  await page.route(`**/client/v4${GROUPS}/${group.id}/members`, async (route) => {
    const request = route.request();
    if (request.method() !== 'POST' || faults++ > 0) return route.fallback();
    await route.continue({ headers: { ...request.headers(), 'x-sandbox-fault': '429, retry-after=90' } });
  });
  await openMembers(page);
  await page.getByRole('searchbox', { name: 'Search by email or name' }).fill(person.user.email);
  await page.getByRole('row').filter({ hasText: person.user.email }).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Add to groups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add 1 person to groups' });
  await dialog.getByRole('searchbox', { name: 'Find groups' }).fill(group.name);
  await dialog.getByRole('checkbox', { name: group.name }).check();
  await dialog.getByRole('button', { name: 'Add (1 request)' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Stopped after 0 of 1 requests');
  // One clock for every countdown (m:ss), started from the answer's Retry-After: 90.
  await expect(alert).toContainText(/You can try again in [01]:\d\d \(at .+\)\. Nothing you typed is lost\./);
  await expectNoA11yViolations(page);
  await expect(dialog.getByRole('checkbox', { name: group.name })).toBeChecked();
  expect(await memberIds(api, group.id)).toEqual([]);

  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(dialog.getByText('Done: 1 of 1 request.')).toBeVisible();
  expect(await memberIds(api, group.id)).toEqual([person.id]);
});

test('a member who does not exist is "no such member", not "no access"', async ({ page }) => {
  await freshIndex(page.request);
  await page.goto(accountPath(`/members/${'0'.repeat(32)}`));
  await expect(page.getByRole('heading', { level: 1, name: 'No such member' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('No such member: nobody with id');
  await expect(page.getByText(/gets no access/)).toHaveCount(0);
  await expectNoA11yViolations(page);
});

test('the Status and Sort by filters are the console’s own selects, picked as a person does', async ({ page, request }) => {
  await openMembers(page);
  const status = page.getByRole('combobox', { name: 'Status', exact: true });
  await chooseOption(page, status, 'Pending');
  await expect(page).toHaveURL(/status=pending/);
  await expect(status).toHaveText('Pending');
  const pending = (await (await request.get(`/console-api/accounts/${ACCOUNT_ID}/members?status=pending&per_page=1`)).json()) as { total: number; members: Array<{ email: string }> };
  expect(pending.total).toBeGreaterThan(0);
  await expect(page.getByRole('row').filter({ hasText: pending.members[0]!.email })).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: 'Accepted' })).toHaveCount(0);

  const sortBy = page.getByRole('combobox', { name: 'Sort by', exact: true });
  await chooseOption(page, sortBy, 'Number of groups ↓');
  await expect(page).toHaveURL(/sort=groups/);
  await expect(page).toHaveURL(/direction=desc/);
  const most = (await (await request.get(`/console-api/accounts/${ACCOUNT_ID}/members?status=pending&sort=groups&direction=desc&per_page=1`)).json()) as { members: Array<{ email: string }> };
  await expect(page.getByRole('row').nth(1)).toContainText(most.members[0]!.email);
  await expectNoA11yViolations(page);
});
