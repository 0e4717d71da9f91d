import type { Locator, Page } from '@playwright/test';
import { accountPath, ACCOUNT_ID, expect, test, type SandboxApi } from './support/fixtures.ts';
import { chooseOption } from './support/select.ts';

/**
 * Journey: an admin browses Cloudflare's permission-group catalogue, filters it by name and
 * label, pages through it, and relies on the URL: a reload or a shared link shows the same view.
 * Every table is compared with what the sandbox API answers for the same query.
 */

const IAM = `/accounts/${ACCOUNT_ID}/iam`;

interface PermissionGroup {
  id: string;
  name: string;
  /** Today's shape: `{label, scopes, description, editable}`. */
  meta?: { label?: string; scopes?: string | string[]; description?: string; editable?: string | boolean };
}

async function catalogue(api: SandboxApi, query: Record<string, string | number>) {
  const res = await api.get<PermissionGroup[]>(`${IAM}/permission_groups`, query);
  expect(res.success, JSON.stringify(res.errors)).toBe(true);
  return { names: res.result.map((g) => g.name), total: res.result_info?.total_count ?? 0, groups: res.result };
}

const table = (page: Page) => page.getByRole('table', { name: 'Permission groups' });

async function expectRows(page: Page, names: string[]) {
  // Body rows only: the first cell of each is the group's name, a link to its details.
  await expect(table(page).locator('tbody tr td:first-child')).toHaveText(names);
}

