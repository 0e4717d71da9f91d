import type { Page } from '@playwright/test';
import { accountPath, ACCOUNT_ID, expect, expectNoA11yViolations, test, type SandboxApi } from './support/fixtures.ts';
import { freshIndex } from './support/membership-index.ts';
import { chooseOption } from './support/select.ts';
import { revealBidiControls } from '../src/lib/bidi.ts';

/**
 * User groups: browse (search, sort, paginate, all in the URL, surviving reload), the virtualized
 * 500-row table, and the group's life (create with copied policies, rename, delete), including
 * the API's own refusals shown at the field with what was typed kept.
 */

const GROUPS = `/accounts/${ACCOUNT_ID}/iam/user_groups`;

interface Group {
  id: string;
  name: string;
  policies: Array<{ access: string; permission_groups: Array<{ id: string }>; resource_groups: Array<{ id: string }> }>;
}

async function listNames(api: SandboxApi, query: Record<string, string | number>): Promise<string[]> {
  const res = await api.get<Group[]>(GROUPS, query);
  expect(res.success, JSON.stringify(res.errors)).toBe(true);
  return res.result.map((g) => g.name);
}

/** The names in the table's rendered rows, top to bottom (the table renders only rows near the viewport). */
function rowNames(page: Page) {
  return page.getByRole('table').getByRole('row').filter({ has: page.getByRole('link') }).getByRole('link');
}

/**
 * Every row's name, scrolling the page to bring each virtualized stretch into the DOM. Waits for
 * the table to hold `expected.length` rows, then compares all of them in order.
 */
async function expectAllRows(page: Page, expected: string[]) {
  const table = page.getByRole('table');
  await expect(table).toHaveAttribute('aria-rowcount', String(expected.length + 1));
  await expect(table).not.toHaveAttribute('aria-busy', 'true');
  await expect(rowNames(page).first()).toHaveText(expected[0]!);
  const seen = new Map<number, string>();
  for (let guard = 0; seen.size < expected.length && guard < 50; guard++) {
    const rows = await table.locator('tbody tr[aria-rowindex]').evaluateAll((trs) =>
      trs.map((tr) => [Number(tr.getAttribute('aria-rowindex')), tr.querySelector('a')?.textContent ?? ''] as const),
    );
    for (const [index, name] of rows) seen.set(index, name);
    await page.mouse.wheel(0, 600);
    // Two frames: the scroll has happened and the virtualizer has rendered the rows it brought in.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  // Names are shown inert: a bidirectional control appears as its visible marker (⟨U+202E⟩).
  expect([...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, name]) => name)).toEqual(expected.map(revealBidiControls));
}

/**
 * The table shows what the API lists for `query`. Other journeys on the same server create and
 * rename groups meanwhile, so a mismatch is checked again with a fresh read of both (reloading).
 */
