import { randomBytes } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { accountPath, ACCOUNT_ID, expect, test, type SandboxApi } from './support/fixtures.ts';
import { wireScope } from './support/wire-scope.ts';

/**
 * Journey: an admin creates a resource group with the scope builder (pasting zone ids, fixing
 * what the builder flags as typed, and what the API refuses), edits it, and deletes it after
 * reading which user-group policies use it. Each step is checked in the UI and in the sandbox.
 */

const IAM = `/accounts/${ACCOUNT_ID}/iam`;
const ACCOUNT_KEY = `com.cloudflare.api.account.${ACCOUNT_ID}`;
const zoneKey = (id: string) => `com.cloudflare.api.account.zone.${id}`;
const hex32 = () => randomBytes(16).toString('hex');
const short = (id: string) => `Zone ${id.slice(0, 4)}…${id.slice(-4)}`;

async function resourceGroupNamed(api: SandboxApi, name: string) {
  const res = await api.get<any[]>(`${IAM}/resource_groups`, { name });
  expect(res.success, JSON.stringify(res.errors)).toBe(true);
  return res.result[0];
}

async function permissionGroupId(api: SandboxApi, name: string): Promise<string> {
  const res = await api.get<any[]>(`${IAM}/permission_groups`, { name, per_page: 50 });
  const found = res.result.find((g) => g.name === name);
  expect(found, `permission group ${name}`).toBeDefined();
  return found.id;
}

async function createUserGroup(api: SandboxApi, name: string, policies: unknown[]) {
  const res = await api.post(`${IAM}/user_groups`, { name, policies });
  expect(res.success, JSON.stringify(res.errors)).toBe(true);
  return res.result as { id: string };
}

