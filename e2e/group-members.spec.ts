import type { Page } from '@playwright/test';
import { accountPath, ACCOUNT_ID, expect, expectNoA11yViolations, test, type SandboxApi } from './support/fixtures.ts';

/**
 * A group's members: add people with the picker and by pasting emails (each in one request, with
 * a preview of what happens to every address), replace the whole membership with a preview of who
 * comes and goes, remove one or several, search, page and open one member's details.
 */

const GROUPS = `/accounts/${ACCOUNT_ID}/iam/user_groups`;

interface AccountMember {
  id: string;
  status: 'accepted' | 'pending';
  user: { email: string; first_name: string | null; last_name: string | null };
}
interface GroupMember {
  id: string;
  email: string;
  status: string;
}

async function accountMembers(api: SandboxApi): Promise<AccountMember[]> {
  const out: AccountMember[] = [];
  for (let page = 1; ; page++) {
    const res = await api.get<AccountMember[]>(`/accounts/${ACCOUNT_ID}/members`, { page, per_page: 50 });
    expect(res.success).toBe(true);
    out.push(...res.result);
    if (res.result.length < 50) return out;
  }
}

async function groupMembers(api: SandboxApi, groupId: string): Promise<GroupMember[]> {
  const res = await api.get<GroupMember[]>(`${GROUPS}/${groupId}/members`, { per_page: 500 });
  expect(res.success, JSON.stringify(res.errors)).toBe(true);
  return res.result;
}

const emailsOf = (members: Array<{ email: string }>) => members.map((m) => m.email).sort();

