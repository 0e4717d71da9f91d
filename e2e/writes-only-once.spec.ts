import type { Request } from '@playwright/test';
import { accountPath, ACCOUNT_ID, expect, test, type SandboxApi } from './support/fixtures.ts';
import { injectFaults } from './support/faults.ts';

/**
 * Every write happens once, and only while the admin is there (issue 26 items 1–3):
 *
 * 1. an update whose connection is cut after the server saved it ends with one change and a true
 *    message (create has its own journeys: fault-tolerance, sso-onboarding);
 * 2. a write is never sent behind the admin's back: "Try again" after a 500 and a 429 does not
 *    create the connector 45 s later on another page, nor move the admin there;
 * 3. one guard for every write control: a double click on "Start verification anyway" and on the
 *    "Enable SSO" confirmation sends one request each.
 */

const GROUPS = `/accounts/${ACCOUNT_ID}/iam/user_groups`;
const SSO = `/accounts/${ACCOUNT_ID}/sso_connectors`;

const uniqueDomain = (label: string) => `${label}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}.com`;

const is = (method: string, path: string) => (request: Request) => request.method() === method && new URL(request.url()).pathname === `/client/v4${path}`;

async function connectorsFor(api: SandboxApi, domain: string) {
  const res = await api.get<Array<{ id: string; email_domain: string }>>(SSO);
  expect(res.success).toBe(true);
  return res.result.filter((c) => c.email_domain === domain);
}

/** A connector whose TXT record is not published: the pre-check offers "Start verification anyway". */
async function unverifiedConnector(api: SandboxApi, label: string) {
  const domain = uniqueDomain(label);
  const created = await api.post<{ id: string }>(SSO, { email_domain: domain, begin_verification: false });
  expect(created.success, JSON.stringify(created.errors)).toBe(true);
  return { domain, id: created.result.id };
}