async function expectRowsMatchApi(page: Page, api: SandboxApi, query: Record<string, string | number>) {
  // The table shows the API's page re-sorted in natural order ("– 2" before "– 15", case ignored,
  // ties by id): names other journeys create (digits, case) would otherwise differ from the API's order.
  const natural = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const sign = query.direction === 'desc' ? -1 : 1;
  let attempt = 0;
  await expect(async () => {
    if (attempt++ > 0) await page.reload();
    const res = await api.get<Group[]>(GROUPS, query);
    expect(res.success, JSON.stringify(res.errors)).toBe(true);
    const shown = [...res.result].sort((a, b) => sign * (natural.compare(a.name, b.name) || a.id.localeCompare(b.id)));
    await expectAllRows(page, shown.map((g) => g.name));
  }).toPass({ timeout: 45_000, intervals: [500, 1_000, 2_000] });
}

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test('search, sort and paginate user groups; the URL keeps the view across reload and history', { tag: '@workers' }, async ({ page, api }) => {
  await page.goto(accountPath('/groups'));
  await expect(page.getByRole('heading', { name: 'User groups', level: 1 })).toBeVisible();
  await expect(rowNames(page).first()).toBeVisible();
  await expectNoA11yViolations(page);

  // Search: server-side substring, debounced into ?q=.
  const search = page.getByRole('searchbox', { name: 'Search by name' });
  await search.fill('eng');
  await expect(page).toHaveURL(/[?&]q=eng\b/);
  const engineering = await listNames(api, { fuzzy_name: 'eng' });
  expect(engineering.length, 'the seed has groups matching "eng"').toBeGreaterThan(0);
  await expectRowsMatchApi(page, api, { fuzzy_name: 'eng' });
  await expect(page.getByRole('status').filter({ hasText: 'matching' })).toHaveText(
    `${engineering.length} ${engineering.length === 1 ? 'group' : 'groups'} matching “eng”`,
  );

  // Sort: the header says how rows are ordered and toggles the server's order.
  const nameHeader = page.getByRole('columnheader', { name: /Name/ });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/direction=desc/);
  await expectRowsMatchApi(page, api, { fuzzy_name: 'eng', direction: 'desc' });

  // Clear the search; page through 25 at a time.
  await search.fill('');
  await expect(page).not.toHaveURL(/[?&]q=/);
  const total = (await api.get(GROUPS, { per_page: 1 })).result_info!.total_count;
  expect(total, 'enough groups for two pages of 25').toBeGreaterThan(25);
  await chooseOption(page, page.getByRole('navigation', { name: 'Pages, above the table' }).getByRole('combobox', { name: 'Rows per page' }), '25');
  await expect(page).toHaveURL(/per_page=25/);
  await expectRowsMatchApi(page, api, { per_page: 25, page: 1, direction: 'desc' });
  await page.getByRole('navigation', { name: 'Pages, below the table' }).getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expectRowsMatchApi(page, api, { per_page: 25, page: 2, direction: 'desc' });
  await expect(page.getByText(`Page 2 of ${Math.ceil(total / 25)}`).first()).toBeVisible();

  // Reload: same page, size, order, and an empty search box.
  await page.reload();
  await expectRowsMatchApi(page, api, { per_page: 25, page: 2, direction: 'desc' });
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByRole('navigation', { name: 'Pages, above the table' }).getByLabel('Rows per page')).toHaveText('25');

  // Back in history: page 1 again.
  await page.goBack();
  await expect(page).not.toHaveURL(/[?&]page=2(&|$)/);
  await expectRowsMatchApi(page, api, { per_page: 25, page: 1, direction: 'desc' });

  // A shared link with a search opens with the box filled in.
  await page.goto(accountPath('/groups?q=ops'));
  await expect(page.getByRole('searchbox', { name: 'Search by name' })).toHaveValue('ops');
  await expectRowsMatchApi(page, api, { fuzzy_name: 'ops' });
  await expectNoA11yViolations(page);
});

test('a search that matches nothing says so and offers to clear it', async ({ page }) => {
  await page.goto(accountPath('/groups?q=zzz-no-such-group'));
  await expect(page.getByRole('heading', { name: 'No groups match “zzz-no-such-group”' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Clear the search' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search by name' })).toHaveValue('');
  await expect(rowNames(page).first()).toBeVisible();
});

test('500 rows per page: only rows near the viewport are in the DOM, and every row is reachable by scrolling', async ({ page, api }) => {
  const prefix = unique('Bulk');
  const count = 480;
  for (let start = 0; start < count; start += 40) {
    await Promise.all(
      Array.from({ length: Math.min(40, count - start) }, (_, i) =>
        api.post(GROUPS, { name: `${prefix} ${String(start + i).padStart(3, '0')}` }).then((r) => expect(r.success).toBe(true)),
      ),
    );
  }
  await page.goto(accountPath(`/groups?per_page=500&q=${encodeURIComponent(prefix)}`));
  const table = page.getByRole('table');
  await expect(table).toHaveAttribute('aria-rowcount', String(count + 1));
  await expect(rowNames(page).first()).toHaveText(`${prefix} 000`);
  const rendered = await table.locator('tbody tr[aria-rowindex]').count();
  expect(rendered, 'virtualized: far fewer rows in the DOM than on the page').toBeLessThan(100);

  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const last = table.locator(`tr[aria-rowindex="${count + 1}"]`);
  await expect(last).toBeVisible();
  await expect(last.getByRole('link')).toHaveText(`${prefix} ${String(count - 1).padStart(3, '0')}`);
  await expectNoA11yViolations(page);
});

