import type { Locator, Page } from '@playwright/test';
import { accountPath, ACCOUNT_ID, expect, type SandboxApi } from './fixtures.ts';

/** What the time-bound access journeys set up and check, through the sandbox API and the console's own. */

export const GROUPS = `/accounts/${ACCOUNT_ID}/iam/user_groups`;

export interface AccountMember {
  id: string;
  status: string;
  user: { email: string };
}

/** The `skip`-th accepted member on the account's second page: each journey takes its own. */
export async function someAcceptedMember(api: SandboxApi, skip: number): Promise<AccountMember> {
  const res = await api.get<AccountMember[]>(`/accounts/${ACCOUNT_ID}/members`, { page: 2, per_page: 50 });
  expect(res.success).toBe(true);
  return res.result.filter((m) => m.status === 'accepted')[skip]!;
}

/** A new, empty group with a name no other run uses. */
export async function newGroup(api: SandboxApi, label: string): Promise<{ id: string; name: string }> {
  const name = `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const res = await api.post<{ id: string }>(GROUPS, { name });
  expect(res.success, JSON.stringify(res.errors)).toBe(true);
  return { id: res.result.id, name };
}

/** The group's member ids as the API holds them. */
export async function memberIds(api: SandboxApi, groupId: string): Promise<string[]> {
  const res = await api.get<Array<{ id: string }> | null>(`${GROUPS}/${groupId}/members`, { per_page: 50 });
  expect(res.success).toBe(true);
  return (res.result ?? []).map((m) => m.id);
}

/** The ends the console keeps for a group's memberships. */
export async function endsOf(page: Page, groupId: string): Promise<Array<{ member_id: string; state: string; ends_at: string }>> {
  const res = await page.request.get(`/console-api/accounts/${ACCOUNT_ID}/membership-ends?group=${groupId}`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { result: Array<{ member_id: string; state: string; ends_at: string }> }).result;
}

/**
 * From the Members page, as an admin does: finds the person, ticks them, opens "Add to groups…",
 * ticks each group (found by `search`) and picks the end. Returns the dialog, not yet sent.
 */
export async function bulkAddWithEnd(page: Page, email: string, search: string, groups: Array<{ name: string }>, end: string): Promise<Locator> {
  await page.goto(accountPath('/members'));
  await page.getByRole('searchbox', { name: 'Search by email or name' }).fill(email);
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Add to groups…' }).click();
  const bulk = page.getByRole('dialog', { name: 'Add 1 person to groups' });
  await bulk.getByRole('searchbox', { name: 'Find groups' }).fill(search);
  for (const g of groups) await bulk.getByRole('checkbox', { name: g.name }).check();
  await bulk.getByRole('radio', { name: end }).check();
  return bulk;
}
