import { ACCOUNT_ID, expect, expectNoA11yViolations, test } from './support/fixtures.ts';

/**
 * The policy editor's JSON view lints what it cannot see by parsing alone: an unknown permission
 * group is an error before saving (it used to read "Valid"), a bad enum lists its allowed values,
 * and every id the console knows is named.
 */

const IAM = `/accounts/${ACCOUNT_ID}/iam`;

test('the JSON view names known ids, explains a bad enum and refuses an unknown permission group', async ({ page, api }) => {
  const pgs = (await api.get<Array<{ id: string; name: string }>>(`${IAM}/permission_groups`, { name: 'Zone Read' })).result;
  const zoneRead = pgs.find((p) => p.name === 'Zone Read')!;
  const rgs = (await api.get<Array<{ id: string; name: string }>>(`${IAM}/resource_groups`)).result;
  const production = rgs.find((r) => r.name === 'Production zones')!;
  const created = await api.post<{ id: string }>(`${IAM}/user_groups`, {
    name: `JSON lint ${Date.now().toString(36)}`,
    policies: [{ access: 'allow', permission_groups: [{ id: zoneRead.id }], resource_groups: [{ id: production.id }] }],
  });
  expect(created.success, JSON.stringify(created.errors)).toBe(true);

  await page.goto(`/groups/${created.result.id}/policies`);
  await page.getByRole('tab', { name: 'JSON' }).click();
  const editor = page.getByRole('textbox', { name: 'Request body (JSON)' });
  const text = await editor.inputValue();

  const named = page.getByRole('list', { name: 'Ids in this body' });
  await expect(named).toContainText(`${zoneRead.id} — permission group Zone Read`);
  await expect(named).toContainText(`${production.id} — resource group Production zones`);
  await expect(named).toContainText('Policy 1 (saved)');
  await expectNoA11yViolations(page);

  await editor.fill(text.replace('"allow"', '"alow"'));
  await expect(page.getByText('must be one of "allow", "deny" (got "alow")')).toBeVisible();

  const unknown = 'ffffffffffffffffffffffffffffffff';
  await editor.fill(text.replace(zoneRead.id, unknown));
  await expect(page.getByText(`unknown permission group "${unknown}"`)).toBeVisible();
  await expect(page.getByText(/^Valid\./)).toHaveCount(0);
  await expect(editor).toHaveAttribute('aria-invalid', 'true');
  await expectNoA11yViolations(page);

  // Saving is refused before any request: the review does not open and the group is unchanged.
  await page.getByRole('button', { name: 'Review and save…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'fixing before saving' })).toContainText(`Unknown permission group ${unknown}`);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const saved = await api.get<{ policies: Array<{ permission_groups: Array<{ id: string }> }> }>(`${IAM}/user_groups/${created.result.id}`);
  expect(saved.result.policies[0]!.permission_groups.map((p) => p.id)).toEqual([zoneRead.id]);
});
