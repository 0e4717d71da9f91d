import { readFileSync } from 'node:fs';
import { accountPath, ACCOUNT_ID, expect, expectNoA11yViolations, test, type SandboxApi } from './support/fixtures.ts';

/**
 * An access review: three groups, a keep or remove decision (with a reason) for every membership,
 * applied as one reviewed change; the API then shows exactly the removals, and the evidence lists
 * every decision.
 */

const GROUPS = `/accounts/${ACCOUNT_ID}/iam/user_groups`;

async function membersOf(api: SandboxApi, groupId: string): Promise<string[]> {
  const res = await api.get<Array<{ id: string }> | null>(`${GROUPS}/${groupId}/members`, { per_page: 50 });
  expect(res.success).toBe(true);
  return (res.result ?? []).map((m) => m.id).sort();
}

test('review three groups, remove two people, apply, and export the evidence', async ({ page, api }) => {
  const people = (await api.get<Array<{ id: string; status: string; user: { email: string } }>>(`/accounts/${ACCOUNT_ID}/members`, { page: 3, per_page: 50 })).result
    .filter((m) => m.status === 'accepted')
    .slice(0, 6);
  const tag = `E2E Review ${Date.now().toString(36)}`;
  const groups: Array<{ id: string; name: string; members: typeof people }> = [];
  for (let i = 0; i < 3; i++) {
    const name = `${tag} ${'ABC'[i]}`;
    const created = await api.post<{ id: string }>(GROUPS, { name });
    expect(created.success, JSON.stringify(created.errors)).toBe(true);
    const members = people.slice(i * 2, i * 2 + 2);
    expect((await api.put(`${GROUPS}/${created.result.id}/members`, members.map((m) => ({ id: m.id })))).success).toBe(true);
    groups.push({ id: created.result.id, name, members });
  }

  await page.goto(accountPath('/reviews'));
  await page.getByRole('button', { name: 'Start a review' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start an access review' });
  await dialog.getByLabel('Name').fill(`${tag} quarterly`);
  await dialog.getByRole('searchbox', { name: 'Filter groups' }).fill(tag);
  for (const g of groups) await dialog.getByRole('checkbox', { name: g.name }).check();
  await dialog.getByRole('button', { name: 'Review 3 groups' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `${tag} quarterly` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '6 memberships' })).toContainText('6 without a decision');
  // Beside each person: when the membership last changed and by whom (from History: here the API
  // call that made it), and their own last change in the account, or that the audit log has none.
  const firstRow = page.getByRole('row', { name: new RegExp(groups[0]!.members[0]!.user.email) });
  await expect(firstRow.getByRole('cell').nth(1)).toContainText(/^Added .+ by .+/);
  await expect(firstRow.getByRole('cell').nth(2)).toContainText(/None in the audit log|\d/);
  await expectNoA11yViolations(page);

  const leaving = [groups[0]!.members[1]!, groups[2]!.members[0]!];
  for (const g of groups) {
    for (const m of g.members) {
      const decision = page.getByRole('group', { name: `Decision for ${m.user.email} in ${g.name}` });
      if (leaving.includes(m)) {
        await decision.getByRole('radio', { name: 'Remove' }).check();
        await decision.getByRole('textbox', { name: `Reason for ${m.user.email} in ${g.name}` }).fill(`left ${g.name.slice(-1)}`);
        await decision.getByRole('button', { name: 'Save decision' }).click();
        await expect(decision).toContainText('Saved: remove');
      } else {
        await decision.getByRole('radio', { name: 'Keep' }).check();
        await expect(decision).toContainText('Saved: keep');
      }
    }
  }
  await expect(page.getByRole('status').filter({ hasText: '6 memberships' })).toContainText('Every membership decided');

  await page.getByRole('button', { name: 'Apply decisions…' }).click();
  const review = page.getByRole('dialog', { name: /^Apply/ });
  for (const m of leaving) await expect(review).toContainText(m.user.email);
  await review.getByRole('button', { name: 'Remove 2 memberships' }).click();
  await expect(review).toBeHidden();
  await expect(page.getByText(/Applied by/)).toBeVisible();

  // Exactly the removals, nothing else.
  for (const g of groups) {
    const expected = g.members.filter((m) => !leaving.includes(m)).map((m) => m.id).sort();
    expect(await membersOf(api, g.id)).toEqual(expected);
  }

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download evidence (CSV)' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8').trim().split('\r\n');
  expect(csv).toHaveLength(7);
  for (const g of groups) for (const m of g.members) expect(csv.some((line) => line.includes(m.user.email) && line.includes(g.name))).toBe(true);
  expect(csv.filter((line) => line.includes(',remove,') && line.includes('Removed')).length).toBe(2);
  expect(csv.filter((line) => line.includes(',keep,') && line.includes('Kept')).length).toBe(4);

  await page.getByRole('link', { name: 'Printable evidence' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Access review evidence: ${tag} quarterly` })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Every decision' }).getByRole('row')).toHaveCount(7);
});
