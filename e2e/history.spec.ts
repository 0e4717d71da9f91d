import type { Page } from '@playwright/test';
import { ACCOUNT_ID, expect, expectNoA11yViolations, test, type SandboxApi } from './support/fixtures.ts';
import { chooseOption } from './support/select.ts';

/**
 * History and revert: the admin changes a group's policies and members in the console, sees both
 * in the group's History tab in names (not ids), reverts the policy change through the composer's
 * own review, and finds the group as it was and the revert recorded. A change made straight
 * through the API (an SDK, Terraform) shows up too, marked as such; a deleted group comes back
 * with its policies and members.
 */

const IAM = `/accounts/${ACCOUNT_ID}/iam`;
const GROUPS = `${IAM}/user_groups`;
// Zone Read is zone-scoped: today's API refuses it (1006) on the whole-account resource group, so
// the journeys grant it on the seeded resource group holding every Acme zone.
const ALL_ZONES = 'All Acme zones';
const ALL_ZONES_SUMMARY = `Allows Zone Read on 10 zones (${ALL_ZONES})`;
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e5)}`;
const groupUrl = (id: string, tab = '') => `/accounts/${ACCOUNT_ID}/groups/${id}${tab ? `/${tab}` : ''}`;
const HISTORY = `/accounts/${ACCOUNT_ID}/history`;

interface Group {
  id: string;
  name: string;
  policies: Array<{ id: string; access: string; permission_groups: Array<{ id: string; name: string }>; resource_groups: Array<{ id: string; name: string }> }>;
}

async function idsByName(api: SandboxApi, path: string, paged: boolean): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let page = 1; ; page++) {
    const res = await api.get<Array<{ id: string; name: string }>>(path, paged ? { page, per_page: 50 } : undefined);
    for (const item of res.result) out.set(item.name, item.id);
    if (!paged || res.result.length < 50) return out;
  }
}

async function newGroup(api: SandboxApi, label: string): Promise<Group> {
  const [pgs, rgs] = await Promise.all([idsByName(api, `${IAM}/permission_groups`, true), idsByName(api, `${IAM}/resource_groups`, false)]);
  const res = await api.post<Group>(GROUPS, {
    name: `${label} ${unique()}`,
    policies: [{ access: 'allow', permission_groups: [{ id: pgs.get('Zone Read') }], resource_groups: [{ id: rgs.get(ALL_ZONES) }] }],
  });
  expect(res.success, JSON.stringify(res.errors)).toBe(true);
  return res.result;
}

async function someMember(api: SandboxApi, n: number): Promise<{ id: string; email: string }> {
  const res = await api.get<Array<{ id: string; user: { email: string } }>>(`/accounts/${ACCOUNT_ID}/members`, { per_page: 50 });
  const member = res.result.filter((m) => m.user.email.endsWith('@acme.com'))[n]!;
  return { id: member.id, email: member.user.email };
}

const entry = (page: Page, text: string | RegExp) => page.getByRole('article').filter({ hasText: text });

test('change a group’s policies and members, see both in History by name, revert the policy change through the review', { tag: '@workers' }, async ({ page, api, accessEmail }, testInfo) => {
  test.setTimeout(120_000); // a whole journey: two edits, two History visits and a reviewed revert
  const group = await newGroup(api, 'History');
  const member = await someMember(api, 3);

  // A policy change in the composer: add Cache Purge to the allow policy.
  await page.goto(groupUrl(group.id, 'policies'));
  const card = page.getByRole('region', { name: 'Policy 1', exact: true });
  await card.getByRole('button', { name: 'Choose permission groups for Policy 1' }).click();
  const picker = page.getByRole('dialog', { name: 'Permission groups for Policy 1' });
  await picker.getByRole('searchbox').fill('Cache Purge');
  await picker.getByRole('checkbox', { name: /^Cache Purge\b/ }).first().check();
  await picker.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Review and save…' }).click();
  await page.getByRole('dialog', { name: `Review changes to ${group.name}` }).getByRole('button', { name: 'Save policies' }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  // A membership change: add one person by email.
  await page.goto(groupUrl(group.id, 'members'));
  await page.getByRole('button', { name: 'Add by email list' }).first().click();
  const add = page.getByRole('dialog', { name: 'Add members by email' });
  await add.getByRole('textbox', { name: 'Email addresses' }).fill(member.email);
  await add.getByRole('button', { name: 'Check emails' }).click();
  await add.getByRole('button', { name: /^Add/ }).click();
  await expect(add).toBeHidden();

  // Both in the group's History tab, in names.
  await page.goto(groupUrl(group.id, 'history'));
  const policyChange = entry(page, '+ permission group Cache Purge');
  await expect(policyChange).toContainText(`Policy “${ALL_ZONES_SUMMARY}”: + permission group Cache Purge`);
  await expect(policyChange).toContainText('This console');
  const memberChange = entry(page, `Member added: ${member.email}`);
  await expect(memberChange).toContainText('Added members');
  await expect(page.getByRole('article').first()).toContainText(`Member added: ${member.email}`); // newest first
  await expectNoA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath('group-history.png'), fullPage: true });

  // Revert the policy change: it opens as a composer draft and goes through the same review.
  await policyChange.getByRole('button', { name: 'Revert this change' }).click();
  await expect(page).toHaveURL(new RegExp(`${groupUrl(group.id, 'policies')}$`));
  // Made by the console's credential; on Workers (team mode) by the admin signed in through Access.
  await expect(page.getByText(`This draft reverts the change made by ${accessEmail ?? 'API token'}`, { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Review and save…' }).click();
  const review = page.getByRole('dialog', { name: `Review changes to ${group.name}` });
  await expect(review.getByRole('heading', { name: /Policies \(0 added, 0 removed, 1 changed\)/ })).toBeVisible();
  await expect(review.getByText(/permission group Cache Purge/)).toBeVisible();
  await expectNoA11yViolations(page, { include: '[role="dialog"]' });
  await review.getByRole('button', { name: 'Save policies' }).click();
  await expect(review).toBeHidden();

  // The group is back as it was (the membership change stays), and the revert is a new entry.
  const saved = (await api.get<Group>(`${GROUPS}/${group.id}`)).result;
  expect(saved.policies.map((p) => [p.access, p.permission_groups.map((x) => x.name), p.resource_groups.map((x) => x.name)])).toEqual([['allow', ['Zone Read'], [ALL_ZONES]]]);
  expect((await api.get<Array<{ id: string }>>(`${GROUPS}/${group.id}/members`)).result.map((m) => m.id)).toEqual([member.id]);
  await page.goto(groupUrl(group.id, 'history'));
  const revert = page.getByRole('article').first();
  await expect(revert.getByText('Revert', { exact: true })).toBeVisible();
  await expect(revert).toContainText('− permission group Cache Purge');
  await expect(page.getByRole('article')).toHaveCount(4); // create (through the API), policies, members, revert
});

test('a change made directly through the API appears in History, marked as such, and filters narrow it', { tag: '@workers' }, async ({ page, api }) => {
  const group = await newGroup(api, 'History direct');
  const renamed = `${group.name} renamed`;
  expect((await api.put(`${GROUPS}/${group.id}`, { name: renamed })).success).toBe(true);

  await page.goto(HISTORY);
  await expect(page.getByRole('heading', { name: 'History', level: 1 })).toBeVisible();
  const rename = entry(page, `name: ${group.name} → ${renamed}`);
  await expect(rename).toContainText('API (SDK, Terraform…)');
  await expect(rename).toContainText(/by API token [0-9a-f]{8}…/);
  await expect(rename.getByRole('button', { name: 'Revert this change' })).toBeVisible();
  await expectNoA11yViolations(page);

  const actionFilter = page.getByRole('combobox', { name: 'Action', exact: true });
  await chooseOption(page, actionFilter, 'Created');
  await expect(actionFilter).toHaveText('Created');
  await expect(page).toHaveURL(/action=create/);
  await expect(entry(page, `name: ${group.name} → ${renamed}`)).toHaveCount(0);
  await expect(page.getByRole('article').first()).toContainText('Created');
  await chooseOption(page, actionFilter, 'All actions');
  await expect(page).not.toHaveURL(/action=/);
  await chooseOption(page, page.getByRole('combobox', { name: 'Resource', exact: true }), 'OAuth client');
  await expect(page).toHaveURL(/resource_type=oauth_client/);
  await expect(entry(page, renamed)).toHaveCount(0);

  // The export is NDJSON of the same entries.
  const res = await page.request.get(`/console-api/history/export?account_id=${ACCOUNT_ID}&resource_id=${group.id}`);
  const lines = (await res.text()).trim().split('\n').map((line) => JSON.parse(line));
  expect(lines.map((l) => [l.action, l.source])).toEqual([
    ['create', 'api'],
    ['update', 'api'],
  ]);
});

test('a deleted group is re-created with its policies and members through a revert review', async ({ page, api }) => {
  test.setTimeout(90_000);
  const group = await newGroup(api, 'History deleted');
  const member = await someMember(api, 5);
  expect((await api.post(`${GROUPS}/${group.id}/members`, [{ id: member.id }])).success).toBe(true);

  await page.goto(groupUrl(group.id));
  await page.getByRole('button', { name: 'Delete group' }).click();
  const confirm = page.getByRole('dialog', { name: `Delete “${group.name}”?` });
  await confirm.getByRole('textbox').fill(group.name);
  await confirm.getByRole('button', { name: 'Delete group' }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${ACCOUNT_ID}/groups/?(\\?.*)?$`));

  await page.goto(`${HISTORY}?action=delete`);
  const deletion = entry(page, group.name).first();
  await expect(deletion).toContainText('The group had 1 policy and 1 member.');
  await deletion.getByRole('button', { name: 'Revert this change' }).click();
  const review = page.getByRole('dialog', { name: `Revert: ${group.name}` });
  await expect(review.getByRole('heading', { name: `Creates the group “${group.name}” with 1 policy` })).toBeVisible();
  await expect(review).toContainText(ALL_ZONES_SUMMARY);
  await expect(review).toContainText(member.email);
  await expectNoA11yViolations(page, { include: '[role="dialog"]' });
  await review.getByRole('button', { name: 'Revert', exact: true }).click();
  await expect(page.getByRole('heading', { name: group.name, level: 1 })).toBeVisible();

  const found = (await api.get<Group[]>(GROUPS, { name: group.name })).result;
  expect(found).toHaveLength(1);
  expect(found[0]!.policies.map((p) => p.permission_groups.map((x) => x.name))).toEqual([['Zone Read']]);
  expect((await api.get<Array<{ id: string }>>(`${GROUPS}/${found[0]!.id}/members`)).result.map((m) => m.id)).toEqual([member.id]);
});