test('an update whose answer is lost after the server saved it: one change, and the admin is told it was saved', async ({ page, api }) => {
  const created = await api.post<{ id: string; name: string }>(GROUPS, { name: `Lost rename ${Date.now().toString(36)}`, policies: [] });
  expect(created.success).toBe(true);
  const group = created.result;
  // The server applies the rename, then cuts the connection: the page asks the server what became
  // of that write id instead of resending it.
  const sent = await injectFaults(page, is('PUT', `${GROUPS}/${group.id}`), (n) => (n === 0 ? 'drop=after' : null));
  await page.goto(accountPath(`/groups/${group.id}`));
  const renamed = `${group.name} (renamed)`;
  await page.getByRole('textbox', { name: 'Group name' }).fill(renamed);
  await page.getByRole('button', { name: 'Rename' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(renamed);
  await expect(page.getByText(`Renamed to “${renamed}”`, { exact: true })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText(/Rename failed/)).toHaveCount(0);
  expect(sent).toHaveLength(1);
  expect((await api.get<{ name: string }>(`${GROUPS}/${group.id}`)).result.name).toBe(renamed);
  // Exactly one change was made: History (the console's journal) holds one rename.
  const history = await page.request.get(`/console-api/history/export?account_id=${ACCOUNT_ID}&resource_id=${group.id}`);
  const entries = (await history.text()).trim().split('\n').map((line) => JSON.parse(line) as { action: string });
  expect(entries.filter((e) => e.action === 'update')).toHaveLength(1);
});

test('a write is never sent after the admin left: "Try again" refused by a 429 does not create the connector later, nor move the admin', async ({ page, api }) => {
  await page.clock.install();
  const domain = uniqueDomain('held');
  // The create fails unclearly (a 500), so "Try again" first looks for what it may have made: that
  // read is refused with Retry-After: 45. It used to wait those 45 s in silence, then create the
  // connector and jump to its page, wherever the admin had gone meanwhile.
  const creates = await injectFaults(page, is('POST', SSO), (n) => (n === 0 ? '500' : null));
  // The page's own reads of the list go through; the lookup "Try again" makes is refused once.
  let armed = false;
  let refusedLookups = 0;
  await injectFaults(page, is('GET', SSO), () => (armed && refusedLookups++ === 0 ? '429, retry-after=45' : null));
  await page.goto(accountPath('/sso/new'));
  await page.getByRole('textbox', { name: 'Email domain' }).fill(domain);
  await page.getByRole('button', { name: 'Create connector' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The connector was not created' })).toContainText('Internal error');

  armed = true;
  await page.getByRole('button', { name: 'Try again' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'The connector was not created' });
  await expect(refused).toContainText('Rate limited');
  await expect(refused.getByRole('timer')).toHaveText(/^0:4\d$/);
  // Said at once, not held: the button is the admin's again.
  await expect(page.getByRole('button', { name: 'Try again' })).toBeEnabled();
  expect(refusedLookups).toBe(1);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'OAuth clients' }).click();
  await expect(page).toHaveURL(/\/oauth-clients$/);
  // Past the Retry-After: a held write would go now.
  await page.clock.runFor(60_000);
  await page.evaluate(() => fetch('/console-api/mode').then((res) => res.status));
  await expect(page).toHaveURL(/\/oauth-clients$/);
  expect(creates).toHaveLength(1);
  expect(await connectorsFor(api, domain)).toHaveLength(0);
});

test('a double click on "Start verification anyway" starts verification once', async ({ page, api }) => {
  const { id } = await unverifiedConnector(api, 'dbl-verify');
  const begins = await injectFaults(page, is('POST', `${SSO}/${id}/begin_verification`), () => 'latency=600');
  await page.goto(accountPath(`/sso/${id}/setup`));
  await page.getByRole('button', { name: 'Start verification', exact: true }).click();
  const anyway = page.getByRole('button', { name: 'Start verification anyway' });
  await expect(anyway).toBeVisible({ timeout: 10_000 });
  await anyway.dblclick();
  await expect(page.getByRole('button', { name: 'Start verification anyway' })).toBeHidden({ timeout: 10_000 });
  await page.waitForLoadState('networkidle');
  expect(begins).toHaveLength(1);
});

test('a double click on the "Enable SSO" confirmation enables it with one request', async ({ page, api, sandboxDns }) => {
  const { domain, id } = await unverifiedConnector(api, 'dbl-enable');
  const code = (await api.get<{ verification: { code: string } }>(`${SSO}/${id}`)).result.verification.code;
  await sandboxDns.publishTxt(domain, code);
  await api.post(`${SSO}/${id}/begin_verification`);
  await expect.poll(async () => (await api.get(`${SSO}/${id}`)).result.verification.status, { timeout: 5_000 }).toBe('verified');

  const updates = await injectFaults(page, is('PATCH', `${SSO}/${id}`), () => 'latency=600');
  await page.goto(accountPath(`/sso/${id}`));
  await page.getByRole('button', { name: 'Enable SSO' }).click();
  const dialog = page.getByRole('dialog', { name: `Enable SSO for ${domain}?` });
  await dialog.getByRole('checkbox', { name: /I keep a way in that does not depend on SSO/ }).check();
  // Every seeded super administrator signs in through acme.com's SSO: the lockout check asks for the override.
  await dialog.getByRole('checkbox', { name: /Enable anyway/ }).check();
  await dialog.getByRole('button', { name: 'Enable SSO' }).dblclick();
  await expect(dialog).toBeHidden({ timeout: 10_000 });
  await page.waitForLoadState('networkidle');
  expect(updates).toHaveLength(1);
  expect((await api.get<{ enabled: boolean }>(`${SSO}/${id}`)).result.enabled).toBe(true);
});

test('History records only what happened: a refused save is shown as refused, with the API’s error, and no diff', async ({ page, api }) => {
  const created = await api.post<{ id: string; name: string }>(GROUPS, { name: `Rename to a taken name ${Date.now().toString(36)}`, policies: [] });
  expect(created.success).toBe(true);
  const group = created.result;
  await page.goto(accountPath(`/groups/${group.id}`));
  // A name another group has: the API refuses the save, and nothing changes.
  await page.getByRole('textbox', { name: 'Group name' }).fill('AI Platform');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('form', { name: 'Rename group' }).getByRole('alert')).toContainText('already exists');
  expect((await api.get<{ name: string }>(`${GROUPS}/${group.id}`)).result.name).toBe(group.name);

  await page.goto(accountPath(`/groups/${group.id}/history`));
  const refused = page.getByRole('article').filter({ hasText: /Refused \(4\d\d\)/ });
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText(/Nothing changed: the API refused this request: .*already exists/);
  // Not a made-up diff of the group against an empty "after".
  await expect(refused).not.toContainText('→');
  await expect(refused).not.toContainText(/Policy removed|\(none\)/);
  await expect(refused.getByRole('button', { name: 'Revert this change' })).toHaveCount(0);
});

const STAGING = '7c1a4e2b9d0f4c3e8a5b6d7e8f901a2b';

/** A group export, as the console writes it, from `accountId`, granting Zone Read on `zoneIds`. */
async function exportFile(api: SandboxApi, accountId: string, rgName: string, zoneIds: string[]) {
  const zoneRead = (await api.get<Array<{ id: string; name: string }>>(`/accounts/${ACCOUNT_ID}/iam/permission_groups`, { name: 'Zone Read', per_page: 50 })).result.find(
    (p) => p.name === 'Zone Read',
  )!;
  return JSON.stringify({
    format: 'iam-console/user-group@1',
    account_id: accountId,
    name: 'Exported group',
    members: [],
    policies: [
      {
        access: 'allow',
        permission_groups: [{ id: zoneRead.id, name: 'Zone Read' }],
        resource_groups: [
          {
            id: 'f'.repeat(32),
            name: rgName,
            scope: [{ key: `com.cloudflare.api.account.${accountId}`, objects: zoneIds.map((id) => ({ key: `com.cloudflare.api.account.zone.${id}` })) }],
          },
        ],
      },
    ],
  });
}

async function resourceGroupsNamed(api: SandboxApi, accountId: string, name: string) {
  const res = await api.get<Array<{ id: string; name: string }>>(`/accounts/${accountId}/iam/resource_groups`);
  return res.result.filter((rg) => rg.name === name);
}

async function acmeZones(api: SandboxApi, n: number) {
  const res = await api.get<Array<{ id: string }>>('/zones', { 'account.id': ACCOUNT_ID, per_page: 50 });
  return res.result.slice(0, n).map((z) => z.id);
}

test('Import writes nothing before the admin applies it: "Load into editor" creates no resource group', async ({ page, api }) => {
  const target = (await api.post<{ id: string; name: string }>(GROUPS, { name: `Import target ${Date.now().toString(36)}`, policies: [] })).result;
  const rgName = `Only in the file ${Date.now().toString(36)}`;
  const file = await exportFile(api, ACCOUNT_ID, rgName, await acmeZones(api, 2));

  await page.goto(accountPath(`/groups/${target.id}/policies`));
  await page.getByRole('button', { name: 'Import…' }).click();
  const importer = page.getByRole('dialog', { name: 'Import a group' });
  await importer.getByLabel('Or paste the JSON').fill(file);
  const dryRun = importer.getByRole('region', { name: 'Dry run' });
  await expect(dryRun).toContainText('1 resource group to create when you save');
  await expect(dryRun).toContainText(`Created when you save ${rgName}`);
  await importer.getByRole('button', { name: 'Load into editor' }).click();
  await expect(importer).toBeHidden();

  // Loaded as a draft: nothing written, not even the resource group.
  await expect(page.getByText(/^Draft — 1 unsaved change$/)).toBeVisible();
  expect(await resourceGroupsNamed(api, ACCOUNT_ID, rgName)).toEqual([]);
  expect((await api.get<{ policies: unknown[] }>(`${GROUPS}/${target.id}`)).result.policies).toEqual([]);

  // Saving applies it: the policy, on exactly the file's zones.
  await page.getByRole('button', { name: 'Review and save…' }).click();
  const review = page.getByRole('dialog', { name: /Review changes/ });
  await review.getByRole('button', { name: 'Save policies' }).click();
  await expect(review).toBeHidden();
  const saved = (await api.get<{ policies: Array<{ resource_groups: unknown[] }> }>(`${GROUPS}/${target.id}`)).result.policies;
  expect(saved).toHaveLength(1);
  expect(saved[0]!.resource_groups).toHaveLength(1);
});

test('Import refuses another account’s zones: nothing in Acme Staging points at Acme Corp’s zones', async ({ page, api }) => {
  const stagingGroup = (await api.post<{ id: string }>(`/accounts/${STAGING}/iam/user_groups`, { name: `Staging import ${Date.now().toString(36)}`, policies: [] })).result;
  const rgName = `Acme production copy ${Date.now().toString(36)}`;
  const file = await exportFile(api, ACCOUNT_ID, rgName, await acmeZones(api, 2));

  await page.goto(accountPath(`/groups/${stagingGroup.id}/policies`, STAGING));
  await page.getByRole('button', { name: 'Import…' }).click();
  const importer = page.getByRole('dialog', { name: 'Import a group' });
  await importer.getByLabel('Or paste the JSON').fill(file);
  const dryRun = importer.getByRole('region', { name: 'Dry run' });
  await expect(dryRun).toContainText('Cannot import');
  await expect(dryRun).toContainText(`${rgName}: names 2 zones of another account`);
  await expect(dryRun).toContainText('zones belong to one account, so resource groups on them are not imported');
  await expect(dryRun).toContainText('0 policies to import, 1 left out');

  // Applying it as a new group writes no resource group on Acme Corp's zones.
  await importer.getByRole('radio', { name: /A new group in this account/ }).check();
  await importer.getByRole('textbox', { name: 'New group’s name' }).fill(`Imported ${Date.now().toString(36)}`);
  await importer.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Imported', { timeout: 10_000 });
  expect(await resourceGroupsNamed(api, STAGING, rgName)).toEqual([]);
});