test('create a group from a copy of another’s policies, rename it, delete it; the API’s refusals land on the field', { tag: '@workers' }, async ({ page, api }) => {
  const source = (await api.get<Group[]>(GROUPS, { name: 'Security Operations' })).result[0]!;
  expect(source.policies.length, 'the seeded source group has policies').toBeGreaterThan(0);
  const name = unique('E2E Copy');

  await page.goto(accountPath('/groups'));
  await page.getByRole('button', { name: 'Create group' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a user group' });
  const nameBox = dialog.getByRole('textbox', { name: 'Name', exact: true });

  // Bad input 1: a duplicate name. The API's message sits under the field; the text stays.
  await nameBox.fill('security operations');
  await dialog.getByRole('button', { name: 'Create group' }).click();
  await expect(nameBox).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('alert')).toContainText('already exists');
  await expect(nameBox).toHaveValue('security operations');
  await expectNoA11yViolations(page);
  // Correcting the name drops the API's verdict on the old one at once: it was about another name.
  await nameBox.fill('security operations, again');
  await expect(nameBox).not.toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('alert')).toHaveCount(0);

  // Bad input 2: an over-long name.
  await nameBox.fill('x'.repeat(300));
  await dialog.getByRole('button', { name: 'Create group' }).click();
  await expect(dialog.getByRole('alert')).toContainText('at most 255 characters');
  await expect(nameBox).toHaveValue('x'.repeat(300));

  // Now a good one, starting from Security Operations' policies, picked by keyboard.
  await nameBox.fill(name);
  await dialog.getByRole('checkbox', { name: /Start from a copy/ }).check();
  const combo = dialog.getByRole('combobox', { name: 'Copy policies from' });
  await combo.fill('security op');
  await expect(dialog.getByRole('option', { name: /Security Operations/ })).toBeVisible();
  await combo.press('ArrowDown');
  await combo.press('Enter');
  await expect(combo).toHaveValue('Security Operations');
  await expect(dialog.getByRole('status')).toContainText(`copied from “Security Operations”`);
  await dialog.getByRole('button', { name: 'Create group' }).click();

  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/groups\/[0-9a-f]{32}$/);
  const id = page.url().split('/').pop()!;
  const created = (await api.get<Group>(`${GROUPS}/${id}`)).result;
  expect(created.name).toBe(name);
  const shape = (g: Group) =>
    g.policies.map((p) => ({ access: p.access, pgs: p.permission_groups.map((x) => x.id), rgs: p.resource_groups.map((x) => x.id) }));
  expect(shape(created)).toEqual(shape(source));
  await expect(page.getByRole('link', { name: new RegExp(`^${source.policies.length}\\s*polic`) })).toBeVisible();
  await expect(page.getByText(created.id)).toBeVisible();
  await expectNoA11yViolations(page);

  // Rename to a taken name: refused at the field, the header keeps the old name, the text stays.
  const rename = page.getByRole('textbox', { name: 'Group name' });
  await rename.fill('AI Platform');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('form', { name: 'Rename group' }).getByRole('alert')).toContainText('already exists');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(rename).toHaveValue('AI Platform');
  expect((await api.get<Group>(`${GROUPS}/${id}`)).result.name).toBe(name);

  // A good rename shows at once and is what the API holds.
  const renamed = `${name} (renamed)`;
  await rename.fill(renamed);
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(renamed);
  await expect(page.getByRole('button', { name: 'Rename' })).toBeDisabled();
  await expect.poll(async () => (await api.get<Group>(`${GROUPS}/${id}`)).result.name).toBe(renamed);

  // Delete: the confirm button waits for the exact name.
  await page.getByRole('button', { name: 'Delete group' }).click();
  const confirm = page.getByRole('dialog', { name: `Delete “${renamed}”?` });
  await expect(confirm).toContainText(`${source.policies.length} ${source.policies.length === 1 ? 'policy' : 'policies'}`);
  await expectNoA11yViolations(page);
  const confirmButton = confirm.getByRole('button', { name: 'Delete group' });
  await expect(confirmButton).toBeDisabled();
  await confirm.getByRole('textbox').fill(name);
  await expect(confirmButton).toBeDisabled();
  await confirm.getByRole('textbox').fill(renamed);
  await confirmButton.click();

  await expect(page).toHaveURL(/\/groups(\?.*)?$/);
  await expect(page.getByRole('status').filter({ hasText: `Deleted “${renamed}”` })).toBeVisible();
  expect((await api.get(`${GROUPS}/${id}`)).status).toBe(404);
  await page.getByRole('searchbox', { name: 'Search by name' }).fill(renamed);
  await expect(page.getByRole('heading', { name: /No groups match/ })).toBeVisible();
});