async function newGroup(api: SandboxApi, label: string, memberIds: string[] = []): Promise<{ id: string; name: string }> {
  const name = `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const res = await api.post<{ id: string }>(GROUPS, { name });
  expect(res.success, JSON.stringify(res.errors)).toBe(true);
  if (memberIds.length) {
    const put = await api.put(`${GROUPS}/${res.result.id}/members`, memberIds.map((id) => ({ id })));
    expect(put.success, JSON.stringify(put.errors)).toBe(true);
  }
  return { id: res.result.id, name };
}

/** Counts the membership-changing requests the page sends, by method. */
function countWrites(page: Page) {
  const counts = { POST: 0, PUT: 0, DELETE: 0 };
  page.on('request', (r) => {
    const method = r.method() as keyof typeof counts;
    if (method in counts && /\/user_groups\/[0-9a-f]{32}\/members/.test(r.url())) counts[method]++;
  });
  return counts;
}

function memberRows(page: Page) {
  return page.getByRole('table').getByRole('row').filter({ has: page.getByRole('checkbox') }).filter({ hasNot: page.getByRole('columnheader') });
}

test('add members with the picker: several people, one request', { tag: '@workers' }, async ({ page, api }) => {
  const people = (await accountMembers(api)).filter((m) => m.user.email.endsWith('@acme.com'));
  const [first, second] = [people[3]!, people[4]!];
  const group = await newGroup(api, 'E2E Picker');
  const writes = countWrites(page);

  await page.goto(accountPath(`/groups/${group.id}/members`));
  await expect(page.getByRole('heading', { name: 'This group has no members yet' })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole('button', { name: 'Add members' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add members' });
  const search = dialog.getByRole('searchbox', { name: 'Search account members' });
  await search.fill(first.user.email);
  await dialog.getByRole('checkbox', { name: new RegExp(first.user.email) }).check();
  await search.fill(second.user.email.split('@')[0]!);
  await dialog.getByRole('checkbox', { name: new RegExp(second.user.email) }).check();
  // Ticks survive a new search.
  await expect(dialog.getByRole('heading', { name: 'Selected: 2' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: `Unselect ${first.user.email}` })).toBeVisible();
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Add 2 members' }).click();

  await expect(dialog).toBeHidden();
  await expect(memberRows(page)).toHaveCount(2);
  await expect(page.getByRole('button', { name: first.user.email, exact: true })).toBeVisible();
  expect(writes.POST).toBe(1);
  expect(emailsOf(await groupMembers(api, group.id))).toEqual([first.user.email, second.user.email].sort());

  // Opened again, people already in the group cannot be ticked twice.
  await page.getByRole('button', { name: 'Add members' }).first().click();
  await dialog.getByRole('searchbox', { name: 'Search account members' }).fill(first.user.email);
  const already = dialog.getByRole('checkbox', { name: new RegExp(first.user.email) });
  await expect(already).toBeChecked();
  await expect(already).toBeDisabled();
  await expect(dialog.locator('label', { hasText: first.user.email })).toContainText('Already in group');
});

test('add members by pasting emails: a preview sorts every address, then one request adds the new ones', async ({ page, api }) => {
  const people = (await accountMembers(api)).filter((m) => m.user.email.endsWith('@acme.com'));
  const [inGroup, newA, newB] = [people[10]!, people[11]!, people[12]!];
  const group = await newGroup(api, 'E2E Paste', [inGroup.id]);
  const writes = countWrites(page);

  await page.goto(accountPath(`/groups/${group.id}/members`));
  await expect(memberRows(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Add by email list' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add members by email' });
  const pasted = [
    `${newA.user.first_name} <${newA.user.email.toUpperCase()}>`,
    `${newB.user.email}; ${inGroup.user.email}`,
    'nobody.here@acme.com',
    'not-an-email',
    newB.user.email,
  ].join('\n');
  await dialog.getByRole('textbox', { name: 'Email addresses' }).fill(pasted);
  await expect(dialog.getByRole('button', { name: /^Add/ })).toBeDisabled(); // nothing checked yet
  await dialog.getByRole('button', { name: 'Check emails' }).click();

  const preview = dialog.getByRole('region', { name: 'What will happen' });
  await expect(preview.getByRole('heading', { name: 'Will be added: 2' })).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'Already in the group: 1' })).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'Not members of this account: 1' })).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'Not valid email addresses: 1' })).toBeVisible();
  await expect(preview).toContainText('nobody.here@acme.com');
  await expect(preview).toContainText('not-an-email');
  await expect(preview).toContainText(`Listed more than once (counted once): ${newB.user.email}`);
  await expectNoA11yViolations(page);

  // Editing the list after the check asks for a new check before anything is sent.
  const box = dialog.getByRole('textbox', { name: 'Email addresses' });
  await box.fill(`${pasted}\n`);
  await expect(dialog.getByRole('button', { name: 'Add 2 members' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Check again' }).click();
  await dialog.getByRole('button', { name: 'Add 2 members' }).click();

  await expect(dialog).toBeHidden();
  await expect(memberRows(page)).toHaveCount(3);
  expect(writes.POST).toBe(1);
  expect(emailsOf(await groupMembers(api, group.id))).toEqual([inGroup.user.email, newA.user.email, newB.user.email].sort());
});

test('replace the membership: the preview names who is added and removed; a colleague’s change in between stops the PUT', { tag: '@workers' }, async ({
  page,
  api,
}) => {
  const people = (await accountMembers(api)).filter((m) => m.user.email.endsWith('@acme.com'));
  const start = people.slice(20, 24); // four members
  const incoming = people[30]!;
  const colleagueAdds = people[31]!;
  const group = await newGroup(api, 'E2E Replace', start.map((m) => m.id));
  const writes = countWrites(page);

  await page.goto(accountPath(`/groups/${group.id}/members`));
  await expect(memberRows(page)).toHaveCount(4);
  await page.getByRole('button', { name: 'Replace all…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace the membership' });
  const box = dialog.getByRole('textbox', { name: /Members after the change/ });
  // It starts as the current membership, one per line.
  await expect(box).toHaveValue(emailsOf(start.map((m) => ({ email: m.user.email }))).join('\n'));

  const kept = start.slice(2).map((m) => m.user.email);
  await box.fill([...kept, incoming.user.email].join('\n'));
  await dialog.getByRole('button', { name: 'Preview changes' }).click();
  const preview = dialog.getByRole('region', { name: 'What will change' });
  await expect(preview.getByRole('heading', { name: 'Will be added: 1' })).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'Will be removed: 2' })).toBeVisible();
  await expect(preview).toContainText(start[0]!.user.email);
  await expect(preview).toContainText(start[1]!.user.email);
  await expectNoA11yViolations(page);

  // A colleague adds someone meanwhile: the replace would silently undo that, so it stops.
  await api.post(`${GROUPS}/${group.id}/members`, [{ id: colleagueAdds.id }]);
  await dialog.getByRole('button', { name: 'Replace: add 1, remove 2' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Someone changed this group’s members' })).toBeVisible();
  expect(writes.PUT).toBe(0);
  await expect(preview.getByRole('heading', { name: 'Will be removed: 3' })).toBeVisible();
  await expect(preview).toContainText(colleagueAdds.user.email);
  expect(emailsOf(await groupMembers(api, group.id))).toContain(colleagueAdds.user.email);

  // Reviewed: now it goes through, in one PUT.
  await dialog.getByRole('button', { name: 'Replace: add 1, remove 3' }).click();
  await expect(dialog).toBeHidden();
  expect(writes.PUT).toBe(1);
  expect(emailsOf(await groupMembers(api, group.id))).toEqual([...kept, incoming.user.email].sort());
  await expect(memberRows(page)).toHaveCount(3);

  // A line that is nobody in the account blocks the replace rather than dropping people.
  await page.getByRole('button', { name: 'Replace all…' }).click();
  await box.fill(`${kept.join('\n')}\ntypo@acme.con`);
  await dialog.getByRole('button', { name: 'Preview changes' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Fix or delete them first' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^Replace:/ })).toBeDisabled();
});

test('remove one member, then several selected; search, page and open a member’s details', async ({ page, api }) => {
  const people = (await accountMembers(api)).filter((m) => m.user.email.endsWith('@acme.com')).slice(40, 70); // 30
  const group = await newGroup(api, 'E2E Remove', people.map((m) => m.id));
  const sorted = [...people].sort((a, b) => a.user.email.localeCompare(b.user.email));
  const writes = countWrites(page);

  // Paging: 25 per page, URL-synced.
  await page.goto(accountPath(`/groups/${group.id}/members?per_page=25`));
  await expect(memberRows(page)).toHaveCount(25);
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(memberRows(page)).toHaveCount(5);
  await expect(page.getByRole('button', { name: sorted[29]!.user.email, exact: true })).toBeVisible();
  await expectNoA11yViolations(page);

  // Search by email fragment, kept in the URL.
  const target = sorted[3]!;
  await page.getByRole('searchbox', { name: 'Search by email' }).fill(target.user.email.split('@')[0]!);
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page).toHaveURL(/[?&]page=1(&|$)/);
  await expect(page.getByRole('button', { name: target.user.email, exact: true })).toBeVisible();

  // Details open in a dialog that a reload keeps open (it lives in the URL).
  await page.getByRole('button', { name: target.user.email, exact: true }).click();
  const details = page.getByRole('dialog');
  await expect(details).toContainText(target.user.email);
  await expect(details).toContainText('Added to group');
  await expect(details).toContainText(target.status === 'accepted' ? 'Accepted' : 'Pending');
  await expect(page).toHaveURL(new RegExp(`member=${target.id}`));
  await page.reload();
  await expect(page.getByRole('dialog')).toContainText(target.user.email);
  await expectNoA11yViolations(page);

  // Remove that one from its details.
  await page.getByRole('dialog').getByRole('button', { name: 'Remove from group' }).click();
  const confirmOne = page.getByRole('dialog', { name: `Remove ${target.user.email} from “${group.name}”?` });
  await confirmOne.getByRole('button', { name: 'Remove member' }).click();
  await expect(page.getByRole('button', { name: target.user.email, exact: true })).toBeHidden();
  await expect.poll(async () => emailsOf(await groupMembers(api, group.id))).not.toContain(target.user.email);

  // Several at once: select two, confirm, both gone; one DELETE each.
  await page.getByRole('searchbox', { name: 'Search by email' }).fill('');
  await expect(page).not.toHaveURL(/[?&]q=/);
  const [a, b] = [sorted[0]!, sorted[1]!];
  await page.getByRole('checkbox', { name: `Select ${a.user.email}` }).check();
  await page.getByRole('checkbox', { name: `Select ${b.user.email}` }).check();
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Remove selected' }).click();
  const confirmTwo = page.getByRole('dialog', { name: `Remove 2 members from “${group.name}”?` });
  await expect(confirmTwo).toContainText(a.user.email);
  await expect(confirmTwo).toContainText(b.user.email);
  await expectNoA11yViolations(page);
  await confirmTwo.getByRole('button', { name: 'Remove 2 members' }).click();
  await expect(page.getByRole('button', { name: a.user.email, exact: true })).toBeHidden();
  await expect(page.getByRole('button', { name: b.user.email, exact: true })).toBeHidden();
  await expect.poll(async () => (await groupMembers(api, group.id)).length).toBe(27);
  const left = emailsOf(await groupMembers(api, group.id));
  expect(left).not.toContain(a.user.email);
  expect(left).not.toContain(b.user.email);
  expect(writes.DELETE).toBe(3);
  await expect(page.getByRole('status').filter({ hasText: /^27 members$/ })).toBeVisible();
});

test('a removal the API refuses puts the row back and says why', async ({ page, api }) => {
  const people = (await accountMembers(api)).filter((m) => m.user.email.endsWith('@acme.com')).slice(80, 82);
  const group = await newGroup(api, 'E2E Rollback', people.map((m) => m.id));
  const victim = [...people].sort((a, b) => a.user.email.localeCompare(b.user.email))[0]!;
  await page.goto(accountPath(`/groups/${group.id}/members`));
  await expect(memberRows(page)).toHaveCount(2);

  // The API fails this DELETE, held until the optimistic removal has been seen.
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  await page.route(`**${GROUPS}/${group.id}/members/${victim.id}`, async (route) => {
    if (route.request().method() !== 'DELETE') return route.fallback();
    await answered;
    await route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ success: false, errors: [{ code: 1000, message: 'Internal error' }], messages: [], result: null }),
    });
  });
  await page.getByRole('button', { name: `Remove ${victim.user.email}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove member' }).click();
  await expect(page.getByRole('button', { name: victim.user.email, exact: true }), 'gone at once').toBeHidden();
  answer();
  const toasts = page.getByRole('region', { name: /Notifications/ });
  await expect(toasts.getByText(`Could not remove ${victim.user.email}`)).toBeVisible();
  await expect(toasts.getByText('Internal error (code 1000)')).toBeVisible();
  await expect(page.getByRole('button', { name: victim.user.email, exact: true }), 'back after the failure').toBeVisible();
  await expect(memberRows(page)).toHaveCount(2);
  expect((await groupMembers(api, group.id)).length).toBe(2);
});