function search(page: Page): Record<string, string> {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

const filter = (page: Page, label: string): Locator => page.getByRole('searchbox', { name: label });

test('browse, filter and paginate permission groups through the URL', async ({ page, api, axe }) => {
  await page.goto(accountPath('/permission-groups'));
  await expect(page.getByRole('heading', { level: 1, name: 'Permission groups' })).toBeVisible();

  const first = await catalogue(api, { page: 1, per_page: 20 });
  expect(first.total, 'the seed holds more than one page').toBeGreaterThan(20);
  await expectRows(page, first.names);
  await expect(page.getByText(`1–20 of ${first.total}`)).toBeVisible();
  // The label column shows meta.label.
  const labelled = first.groups.find((g) => typeof g.meta?.label === 'string' && g.meta.label !== '');
  expect(labelled).toBeDefined();
  const row = table(page).getByRole('row').filter({ has: page.getByRole('link', { name: labelled!.name, exact: true }) });
  await expect(row.getByRole('cell').nth(1)).toHaveText(labelled!.meta!.label!);
  await axe();

  await test.step('page size and pages are in the URL', async () => {
    await chooseOption(page, page.getByRole('combobox', { name: 'Rows per page' }), '5');
    await expect.poll(() => search(page)).toMatchObject({ page: '1', per_page: '5' });
    await expectRows(page, (await catalogue(api, { page: 1, per_page: 5 })).names);

    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => search(page)).toMatchObject({ page: '2', per_page: '5' });
    await expectRows(page, (await catalogue(api, { page: 2, per_page: 5 })).names);
    await expect(page.getByText(`6–10 of ${first.total}`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Previous page' })).toBeEnabled();
  });

  await test.step('name and label filters reach the server and the URL, back on page 1', async () => {
    await filter(page, 'Name contains').fill('read');
    await expect.poll(() => search(page)).toMatchObject({ page: '1', per_page: '5', name: 'read' });
    const byName = await catalogue(api, { page: 1, per_page: 5, name: 'read' });
    expect(byName.total).toBeGreaterThan(5);
    await expectRows(page, byName.names);
    await expect(page.getByText(`1–5 of ${byName.total}`)).toBeVisible();

    // Today's API matches the label exactly (any case): Zone Read's is `zone_read`.
    await filter(page, 'Label').fill('zone_read');
    await expect.poll(() => search(page)).toMatchObject({ name: 'read', label: 'zone_read', page: '1' });
    const both = await catalogue(api, { page: 1, per_page: 5, name: 'read', label: 'zone_read' });
    expect(both.total).toBeGreaterThan(0);
    await expectRows(page, both.names);
    for (const name of both.names) expect(name.toLowerCase()).toContain('read');
    await axe();
  });

  await test.step('a reload keeps the view', async () => {
    const before = page.url();
    await page.reload();
    expect(page.url()).toBe(before);
    await expect(filter(page, 'Name contains')).toHaveValue('read');
    await expect(filter(page, 'Label')).toHaveValue('zone_read');
    await expect(page.getByRole('combobox', { name: 'Rows per page' })).toHaveText('5');
    await expectRows(page, (await catalogue(api, { page: 1, per_page: 5, name: 'read', label: 'zone_read' })).names);
  });

  await test.step('a shared link opens on the same page of the same filter', async () => {
    const shared = await page.context().newPage();
    await shared.goto(accountPath('/permission-groups?page=2&per_page=5&name=read'));
    await expect(filter(shared, 'Name contains')).toHaveValue('read');
    await expect(filter(shared, 'Label')).toHaveValue('');
    await expectRows(shared, (await catalogue(api, { page: 2, per_page: 5, name: 'read' })).names);
    await expect(shared.getByText(/^Page 2 of \d+$/)).toBeVisible();
    await shared.close();
  });

  await test.step('a filter that matches nothing says so and offers a way out', async () => {
    await filter(page, 'Name contains').fill('no such permission group');
    await expect(page.getByRole('heading', { name: 'No permission group matches these filters' })).toBeVisible();
    await expect(table(page)).toHaveCount(0);
    await axe();
    await page.getByRole('main').getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(filter(page, 'Name contains')).toHaveValue('');
    await expect(filter(page, 'Label')).toHaveValue('');
    await expect.poll(() => search(page)).toEqual({ page: '1', per_page: '5' });
    await expectRows(page, (await catalogue(api, { page: 1, per_page: 5 })).names);
  });

  await test.step('nonsense in the URL falls back to defaults instead of failing', async () => {
    await page.goto(accountPath('/permission-groups?page=abc&per_page=999'));
    await expectRows(page, first.names);
  });
});

test('the detail panel shows a permission group and the user-group policies that use it', async ({ page, api, axe }) => {
  // The expected "Used by", computed from the API: every user group's policies.
  const groups = await api.get<any[]>(`${IAM}/user_groups`, { per_page: 500 });
  expect(groups.success).toBe(true);
  const uses = new Map<string, Set<string>>();
  for (const g of groups.result) {
    for (const p of g.policies ?? []) for (const pg of p.permission_groups ?? []) uses.set(pg.id, (uses.get(pg.id) ?? new Set()).add(g.name));
  }
  const [usedId, usedBy] = [...uses.entries()].sort((a, b) => b[1].size - a[1].size)[0] ?? [];
  expect(usedId, 'the seed has policies').toBeDefined();
  const pg = (await api.get<PermissionGroup>(`${IAM}/permission_groups/${usedId}`)).result;

  await page.goto(accountPath('/permission-groups?per_page=10'));
  await filter(page, 'ID').fill(pg.id);
  await expect.poll(() => search(page).id).toBe(pg.id);
  await expectRows(page, [pg.name]);
  await table(page).getByRole('link', { name: pg.name, exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`/permission-groups/${pg.id}\\?`));
  expect(search(page)).toMatchObject({ per_page: '10', id: pg.id });
  const panel = page.getByRole('complementary', { name: pg.name });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { name: pg.name })).toBeFocused();
  await expect(panel.getByText(pg.id, { exact: true })).toBeVisible();
  await expect(panel.getByText(pg.meta!.label!, { exact: true })).toBeVisible();

  const usedByLinks = panel.getByRole('list').first().getByRole('link');
  await expect(usedByLinks).toHaveText([...usedBy!].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
  await expect(panel.getByText(new RegExp(`^${usedBy!.size} user groups?, \\d+ polic(y|ies)`))).toBeVisible();
  await axe();

  await test.step('a reload reopens the panel over the same list', async () => {
    await page.reload();
    await expect(page.getByRole('complementary', { name: pg.name })).toBeVisible();
    await expect(filter(page, 'ID')).toHaveValue(pg.id);
  });

  await test.step('Escape closes the panel and keeps the list view', async () => {
    // The panel took focus when it opened, so Escape reaches it without a click.
    await expect(page.getByRole('complementary', { name: pg.name }).getByRole('heading', { name: pg.name })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('complementary', { name: pg.name })).toHaveCount(0);
    await expect(page).toHaveURL(/\/permission-groups\?/);
    expect(search(page)).toMatchObject({ per_page: '10', id: pg.id });
  });

  await test.step('a group no policy uses says so', async () => {
    const all = await catalogue(api, { page: 1, per_page: 50 });
    const unused = all.groups.find((g) => !uses.has(g.id));
    expect(unused).toBeDefined();
    await page.goto(accountPath(`/permission-groups/${unused!.id}`));
    await expect(page.getByRole('complementary', { name: unused!.name }).getByText(/No user group's policy uses this permission group/)).toBeVisible();
  });

  await test.step('an unknown id shows an error in the panel, the list still works', async () => {
    await page.goto(accountPath(`/permission-groups/${'f'.repeat(32)}`));
    const panel = page.getByRole('complementary', { name: 'Permission group not available' });
    await expect(panel.getByRole('alert')).toContainText('not found');
    await expect(table(page)).toBeVisible();
    await axe();
  });
});
