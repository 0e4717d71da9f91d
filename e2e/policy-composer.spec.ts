import type { Locator, Page, TestInfo } from '@playwright/test';
import { accountPath, ACCOUNT_ID, expect, expectNoA11yViolations, test, type SandboxApi } from './support/fixtures.ts';
import { freshIndex } from './support/membership-index.ts';
import { chooseOption } from './support/select.ts';
import { wireScope, type WireScope } from './support/wire-scope.ts';

/**
 * The policy composer: an admin composes a group's allow and deny policies (with a resource
 * group made on the spot), reviews what changes, and saves; a colleague's concurrent save is
 * caught and merged, never overwritten; a draft outlives a reload; an invalid pair is refused by
 * the API and shown on the policy at fault with the input kept; effective access shows a deny
 * winning over an allow, for the group and for one of its members.
 */

const IAM = `/accounts/${ACCOUNT_ID}/iam`;
const GROUPS = `${IAM}/user_groups`;
/** Every Acme zone: where a zone-level permission group goes (the whole account refuses it, 1006). */
const ALL_ZONES = 'All Acme zones';
const PRODUCTION = 'Production zones';

interface Policy {
  id: string;
  access: 'allow' | 'deny';
  permission_groups: Array<{ id: string; name: string }>;
  /** Today's API answers a resource group's scope as one object; the 2024 pages, an array of one. */
  resource_groups: Array<{ id: string; name: string; scope: WireScope | WireScope[] }>;
}
interface Group {
  id: string;
  name: string;
  modified_on: string;
  policies: Policy[];
}

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e5)}`;

async function byName(api: SandboxApi, path: string, paged: boolean): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let page = 1; ; page++) {
    const res = await api.get<Array<{ id: string; name: string }>>(path, paged ? { page, per_page: 50 } : undefined);
    expect(res.success, JSON.stringify(res.errors)).toBe(true);
    for (const item of res.result) out.set(item.name, item.id);
    if (!paged || res.result.length < 50) return out;
  }
}

async function catalogue(api: SandboxApi) {
  const [pgs, rgs] = await Promise.all([byName(api, `${IAM}/permission_groups`, true), byName(api, `${IAM}/resource_groups`, false)]);
  const find = (map: Map<string, string>, kind: string) => (name: string) => {
    const id = map.get(name);
    if (!id) throw new Error(`the sandbox has no ${kind} named ${name}`);
    return id;
  };
  const pg = find(pgs, 'permission group');
  const rg = find(rgs, 'resource group');
  return { pg, rg };
}

async function newGroup(api: SandboxApi, label: string, policies: unknown[] = []): Promise<Group> {
  const res = await api.post<Group>(GROUPS, { name: `${label} ${unique()}`, policies });
  expect(res.success, JSON.stringify(res.errors)).toBe(true);
  return res.result;
}

async function readGroup(api: SandboxApi, id: string): Promise<Group> {
  const res = await api.get<Group>(`${GROUPS}/${id}`);
  expect(res.success, JSON.stringify(res.errors)).toBe(true);
  return res.result;
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

const policyCard = (page: Page, n: number) => page.getByRole('region', { name: `Policy ${n}`, exact: true });

/** Opens a picker from the card, ticks the options, and closes it. */
async function choose(page: Page, card: Locator, kind: 'permission' | 'resource', names: string[]) {
  const label = await card.getByRole('heading', { level: 3 }).innerText();
  await card.getByRole('button', { name: `Choose ${kind} groups for ${label}` }).click();
  const popover = page.getByRole('dialog', { name: `${kind === 'permission' ? 'Permission' : 'Resource'} groups for ${label}` });
  await expect(popover).toBeVisible();
  for (const name of names) {
    await popover.getByRole('searchbox').fill(name);
    await popover.getByRole('checkbox', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) }).first().check();
  }
  await popover.getByRole('button', { name: 'Done' }).click();
  await expect(popover).toBeHidden();
}

test('compose a new group from scratch: allow + deny with an inline new resource group, review the diff, save, see it in the API', { tag: '@workers' }, async ({
  page,
  api,
}, testInfo) => {
  const { pg, rg } = await catalogue(api);
  const group = await newGroup(api, 'Composer from scratch');
  await page.goto(accountPath(`/groups/${group.id}/policies`));
  await expect(page.getByRole('heading', { name: 'Policies', exact: true })).toBeVisible();
  await expect(page.getByText('No policies')).toBeVisible();
  await expectNoA11yViolations(page);

  // Policy 1: allow Zone Read on every zone.
  await page.getByRole('button', { name: 'Add allow policy' }).click();
  const allow = policyCard(page, 1);
  await choose(page, allow, 'permission', ['Zone Read']);
  await choose(page, allow, 'resource', [ALL_ZONES]);
  await expect(allow.getByText(`Allows Zone Read on 10 zones (${ALL_ZONES})`)).toBeVisible();

  // Policy 2: deny DNS on a resource group made without leaving the composer.
  await page.getByRole('button', { name: 'Add deny policy' }).click();
  const deny = policyCard(page, 2);
  await choose(page, deny, 'permission', ['DNS']);
  await deny.getByRole('button', { name: 'New resource group for Policy 2' }).click();
  const dialog = page.getByRole('dialog', { name: 'New resource group for Policy 2' });
  const rgName = `Composer zones ${unique()}`;
  await dialog.getByRole('textbox', { name: 'Name' }).fill(rgName);
  await dialog.getByRole('textbox', { name: 'Zone 1', exact: true }).fill('23f8d65290b24279ba6f44721b3eaad5');
  await expectNoA11yViolations(page, { include: '[role="dialog"]' });
  await dialog.getByRole('button', { name: 'Create and add' }).click();
  await expect(dialog).toBeHidden();
  await expect(deny.getByText(`Denies DNS on 1 zone (${rgName})`)).toBeVisible();
  await expect(page.getByText(/^Draft — 2 unsaved changes$/)).toBeVisible();
  await screenshot(page, testInfo, 'composed');

  // Review: the diff, what members gain or lose, and the exact PUT.
  await page.getByRole('button', { name: 'Review and save…' }).click();
  const review = page.getByRole('dialog', { name: `Review changes to ${group.name}` });
  await expect(review.getByRole('heading', { name: /Policies \(2 added, 0 removed, 0 changed\)/ })).toBeVisible();
  const gains = review.getByRole('table');
  await expect(gains.getByRole('row', { name: /Zone Read .* Not granted Allowed/ }).first()).toBeVisible();
  await expect(gains.getByRole('row', { name: /DNS acme\.com Not granted Denied/ })).toBeVisible();
  await expect(review.getByText(`PUT /client/v4/accounts/${ACCOUNT_ID}/iam/user_groups/${group.id}`)).toBeVisible();
  const body = JSON.parse(await review.getByLabel('Request body').innerText());
  const rgId = (await catalogue(api)).rg(rgName);
  expect(body).toEqual({
    policies: [
      { access: 'allow', permission_groups: [{ id: pg('Zone Read') }], resource_groups: [{ id: rg(ALL_ZONES) }] },
      { access: 'deny', permission_groups: [{ id: pg('DNS') }], resource_groups: [{ id: rgId }] },
    ],
  });
  await expect(review.getByRole('button', { name: 'Copy as curl' })).toBeVisible();
  await screenshot(page, testInfo, 'review');
  await expectNoA11yViolations(page, { include: '[role="dialog"]' });
  await review.getByRole('button', { name: 'Save policies' }).click();
  await expect(review).toBeHidden();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  const saved = await readGroup(api, group.id);
  expect(saved.policies.map((p) => [p.access, p.permission_groups.map((x) => x.name), p.resource_groups.map((x) => x.name)])).toEqual([
    ['allow', ['Zone Read'], [ALL_ZONES]],
    ['deny', ['DNS'], [rgName]],
  ]);
  expect(wireScope(saved.policies[1]!.resource_groups[0]!.scope)?.objects).toEqual([{ key: 'com.cloudflare.api.account.zone.23f8d65290b24279ba6f44721b3eaad5' }]);
});

test('the JSON view and the cards edit the same request body', async ({ page, api }) => {
  const { pg, rg } = await catalogue(api);
  const group = await newGroup(api, 'Composer JSON', [
    { access: 'allow', permission_groups: [{ id: pg('Zone Read') }], resource_groups: [{ id: rg(ALL_ZONES) }] },
  ]);
  const policyId = group.policies[0]!.id;
  await page.goto(accountPath(`/groups/${group.id}/policies`));
  await page.getByRole('tab', { name: 'JSON' }).click();
  const editor = page.getByRole('textbox', { name: 'Request body (JSON)' });
  const text = await editor.inputValue();
  expect(JSON.parse(text)).toEqual({ policies: [{ id: policyId, access: 'allow', permission_groups: [{ id: pg('Zone Read') }], resource_groups: [{ id: rg(ALL_ZONES) }] }] });
  await expectNoA11yViolations(page);

  // Invalid JSON is kept as typed and explained; the cards keep the last valid version.
  await editor.fill(text.replace('"allow"', '"maybe"'));
  await expect(page.getByText('/policies/0/access')).toBeVisible();
  await editor.fill(text.replace('"allow"', '"deny"'));
  await page.getByRole('tab', { name: 'Cards' }).click();
  await expect(policyCard(page, 1).getByText(`Denies Zone Read on 10 zones (${ALL_ZONES})`)).toBeVisible();
  await expect(policyCard(page, 1).getByRole('radio', { name: 'Deny' })).toBeChecked();

  // And back: a card edit rewrites the JSON.
  await policyCard(page, 1).getByRole('button', { name: 'Duplicate Policy 1' }).click();
  await page.getByRole('tab', { name: 'JSON' }).click();
  const both = JSON.parse(await editor.inputValue());
  expect(both.policies).toHaveLength(2);
  expect(both.policies[0].id).toBe(policyId);
  expect(both.policies[1].id).toBeUndefined();
});

test('malformed JSON stays as typed, with its error, across a switch to the cards and back and across a reload', async ({ page, api }) => {
  const { pg, rg } = await catalogue(api);
  const group = await newGroup(api, 'Composer malformed', [
    { access: 'allow', permission_groups: [{ id: pg('Zone Read') }], resource_groups: [{ id: rg(ALL_ZONES) }] },
  ]);
  const before = await readGroup(api, group.id);
  await page.goto(accountPath(`/groups/${group.id}/policies`));
  await page.getByRole('tab', { name: 'JSON' }).click();
  const editor = page.getByRole('textbox', { name: 'Request body (JSON)' });
  const text = await editor.inputValue();
  // Half-way through an edit: not JSON at all.
  const typed = text.replace('"allow"', '"deny", "oops"').slice(0, -3);
  await editor.fill(typed);
  await expect(page.getByText(/Not applied yet/)).toBeVisible();

  // To the cards: they show the last version that parsed, and say the JSON is kept.
  await page.getByRole('tab', { name: 'Cards' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The JSON you typed does not parse yet' })).toBeVisible();
  await expect(policyCard(page, 1).getByRole('radio', { name: 'Allow' })).toBeChecked();
  await page.getByRole('tab', { name: 'JSON' }).click();
  await expect(editor).toHaveValue(typed);
  await expect(page.getByText(/Not applied yet/)).toBeVisible();

  // A reload opens the JSON view with the text as typed and its error.
  await page.reload();
  await expect(editor).toHaveValue(typed);
  await expect(page.getByText(/Not applied yet/)).toBeVisible();
  await expect(page.getByText(/^Draft — JSON that does not parse yet$/)).toBeVisible();
  // Review does not save the cards' version behind it: it stays on the JSON.
  await page.getByRole('button', { name: 'Review and save…' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(editor).toHaveValue(typed);
  await expectNoA11yViolations(page);

  // Once it parses, it is the draft's policies, and nothing was written meanwhile.
  await editor.fill(text.replace('"allow"', '"deny"'));
  await page.getByRole('tab', { name: 'Cards' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The JSON you typed does not parse yet' })).toHaveCount(0);
  await expect(policyCard(page, 1).getByRole('radio', { name: 'Deny' })).toBeChecked();
  expect((await readGroup(api, group.id)).modified_on).toBe(before.modified_on);
});

test('a concurrent edit from a second browser is detected and merged, not overwritten', { tag: '@workers' }, async ({ page, browser, api, accessEmail }, testInfo) => {
  const { pg, rg } = await catalogue(api);
  const group = await newGroup(api, 'Composer concurrent', [
    { access: 'allow', permission_groups: [{ id: pg('Zone Read') }], resource_groups: [{ id: rg(ALL_ZONES) }] },
  ]);

  // Me: add Cache Purge to policy 1 (not saved yet).
  await page.goto(accountPath(`/groups/${group.id}/policies`));
  await choose(page, policyCard(page, 1), 'permission', ['Cache Purge']);
  await expect(page.getByText(/^Draft — 1 unsaved change$/)).toBeVisible();

  // A colleague, in another browser: adds a deny policy and saves.
  const other = await browser.newContext();
  try {
    const colleague = await other.newPage();
    await colleague.goto(accountPath(`/groups/${group.id}/policies`));
    await colleague.getByRole('button', { name: 'Add deny policy' }).click();
    await choose(colleague, policyCard(colleague, 2), 'permission', ['DNS']);
    await choose(colleague, policyCard(colleague, 2), 'resource', [PRODUCTION]);
    await colleague.getByRole('button', { name: 'Review and save…' }).click();
    await colleague.getByRole('dialog').getByRole('button', { name: 'Save policies' }).click();
    await expect(colleague.getByText('Saved', { exact: true })).toBeVisible();
  } finally {
    await other.close();
  }
  expect((await readGroup(api, group.id)).policies).toHaveLength(2);

  // Me again: the review catches their save and shows both sides.
  await page.getByRole('button', { name: 'Review and save…' }).click();
  const review = page.getByRole('dialog');
  // Named from the journal: who saved theirs, from where, and when.
  // (On Workers the journal names the admin signed in through Access instead of the credential.)
  const savedBy = accessEmail ? accessEmail.replace(/[.]/g, '\\.') : 'API token [0-9a-f]{8}…';
  await expect(review.getByText(new RegExp(`^Changed by ${savedBy}, in this console, at .+ while you were editing\\.$`))).toBeVisible();
  const theirs = review.getByRole('region', { name: 'Theirs (saved now)' });
  const mine = review.getByRole('region', { name: 'Yours (draft)' });
  await expect(theirs.getByText(`Denies DNS on 3 zones (${PRODUCTION})`).first()).toBeVisible();
  await expect(mine.getByText('+ permission group Cache Purge')).toBeVisible();
  await expect(review.getByRole('button', { name: 'Save policies' })).toHaveCount(0);
  await screenshot(page, testInfo, 'conflict');
  await expectNoA11yViolations(page, { include: '[role="dialog"]' });

  await review.getByRole('button', { name: 'Merge both' }).click();
  await expect(review.getByText(/Merged: their changes and yours are both in the draft/)).toBeVisible();
  await expect(review.getByRole('heading', { name: /Policies \(0 added, 0 removed, 1 changed\)/ })).toBeVisible();
  await review.getByRole('button', { name: 'Save policies' }).click();
  await expect(review).toBeHidden();

  const merged = await readGroup(api, group.id);
  expect(merged.policies.map((p) => [p.access, p.permission_groups.map((x) => x.name).sort()])).toEqual([
    ['allow', ['Cache Purge', 'Zone Read']],
    ['deny', ['DNS']],
  ]);
  expect(merged.policies[0]!.id).toBe(group.policies[0]!.id); // kept, not re-created
});

test('a draft survives a reload, is guarded on leaving, and can be discarded', async ({ page, api }, testInfo) => {
  const { pg, rg } = await catalogue(api);
  const group = await newGroup(api, 'Composer draft', [
    { access: 'allow', permission_groups: [{ id: pg('Zone Read') }], resource_groups: [{ id: rg(ALL_ZONES) }] },
  ]);
  const before = await readGroup(api, group.id);
  await page.goto(accountPath(`/groups/${group.id}/policies`));
  await policyCard(page, 1).getByRole('radio', { name: 'Deny' }).check();
  await expect(page.getByText(/^Draft — 1 unsaved change$/)).toBeVisible();

  await page.reload();
  await expect(page.getByText(/^Draft — 1 unsaved change$/)).toBeVisible();
  await expect(policyCard(page, 1).getByRole('radio', { name: 'Deny' })).toBeChecked();
  await expect(policyCard(page, 1).getByText('Changed')).toBeVisible();
  await screenshot(page, testInfo, 'draft-after-reload');

  // Leaving asks; staying keeps everything.
  await page.getByRole('navigation', { name: 'User group sections' }).getByRole('link', { name: 'Members', exact: true }).click();
  const guard = page.getByRole('dialog', { name: 'Leave with unsaved policy changes?' });
  await expect(guard).toBeVisible();
  await expectNoA11yViolations(page, { include: '[role="dialog"]' });
  await guard.getByRole('button', { name: 'Stay' }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${group.id}/policies$`));

  // Leaving with the draft kept, and coming back to it.
  await page.getByRole('navigation', { name: 'User group sections' }).getByRole('link', { name: 'Members', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Keep draft and leave' }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${group.id}/members(\\?|$)`));
  // The members view settles its own URL (page, per_page) as it opens, which can swallow an early click.
  await expect(async () => {
    await page.getByRole('link', { name: 'Policies', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/groups/${group.id}/policies$`), { timeout: 1000 });
  }).toPass();
  await expect(page.getByText(/^Draft — 1 unsaved change$/)).toBeVisible();

  await page.getByRole('button', { name: 'Discard draft' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Discard draft' }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await expect(policyCard(page, 1).getByRole('radio', { name: 'Allow' })).toBeChecked();
  expect((await readGroup(api, group.id)).modified_on).toBe(before.modified_on); // nothing was sent
});

test('an invalid combination is refused on the right policy and entry, with the input kept', async ({ page, api }, testInfo) => {
  const { pg, rg } = await catalogue(api);
  const group = await newGroup(api, 'Composer invalid', [
    { access: 'allow', permission_groups: [{ id: pg('Zone Read') }], resource_groups: [{ id: rg(ALL_ZONES) }] },
  ]);
  await page.goto(accountPath(`/groups/${group.id}/policies`));
  await page.getByRole('button', { name: 'Add allow policy' }).click();
  const second = policyCard(page, 2);
  await choose(page, second, 'permission', ['Billing', 'Cache Purge']);
  await choose(page, second, 'resource', [PRODUCTION]);
  // The console warns before saving, from what each permission group acts on (the API's meta.scopes)…
  await expect(second.getByRole('note')).toContainText('The API will refuse this pairing (code 1006)');
  await expect(second.getByRole('note')).toContainText(`“Billing” acts on the whole account; “${PRODUCTION}” acts on zones.`);
  await expect(second.getByRole('note')).not.toContainText('Cache Purge');
  await expect(policyCard(page, 1).getByRole('note')).toHaveCount(0);

  // …and the API decides.
  await page.getByRole('button', { name: 'Review and save…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Save policies' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved: the API refused the request.' })).toBeVisible();
  // The entries themselves, not the warning's list (which names Billing too).
  const secondPgs = second.getByRole('list', { name: 'Permission groups' });
  const billing = secondPgs.getByRole('listitem').filter({ hasText: 'Billing' });
  await expect(billing).toContainText('invalid permission group and resource group combination');
  await expect(billing).toContainText('code 1006');
  await expect(secondPgs.getByRole('listitem').filter({ hasText: 'Cache Purge' })).not.toContainText('1006');
  await expect(policyCard(page, 1).getByText('The API refused this policy.')).toHaveCount(0);
  // Nothing typed is lost.
  await expect(second.getByRole('list', { name: 'Resource groups' }).getByRole('listitem').filter({ hasText: `${PRODUCTION}3 zones` })).toBeVisible();
  await expect(page.getByText(/^Draft — 1 unsaved change$/)).toBeVisible();
  await screenshot(page, testInfo, 'refused-1006');
  await expectNoA11yViolations(page);
  expect((await readGroup(api, group.id)).policies).toHaveLength(1);

  // Fixing the entry clears the mark.
  await second.getByRole('button', { name: 'Remove Billing from Policy 2' }).click();
  await expect(second.getByText('The API refused this policy.')).toHaveCount(0);
  await expect(second.getByRole('note')).toHaveCount(0);
});

test('effective access shows deny winning, for the group and for one of its members', async ({ page, api }, testInfo) => {
  const { pg, rg } = await catalogue(api);
  const members = await api.get<Array<{ id: string; user: { email: string } }>>(`/accounts/${ACCOUNT_ID}/members`, { per_page: 5, status: 'accepted' });
  const person = members.result[0]!;
  const group = await newGroup(api, 'Composer access', [
    { access: 'allow', permission_groups: [{ id: pg('DNS') }, { id: pg('Zone Read') }], resource_groups: [{ id: rg(ALL_ZONES) }] },
    { access: 'deny', permission_groups: [{ id: pg('DNS') }], resource_groups: [{ id: rg(PRODUCTION) }] },
  ]);
  expect((await api.put(`${GROUPS}/${group.id}/members`, [{ id: person.id }])).success).toBe(true);

  await page.goto(accountPath(`/groups/${group.id}/access`));
  const matrix = page.getByRole('table', { name: `Effective access of ${group.name}` });
  // Allowed on every zone but the three production ones, where the deny wins.
  await expect(matrix.getByRole('button', { name: /^DNS on acme\.co\.uk: Allowed/ })).toBeVisible();
  const deniedCell = matrix.getByRole('button', { name: /^DNS on acme\.com: Denied/ });
  await expect(deniedCell).toHaveText('Denied');
  await expect(matrix.getByRole('button', { name: /^Zone Read on acme\.com: Allowed/ })).toBeVisible();
  await deniedCell.click();
  await expect(page.getByText('Denied by:')).toBeVisible();
  await expect(page.getByText(`Policy 2 (deny, through ${PRODUCTION})`)).toBeVisible();
  await expect(page.getByText(/^Overridden \(a deny always wins/)).toBeVisible();
  await expect(page.getByText(`Policy 1 (allow, through ${ALL_ZONES})`)).toBeVisible();
  await screenshot(page, testInfo, 'group-access');
  await expectNoA11yViolations(page);

  // The member: which group and policy decide, across all their groups.
  // The membership was set through the API, not the console: the index sees it after a pass.
  await freshIndex(page.request);
  await page.getByRole('link', { name: person.user.email }).click();
  await expect(page.getByRole('heading', { name: `Access of ${person.user.email}` })).toBeVisible();
  await expect(page.getByRole('link', { name: group.name })).toBeVisible();
  const memberMatrix = page.getByRole('table', { name: `Effective access of ${person.user.email}` });
  const memberDenied = memberMatrix.getByRole('button', { name: /^DNS on acme\.com: Denied/ });
  await expect(memberDenied).toBeVisible();
  await memberDenied.click();
  await expect(page.getByText(`${group.name} · Policy 2 (deny, through ${PRODUCTION})`)).toBeVisible();
  await screenshot(page, testInfo, 'member-access');
  await expectNoA11yViolations(page);
});

test('start from another group’s policies, and export a group to import it into another account with a dry run', async ({ page, api }, testInfo) => {
  const STAGING = '7c1a4e2b9d0f4c3e8a5b6d7e8f901a2b';
  const { pg, rg } = await catalogue(api);
  const source = await newGroup(api, 'Composer source', [
    { access: 'allow', permission_groups: [{ id: pg('Zone Read') }, { id: pg('Cache Purge') }], resource_groups: [{ id: rg(PRODUCTION) }] },
  ]);
  const target = await newGroup(api, 'Composer template target');
  // Someone who is a member of both accounts (matched by email on import), and someone only here.
  type AccountMember = { id: string; user: { email: string } };
  const stagingPeople = (await api.get<AccountMember[]>(`/accounts/${STAGING}/members`, { per_page: 50 })).result;
  const acmePeople: AccountMember[] = [];
  for (let page = 1; page < 10; page++) {
    const res = await api.get<AccountMember[]>(`/accounts/${ACCOUNT_ID}/members`, { page, per_page: 50 });
    acmePeople.push(...res.result);
    if (res.result.length < 50) break;
  }
  const stagingEmails = new Set(stagingPeople.map((m) => m.user.email));
  const shared = acmePeople.find((m) => stagingEmails.has(m.user.email));
  const acmeOnly = acmePeople.find((m) => !stagingEmails.has(m.user.email));
  if (!shared || !acmeOnly) throw new Error('the seed should have people in both accounts and people in Acme only');
  expect((await api.put(`${GROUPS}/${source.id}/members`, [{ id: shared.id }, { id: acmeOnly.id }])).success).toBe(true);

  // Template: the target starts from the source's policies, as a draft.
  await page.goto(accountPath(`/groups/${target.id}/policies`));
  await page.getByRole('button', { name: 'Start from another group…' }).click();
  const templates = page.getByRole('dialog', { name: 'Start from another group’s policies' });
  await templates.getByRole('combobox', { name: 'Copy policies from' }).fill(source.name);
  await templates.getByRole('option', { name: new RegExp(source.name) }).click();
  await expect(templates.getByText(`Allows Zone Read and Cache Purge on 3 zones (${PRODUCTION})`)).toBeVisible();
  await expectNoA11yViolations(page, { include: '[role="dialog"]' });
  await templates.getByRole('button', { name: 'Replace my policies' }).click();
  await expect(policyCard(page, 1).getByText(`Allows Zone Read and Cache Purge on 3 zones (${PRODUCTION})`)).toBeVisible();
  await expect(page.getByText(/^Draft — 1 unsaved change$/)).toBeVisible();
  await page.getByRole('button', { name: 'Discard draft' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Discard draft' }).click();

  // Export: canonical JSON, no policy ids.
  await page.goto(accountPath(`/groups/${source.id}/policies`));
  await page.getByRole('button', { name: 'Export…' }).click();
  const exported = await page.getByLabel('Export JSON').innerText();
  const file = JSON.parse(exported);
  expect(file).toMatchObject({ format: 'iam-console/user-group@1', account_id: ACCOUNT_ID, name: source.name });
  expect(file.members.map((m: { email: string }) => m.email)).toEqual([shared.user.email, acmeOnly.user.email].sort());
  expect(file.policies[0].permission_groups.map((x: { id: string }) => x.id)).toEqual([pg('Zone Read'), pg('Cache Purge')].sort());
  expect(exported).not.toContain(source.policies[0]!.id);
  await expectNoA11yViolations(page, { include: '[role="dialog"]' });
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

  // Import into a new group of the other account, after a dry run.
  await chooseOption(page, page.getByRole('combobox', { name: 'Account' }), 'Acme Staging');
  // The switch keeps the section: the other account's user groups.
  await expect(page).toHaveURL(new RegExp(`/accounts/${STAGING}/groups(\\?|$)`));
  const stagingGroups = await api.get<Group[]>(`/accounts/${STAGING}/iam/user_groups`);
  await page.goto(accountPath(`/groups/${stagingGroups.result[0]!.id}/policies`, STAGING));
  await page.getByRole('button', { name: 'Import…' }).click();
  const importer = page.getByRole('dialog', { name: 'Import a group' });
  await importer.getByLabel('Or paste the JSON').fill(exported);
  await importer.getByRole('radio', { name: /A new group in this account/ }).check();
  const newName = `Imported ${unique()}`;
  await importer.getByRole('textbox', { name: 'New group’s name' }).fill(newName);
  const dryRun = importer.getByRole('region', { name: 'Dry run' });
  // The policy's resource group names Acme Corp's zones: a zone belongs to one account, so it is
  // refused here (issue 26 item 6), not created in Acme Staging pointing at another account's zones.
  await expect(dryRun).toContainText('0 policies to import, 1 left out');
  await expect(dryRun).toContainText(`Cannot import ${PRODUCTION}: names 3 zones of another account`);
  await expect(dryRun).toContainText('The file comes from another account');
  await expect(dryRun).toContainText('1 member to add, matched by email');
  await expect(dryRun).toContainText(`1 person is not a member of this account: ${acmeOnly.user.email}`);
  await screenshot(page, testInfo, 'import-dry-run');
  await expectNoA11yViolations(page, { include: '[role="dialog"]' });
  await importer.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByRole('heading', { name: newName, level: 1 })).toBeVisible();

  const created = await api.get<Group[]>(`/accounts/${STAGING}/iam/user_groups`, { name: newName });
  expect(created.result).toHaveLength(1);
  expect(created.result[0]!.policies ?? []).toEqual([]);
  const stagingRgs = await api.get<Array<{ name: string }>>(`/accounts/${STAGING}/iam/resource_groups`);
  expect(stagingRgs.result.filter((rg) => rg.name === PRODUCTION)).toEqual([]);
  const importedMembers = await api.get<Array<{ email: string }>>(`/accounts/${STAGING}/iam/user_groups/${created.result[0]!.id}/members`);
  expect(importedMembers.result.map((m) => m.email)).toEqual([shared.user.email]);
});