test('a double click on Create sends one request', async ({ page, api }) => {
  const name = unique('E2E Once');
  let posts = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/iam/user_groups')) posts++;
  });
  await page.goto(accountPath('/groups'));
  await page.getByRole('button', { name: 'Create group' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a user group' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await dialog.getByRole('button', { name: 'Create group' }).dblclick();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  expect(posts).toBe(1);
  expect((await listNames(api, { name })).length).toBe(1);
});

test('member counts come from the membership index, sort as numbers, and say when a group is not indexed yet', { tag: '@workers' }, async ({ page, api, request }) => {
  const stem = unique('Count');
  const members = (await api.get<Array<{ id: string }>>(`/accounts/${ACCOUNT_ID}/members`, { per_page: 20 })).result.map((m) => m.id);
  expect(members.length).toBeGreaterThanOrEqual(10);
  // Names and sizes chosen so text order, natural order and count order all differ.
  const sizes: Array<[string, number]> = [[`${stem} – 2`, 10], [`${stem} – 15`, 9], [`${stem} – 9`, 2]];
  const ids: string[] = [];
  for (const [name, size] of sizes) {
    const created = await api.post<{ id: string }>(GROUPS, { name, policies: [] });
    expect(created.success, JSON.stringify(created.errors)).toBe(true);
    ids.push(created.result.id);
    expect((await api.put(`${GROUPS}/${created.result.id}/members`, members.slice(0, size).map((id) => ({ id })))).success).toBe(true);
  }
  await freshIndex(request);

  let countCalls = 0;
  page.on('request', (r) => void (r.url().includes('/membership-index/member-counts') && countCalls++));
  await page.goto(accountPath(`/groups?q=${encodeURIComponent(stem)}`));
  await expectAllRows(page, [`${stem} – 2`, `${stem} – 9`, `${stem} – 15`]);
  const membersHeader = page.getByRole('columnheader', { name: /Members/ });
  await membersHeader.getByRole('button').click();
  await expect(page).toHaveURL(/sort=members/);
  await expectAllRows(page, [`${stem} – 9`, `${stem} – 15`, `${stem} – 2`]);
  const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(row(`${stem} – 2`).getByRole('cell').nth(1)).toHaveText('10');
  await expect(row(`${stem} – 9`).getByRole('cell').nth(1)).toHaveText('2');
  await membersHeader.getByRole('button').click();
  await expectAllRows(page, [`${stem} – 2`, `${stem} – 15`, `${stem} – 9`]);
  // One call for the page's counts (a second for the re-sort is allowed), never one per group.
  expect(countCalls).toBeGreaterThanOrEqual(1);
  expect(countCalls).toBeLessThan(ids.length);
  await expectNoA11yViolations(page);

  // A group made elsewhere (straight through the API) is unknown to the index until its next pass:
  // in the API's own (name) order it is listed, with "not indexed yet", not a 0.
  const fresh = await api.post<{ id: string }>(GROUPS, { name: `${stem} – 1`, policies: [] });
  expect(fresh.success).toBe(true);
  await page.goto(accountPath(`/groups?q=${encodeURIComponent(stem)}`));
  await expect(row(`${stem} – 1`).getByRole('cell').nth(1)).toHaveText('Not indexed yet');
});