/** What a paste from a spreadsheet or the dashboard delivers to the focused field. */
async function paste(field: Locator, text: string) {
  await field.focus();
  await field.evaluate((el, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/**
 * A toast, looked up in the toast list: the live announcer repeats its text elsewhere, and while a
 * modal dialog is open the notifications region is hidden from the accessibility tree.
 */
const toast = (page: Page, text: string | RegExp) => page.locator('.toast-viewport').getByText(text);
const zoneField = (dialog: Locator, n: number) => dialog.getByRole('textbox', { name: `Zone ${n}`, exact: true });
const rowOf = (page: Page, name: string) =>
  page.getByRole('table', { name: 'Resource groups' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });

test('create, edit and delete a resource group with the scope builder', async ({ page, api, axe }) => {
  const suffix = randomBytes(3).toString('hex');
  const name = `E2E web zones ${suffix}`;
  const [zoneA, zoneB, zoneC] = [hex32(), hex32(), hex32()];
  const existing = (await api.get<any[]>(`${IAM}/resource_groups`)).result[0];
  expect(existing?.name, 'the seed has resource groups').toBeTruthy();

  await page.goto(accountPath('/resource-groups'));
  await expect(page.getByRole('heading', { level: 1, name: 'Resource groups' })).toBeVisible();
  await expect(rowOf(page, existing.name)).toBeVisible();
  await axe();

  let id = '';
  await test.step('create: paste zone ids, fix what the builder flags, then what the API refuses', async () => {
    await page.getByRole('button', { name: 'Create resource group' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create resource group' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Scope key')).toHaveValue(ACCOUNT_KEY);
    await expect(dialog.getByText('Account Acme Corp')).toBeVisible();

    // A name the account already has, in other case: only the API knows, and it must say so.
    await dialog.getByRole('textbox', { name: 'Name' }).fill(existing.name.toUpperCase());
    await dialog.getByRole('radio', { name: /Specific zones/ }).check();
    await paste(zoneField(dialog, 1), `${zoneA.toUpperCase()}\n"${zoneB}"`);
    await expect(zoneField(dialog, 1)).toHaveValue(zoneKey(zoneA));
    await expect(zoneField(dialog, 2)).toHaveValue(zoneKey(zoneB));
    // Ids the account has no zone for: said plainly on the row, without blocking the save.
    await expect(dialog.getByText(/^Acme Corp has no zone with this ID, or this credential cannot see it/)).toHaveCount(2);
    await axe();

    await dialog.getByRole('button', { name: 'Add zone' }).click();
    await expect(zoneField(dialog, 3)).toBeFocused();
    await page.keyboard.type('example.com');
    await expect(zoneField(dialog, 3)).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByText(/^Enter a zone ID \(32 hex characters\)/)).toBeVisible();
    await zoneField(dialog, 3).fill(zoneA);
    await expect(dialog.getByText('Zone 1 is the same zone')).toBeVisible();
    await dialog.getByRole('button', { name: 'Remove zone 3' }).click();
    await expect(zoneField(dialog, 3)).toHaveCount(0);

    // An over-long name: the API's own limit and message, next to the field.
    const nameField = dialog.getByRole('textbox', { name: 'Name' });
    const typedName = await nameField.inputValue();
    await nameField.fill('x'.repeat(201));
    await dialog.getByRole('button', { name: 'Create resource group' }).click();
    await expect(dialog.getByRole('alert').filter({ hasText: 'name: must be at most 200 characters' })).toBeVisible();
    await expect(nameField).toHaveAttribute('aria-invalid', 'true');
    await expect(zoneField(dialog, 2)).toHaveValue(zoneKey(zoneB));
    await nameField.fill(typedName);

    await dialog.getByRole('button', { name: 'Create resource group' }).click();
    await expect(nameField).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByText(/already exists in this account/)).toBeVisible();
    await expect(dialog.getByRole('alert').filter({ hasText: /already exists/ })).toBeVisible();
    // Nothing typed was lost.
    await expect(nameField).toHaveValue(existing.name.toUpperCase());
    await expect(zoneField(dialog, 1)).toHaveValue(zoneKey(zoneA));
    await expect(zoneField(dialog, 2)).toHaveValue(zoneKey(zoneB));
    await axe();

    await nameField.fill(name);
    await expect(nameField).toHaveAttribute('aria-invalid', 'false');
    await dialog.getByRole('button', { name: 'Create resource group' }).click();
    await expect(dialog).toBeHidden();
    await expect(toast(page, `Resource group "${name}" created`)).toBeVisible();
    await expect(rowOf(page, name)).toContainText('2 zones');

    const created = await resourceGroupNamed(api, name);
    // Today's API: `scope` is one object on the wire, not a list.
    expect(wireScope(created.scope)).toEqual({ key: ACCOUNT_KEY, objects: [{ key: zoneKey(zoneA) }, { key: zoneKey(zoneB) }] });
    id = created.id;
  });

  await test.step('search finds it by a zone short form, and the search is in the URL', async () => {
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill(short(zoneB));
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(page.getByRole('table', { name: 'Resource groups' }).getByRole('rowheader')).toHaveText([name]);
    await page.reload();
    await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(short(zoneB));
    await expect(page.getByRole('table', { name: 'Resource groups' }).getByRole('rowheader')).toHaveText([name]);
    await page.getByRole('searchbox', { name: 'Search' }).fill('nothing is called this');
    await expect(page.getByRole('heading', { name: 'No resource group matches "nothing is called this"' })).toBeVisible();
    await axe();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(rowOf(page, existing.name)).toBeVisible();
  });

  const renamed = `${name} (all)`;
  await test.step('edit: rename and widen to the whole account', async () => {
    await page.getByRole('button', { name: `Edit ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit resource group' });
    await expect(zoneField(dialog, 2)).toHaveValue(zoneKey(zoneB));
    await dialog.getByRole('textbox', { name: 'Name' }).fill(renamed);
    await dialog.getByRole('radio', { name: /Whole account/ }).check();
    await expect(zoneField(dialog, 1)).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toBeHidden();
    await expect(toast(page, `Resource group "${renamed}" saved`)).toBeVisible();
    await expect(rowOf(page, renamed)).toContainText('Whole account (Acme Corp)');

    const saved = (await api.get(`${IAM}/resource_groups/${id}`)).result;
    expect(saved).toMatchObject({ name: renamed });
    expect(wireScope(saved.scope)).toEqual({ key: ACCOUNT_KEY, objects: [{ key: '*' }] });
  });

  const adminGroup = `E2E admins ${suffix}`;
  const mixedGroup = `E2E mixed ${suffix}`;
  await test.step("the API's refusal lands in the scope builder and keeps what was typed", async () => {
    // An account-level permission group on this group needs it account-wide (the API's rule 1006).
    await createUserGroup(api, adminGroup, [
      { access: 'allow', permission_groups: [{ id: await permissionGroupId(api, 'Administrator') }], resource_groups: [{ id }] },
    ]);
    await page.getByRole('button', { name: `Edit ${renamed}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit resource group' });
    await dialog.getByRole('radio', { name: /Specific zones/ }).check();
    await zoneField(dialog, 1).fill(zoneC);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog.getByRole('group', { name: 'Scope' }).getByRole('alert')).toContainText(
      'invalid permission group and resource group combination',
    );
    await expect(zoneField(dialog, 1)).toHaveValue(zoneKey(zoneC));
    await expect(dialog.getByRole('button', { name: 'Save changes' })).toBeEnabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(wireScope((await api.get(`${IAM}/resource_groups/${id}`)).result.scope)?.objects).toEqual([{ key: '*' }]);
  });

  await test.step('delete lists the policies that use it; the sandbox takes it out of them', async () => {
    // The group is account-wide now, so the policy beside it takes an account-level permission
    // group and the other account-wide resource group: today's API refuses a zone-level one
    // (Zone Read) on the whole account with 1006.
    const other = (await resourceGroupNamed(api, 'All of Acme Corp')).id;
    const mixed = await createUserGroup(api, mixedGroup, [
      { access: 'deny', permission_groups: [{ id: await permissionGroupId(api, 'Administrator Read Only') }], resource_groups: [{ id }, { id: other }] },
    ]);
    await page.getByRole('button', { name: `Delete ${renamed}` }).click();
    const dialog = page.getByRole('dialog', { name: `Delete "${renamed}"?` });
    const refs = dialog.getByRole('list', { name: 'Policies that use this resource group' }).getByRole('listitem');
    await expect(refs).toHaveCount(2);
    await expect(refs.filter({ hasText: adminGroup })).toContainText('this policy will be deleted');
    await expect(refs.filter({ hasText: mixedGroup })).toContainText('keeps its other resource groups');
    await expect(dialog.getByText(/lifts a restriction/)).toBeVisible();
    await axe();

    const confirm = dialog.getByRole('button', { name: 'Delete resource group' });
    await expect(confirm).toBeDisabled();
    await dialog.getByRole('textbox', { name: /to confirm/ }).fill(renamed);
    await confirm.click();
    await expect(dialog).toBeHidden();
    await expect(rowOf(page, renamed)).toHaveCount(0);
    await expect(toast(page, `Resource group "${renamed}" deleted`)).toBeVisible();
    await expect(toast(page, 'Removed from 2 policies.')).toBeVisible();

    expect((await api.get(`${IAM}/resource_groups/${id}`)).status).toBe(404);
    const admins = (await api.get<any[]>(`${IAM}/user_groups`, { name: adminGroup })).result[0];
    expect(admins.policies, 'a policy left with no resource group goes').toEqual([]);
    const kept = (await api.get(`${IAM}/user_groups/${mixed.id}`)).result;
    expect(kept.policies).toHaveLength(1);
    expect(kept.policies[0].resource_groups.map((rg: { id: string }) => rg.id)).toEqual([other]);
  });
});

test('keyboard only: create a zone group without the mouse', async ({ page, api }) => {
  const name = `E2E keyboard ${randomBytes(3).toString('hex')}`;
  const [zoneA, zoneB] = [hex32(), hex32()];
  await page.goto(accountPath('/resource-groups'));
  await page.getByRole('button', { name: 'Create resource group' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Create resource group' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Tab'); // scope key
  await page.keyboard.press('Tab'); // the checked coverage radio
  await expect(dialog.getByRole('radio', { name: /Whole account/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: /Specific zones/ })).toBeChecked();
  await page.keyboard.press('Tab'); // Choose zones by domain
  await page.keyboard.press('Tab');
  await expect(zoneField(dialog, 1)).toBeFocused();
  await page.keyboard.type(zoneA);
  await page.keyboard.press('Tab'); // Remove zone 1
  await page.keyboard.press('Tab'); // Add zone
  await page.keyboard.press('Enter');
  await expect(zoneField(dialog, 2)).toBeFocused();
  await expect(zoneField(dialog, 1), 'a bare id became its key on leaving the field').toHaveValue(zoneKey(zoneA));
  await page.keyboard.type(zoneB);
  await page.keyboard.press('Enter'); // submits the form
  await expect(dialog).toBeHidden();
  await expect(rowOf(page, name)).toContainText('2 zones');
  const created = await resourceGroupNamed(api, name);
  expect(wireScope(created.scope)?.objects).toEqual([{ key: zoneKey(zoneA) }, { key: zoneKey(zoneB) }]);
});

test('a refused delete puts the row back and says why', async ({ page, api }) => {
  const name = `E2E refused ${randomBytes(3).toString('hex')}`;
  const created = await api.post(`${IAM}/resource_groups`, { name, scope: { key: ACCOUNT_KEY, objects: [{ key: zoneKey(hex32()) }] } });
  expect(created.success, JSON.stringify(created.errors)).toBe(true);

  let deletes = 0;
  // A refusal, held until the optimistic removal has been seen.
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  await page.route('**/client/v4/accounts/*/iam/resource_groups/*', async (route) => {
    if (route.request().method() !== 'DELETE') return route.fallback();
    deletes += 1;
    await answered;
    return route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ success: false, errors: [{ code: 1000, message: 'Simulated outage' }], messages: [], result: null }),
    });
  });
  await page.goto(accountPath('/resource-groups'));
  await page.getByRole('button', { name: `Delete ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Delete "${name}"?` });
  await expect(dialog.getByText("No user-group policy uses this group. Deleting it changes nobody's access.")).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete resource group' }).click();
  await expect(rowOf(page, name), 'removed at once').toHaveCount(0);
  answer();
  await expect(toast(page, `"${name}" was not deleted`)).toBeVisible();
  await expect(toast(page, /It is back in the list\. Simulated outage/)).toBeVisible();
  await expect(rowOf(page, name), 'back after the refusal').toBeVisible();
  expect(deletes, 'one click, one request').toBe(1);
  expect((await api.get(`${IAM}/resource_groups/${created.result.id}`)).status).toBe(200);
});
