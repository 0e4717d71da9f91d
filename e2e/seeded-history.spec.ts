import type { Page } from '@playwright/test';
import { ACCOUNT_ID, expect, expectNoA11yViolations, test } from './support/fixtures.ts';
import { chooseOption } from './support/select.ts';

/**
 * Issue 30, "a sandbox with a past": on a fresh sandbox, History already holds Acme Corp's year —
 * changes by admins in the Cloudflare dashboard, by Terraform and by a sync job's API token — and
 * a revertible change of each kind the console reverts. One of them (a member the sync removed)
 * is reverted through its review, and the API shows the member back.
 */

test.describe.configure({ timeout: 90_000 });

const HISTORY = `/accounts/${ACCOUNT_ID}/history`;
const entries = (page: Page) => page.getByRole('article');

/** The seeded year only: other journeys on the same server add (and may delete) today's changes. */
const BEFORE_TODAY = `${HISTORY}?before=${new Date().toISOString().slice(0, 10)}`;

async function filterBy(page: Page, action: string) {
  await page.goto(BEFORE_TODAY);
  await chooseOption(page, page.getByRole('combobox', { name: 'Action', exact: true }), action);
  await expect(entries(page).first()).toBeVisible();
}

test('a fresh sandbox has a past: three kinds of actor, and a revertible change of every kind', async ({ page, api }) => {
  await page.goto(HISTORY);
  await expect(page.getByRole('heading', { name: 'History', level: 1 })).toBeVisible();
  await expect(entries(page).first()).toBeVisible();
  await expectNoA11yViolations(page);

  // Who: admins in the dashboard, Terraform's token, the people-sync token.
  const actors = new Set<string>();
  for (const who of ['jordan.alvarez@acme.com', 'terraform', 'people-sync']) {
    await page.goto(`${HISTORY}?actor=${encodeURIComponent(who)}`);
    const first = entries(page).first();
    await expect(first).toContainText(new RegExp(`by .*${who}`, 'i'));
    actors.add(who);
  }
  expect(actors.size).toBe(3);
  await page.goto(`${HISTORY}?actor=jordan.alvarez`);
  await expect(entries(page).first()).toContainText('Cloudflare dashboard');
  await page.goto(`${HISTORY}?actor=terraform`);
  await expect(entries(page).first()).toContainText('API (SDK, Terraform…)');

  // Every kind the console reverts has one to revert.
  for (const [action, text] of [
    ['Created', /Created · User group/],
    ['Changed', /permission group|Policy/],
    ['Changed', /name: .+ → /],
    ['Added members', /Member added/],
    ['Removed a member', /Member removed/],
    ['Deleted', /Agency – Spring Campaign/],
  ] as const) {
    await filterBy(page, action);
    const entry = entries(page).filter({ hasText: text }).first();
    await expect(entry, `${action}: ${text}`).toBeVisible();
    await expect(entry.getByRole('button', { name: 'Revert this change' })).toBeVisible();
  }

  // Revert the sync's removal of a person: the review, then the member is back in the group.
  await filterBy(page, 'Removed a member');
  const removal = entries(page).first();
  const removed = ((await removal.innerText()).match(/Member removed: (\S+@\S+)/) ?? [])[1]!;
  const groupName = (await removal.getByRole('heading').innerText()).replace(/^Removed a member · Group members\s*/, '').trim();
  await removal.getByRole('button', { name: 'Revert this change' }).click();
  const review = page.getByRole('dialog', { name: `Revert: ${groupName}` });
  await expect(review).toContainText(removed);
  await expectNoA11yViolations(page, { include: '[role="dialog"]' });
  await review.getByRole('button', { name: 'Revert', exact: true }).click();
  await expect(review).toBeHidden();
  const group = (await api.get<Array<{ id: string; name: string }>>(`/accounts/${ACCOUNT_ID}/iam/user_groups`, { name: groupName })).result[0]!;
  const members = (await api.get<Array<{ email: string }>>(`/accounts/${ACCOUNT_ID}/iam/user_groups/${group.id}/members`, { per_page: 100 })).result;
  expect(members.map((m) => m.email)).toContain(removed);
});
