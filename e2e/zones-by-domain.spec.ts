import type { Page, Request } from '@playwright/test';
import { ACCOUNT_ID, expect, test, type SandboxApi } from './support/fixtures.ts';

/**
 * Journey: an admin who knows domains, not zone ids, builds a policy on zones chosen by domain in
 * the composer's "New resource group" (searching the API as they type, by keyboard), sees the
 * domains in the review and on the Access tab, and finds the policy saved with those zones. An id
 * the account has no zone for is said so plainly, and nothing typed is lost. Every step starts
 * from the navigation, not a typed URL.
 */

const IAM = `/accounts/${ACCOUNT_ID}/iam`;
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function zoneId(api: SandboxApi, name: string): Promise<string> {
  const res = await api.get<Array<{ id: string; name: string }>>('/zones', { 'account.id': ACCOUNT_ID, name });
  expect(res.result.map((z) => z.name), `the sandbox has ${name}`).toEqual([name]);
  return res.result[0]!.id;
}

/** Every GET /zones the page makes, to check names cost one request per page of zones. */
function zoneRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (req) => {
    if (new URL(req.url()).pathname.startsWith('/client/v4/zones')) seen.push(req);
  });
  return seen;
}

test('build a policy on zones chosen by domain, and see the domains in the review and the Access tab', async ({ page, api, axe }, testInfo) => {
  test.setTimeout(120_000); // a long journey; on a loaded two-core machine it has taken 70 s
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  const groupName = `E2E zones by domain ${unique()}`;
  const rgName = `E2E EU shop zones ${unique()}`;
  const created = await api.post<{ id: string }>(`${IAM}/user_groups`, { name: groupName });
  expect(created.success, JSON.stringify(created.errors)).toBe(true);
  const [ukId, shopId] = [await zoneId(api, 'acme.co.uk'), await zoneId(api, 'acmeshop.com')];
  const zones = zoneRequests(page);

  await test.step('find the group from the navigation and open its policies', async () => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'User groups', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Search by name' }).fill(groupName);
    // Wait for the debounced search to land: a click before it is overridden by its navigation.
    await expect(page.getByRole('status').filter({ hasText: `1 group matching “${groupName}”` })).toBeVisible();
    await page.getByRole('link', { name: groupName, exact: true }).click();
    await page.getByRole('navigation', { name: 'User group sections' }).getByRole('link', { name: 'Policies' }).click();
    await expect(page.getByRole('heading', { name: 'Policies', exact: true })).toBeVisible();
  });

  const card = page.getByRole('region', { name: 'Policy 1', exact: true });
  await test.step('a policy with DNS, on a new resource group', async () => {
    await page.getByRole('button', { name: 'Add allow policy' }).click();
    await card.getByRole('button', { name: 'Choose permission groups for Policy 1' }).click();
    const pgs = page.getByRole('dialog', { name: 'Permission groups for Policy 1' });
    await pgs.getByRole('searchbox').fill('DNS');
    await pgs.getByRole('checkbox', { name: /^DNS\b/ }).first().check();
    await pgs.getByRole('button', { name: 'Done' }).click();
    await card.getByRole('button', { name: 'New resource group for Policy 1' }).click();
  });

  const dialog = page.getByRole('dialog', { name: 'New resource group for Policy 1' });
  await test.step('choose zones by domain, with the keyboard, searching the API', async () => {
    await dialog.getByRole('textbox', { name: 'Name' }).fill(rgName);
    await dialog.getByRole('button', { name: 'Choose zones by domain' }).focus();
    await page.keyboard.press('Enter');
    const picker = page.getByRole('dialog', { name: 'Zones by domain' });
    await expect(picker.getByRole('checkbox', { name: /^All zones/ })).toBeVisible();
    await axe({ include: '[role="dialog"]' });

    await page.keyboard.type('co.uk');
    await expect(picker.getByRole('status')).toHaveText('1 zone matching “co.uk”');
    const searched = zones.map((r) => new URL(r.url()).searchParams.get('name'));
    expect(searched).toContain('contains:co.uk');
    // Debounced: the API saw the finished word, not every keystroke.
    expect(searched).not.toContain('contains:c');
    await page.keyboard.press('ArrowDown'); // All zones
    await page.keyboard.press('ArrowDown'); // acme.co.uk
    await expect(picker.getByRole('checkbox', { name: /^acme\.co\.uk/ })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(picker.getByRole('checkbox', { name: /^acme\.co\.uk/ })).toBeChecked();

    await picker.getByRole('searchbox', { name: 'Search zones by domain' }).fill('SHOP');
    await picker.getByRole('checkbox', { name: /^acmeshop\.com/ }).check();
    await expect(picker.getByText('2 selected')).toBeVisible();
    await shot('zone-picker');
    await page.keyboard.press('Escape');
    await expect(picker).toBeHidden();

    await expect(dialog.getByRole('textbox', { name: 'Zone 1', exact: true })).toHaveValue(`com.cloudflare.api.account.zone.${ukId}`);
    await expect(dialog.getByRole('textbox', { name: 'Zone 2', exact: true })).toHaveValue(`com.cloudflare.api.account.zone.${shopId}`);
    await expect(dialog.getByText('acme.co.uk', { exact: true })).toBeVisible();
    await expect(dialog.getByText('acmeshop.com', { exact: true })).toBeVisible();
    await shot('zone-rows');
  });

  await test.step('an id the account has no zone for is said so; what was chosen stays', async () => {
    await dialog.getByRole('button', { name: 'Add zone' }).click();
    await page.keyboard.type('ab'.repeat(16));
    await expect(dialog.getByText(/^Acme Corp has no zone with this ID, or this credential cannot see it/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Remove zone 3' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Zone 2', exact: true })).toHaveValue(`com.cloudflare.api.account.zone.${shopId}`);
    await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue(rgName);
    await axe({ include: '[role="dialog"]' });
    await dialog.getByRole('button', { name: 'Create and add' }).click();
    await expect(dialog).toBeHidden();
    await expect(card.getByText(`Allows DNS on 2 zones (${rgName})`)).toBeVisible();
  });

  await test.step('the review names the domains', async () => {
    await page.getByRole('button', { name: 'Review and save…' }).click();
    const review = page.getByRole('dialog', { name: `Review changes to ${groupName}` });
    const gains = review.getByRole('table');
    await expect(gains.getByRole('row', { name: /^DNS acme\.co\.uk Not granted Allowed/ })).toBeVisible();
    await expect(gains.getByRole('row', { name: /^DNS acmeshop\.com Not granted Allowed/ })).toBeVisible();
    await expect(gains.getByRole('cell', { name: 'acme.co.uk' })).toHaveAttribute('title', `com.cloudflare.api.account.zone.${ukId}`);
    await axe({ include: '[role="dialog"]' });
    await shot('review');
    await review.getByRole('button', { name: 'Save policies' }).click();
    await expect(review).toBeHidden();
  });

  await test.step('the API holds the policy on those zones', async () => {
    const saved = await api.get<{ policies: Array<{ resource_groups: Array<{ name: string; scope: unknown }> }> }>(
      `${IAM}/user_groups/${created.result.id}`,
    );
    expect(saved.result.policies).toHaveLength(1);
    expect(saved.result.policies[0]!.resource_groups[0]).toMatchObject({
      name: rgName,
      // Today's API answers a resource group's scope as one object, not a list.
      scope: {
        key: `com.cloudflare.api.account.${ACCOUNT_ID}`,
        objects: [{ key: `com.cloudflare.api.account.zone.${ukId}` }, { key: `com.cloudflare.api.account.zone.${shopId}` }],
      },
    });
  });

  await test.step('the Access tab names the domains, with one zone request for the whole matrix', async () => {
    const before = zones.length;
    await page.reload(); // a cold cache: every name must be looked up again
    await page.getByRole('navigation', { name: 'User group sections' }).getByRole('link', { name: 'Access' }).click();
    const matrix = page.getByRole('table', { name: `Effective access of ${groupName}` });
    await expect(matrix.getByRole('columnheader', { name: 'acme.co.uk' })).toHaveAttribute('title', `com.cloudflare.api.account.zone.${ukId}`);
    await expect(matrix.getByRole('columnheader', { name: 'acmeshop.com' })).toBeVisible();
    await expect(matrix.getByRole('button', { name: /^DNS on acme\.co\.uk: Allowed/ })).toBeVisible();
    await axe();
    await shot('access');
    const lookups = zones.slice(before).map((r) => new URL(r.url()).searchParams);
    expect(lookups.length, 'zone names cost one list request (16 zones, 50 a page)').toBe(1);
    expect(lookups[0]!.get('account.id')).toBe(ACCOUNT_ID);
    expect(lookups[0]!.get('per_page')).toBe('50');
  });

  await test.step('the resource groups page shows the domains too', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Resource groups', exact: true }).click();
    const row = page.getByRole('table', { name: 'Resource groups' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: rgName }) });
    await expect(row.getByRole('listitem').filter({ hasText: 'acme.co.uk' })).toHaveAttribute('title', `com.cloudflare.api.account.zone.${ukId}`);
    await expect(row.getByRole('listitem').filter({ hasText: 'acmeshop.com' })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search' }).fill('acmeshop.com');
    await expect(row).toBeVisible();
    await axe();
    await page.getByRole('button', { name: /^Edit / }).first().click();
    await shot('resource-group-edit');
  });
});
