import { ACCOUNT_ID, expect, expectNoA11yViolations, test, type SandboxApi } from './support/fixtures.ts';

/**
 * Terraform, both ways: the admin exports a group from its page as HCL, keeps the file, someone
 * changes the group straight through the API, the admin loads the file back as a baseline and
 * sees exactly that drift with who made it, then puts the account back through the composer's
 * own review.
 */
const IAM = `/accounts/${ACCOUNT_ID}/iam`;
const GROUPS = `${IAM}/user_groups`;
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e5)}`;

async function idByName(api: SandboxApi, path: string, name: string, paged: boolean): Promise<string> {
  for (let page = 1; ; page++) {
    const res = await api.get<Array<{ id: string; name: string }>>(path, paged ? { page, per_page: 50 } : undefined);
    const found = res.result.find((item) => item.name === name);
    if (found) return found.id;
    if (!paged || res.result.length < 50) throw new Error(`no ${name} in ${path}`);
  }
}

test('export a group as Terraform, load it back as a baseline, see the API’s change with its actor, put it back through the review', async ({ page, api }, testInfo) => {
  test.setTimeout(120_000);
  const [zoneRead, allZones] = await Promise.all([idByName(api, `${IAM}/permission_groups`, 'Zone Read', true), idByName(api, `${IAM}/resource_groups`, 'All Acme zones', false)]);
  const created = await api.post<{ id: string; name: string }>(GROUPS, {
    name: `Terraform ${unique()}`,
    policies: [{ access: 'allow', permission_groups: [{ id: zoneRead }], resource_groups: [{ id: allZones }] }],
  });
  expect(created.success, JSON.stringify(created.errors)).toBe(true);
  const group = created.result;

  // Export from the group's own page.
  await page.goto(`/accounts/${ACCOUNT_ID}/groups/${group.id}`);
  await page.getByRole('link', { name: 'Export as Terraform' }).click();
  await expect(page.getByRole('heading', { name: 'Terraform', level: 1 })).toBeVisible();
  const hcl = page.getByRole('region', { name: 'Export' }).getByLabel('Terraform HCL');
  await expect(hcl).toContainText(`resource "cloudflare_user_group"`);
  await expect(hcl).toContainText(`name = "${group.name}"`);
  await expect(hcl).toContainText(`id = "${ACCOUNT_ID}/${group.id}"`);
  await expect(hcl).toContainText('# Zone Read');
  await expectNoA11yViolations(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Download cloudflare-iam-/ }).click();
  const file = testInfo.outputPath('baseline.tf');
  await (await downloading).saveAs(file);

  // Someone removes the policy with an API token, outside the console.
  expect((await api.put(`${GROUPS}/${group.id}`, { policies: [] })).success).toBe(true);

  // Another account's state is refused, naming that account; nothing is read.
  await page.reload();
  const other = 'f'.repeat(32);
  const foreignState = {
    version: 4,
    terraform_version: '1.9.0',
    resources: [{ mode: 'managed', type: 'cloudflare_user_group', name: 'x', provider: 'provider["registry.terraform.io/cloudflare/cloudflare"]', instances: [{ attributes: { id: group.id, account_id: other, name: 'X', policies: [] } }] }],
  };
  await page.getByLabel('Baseline file').setInputFiles({ name: 'other.tfstate', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(foreignState)) });
  const refusal = page.getByRole('alert').filter({ hasText: 'another account' });
  await expect(refusal).toContainText(other);
  await expect(refusal).toContainText('Nothing was read.');
  await expect(refusal).toContainText('cloudflare_user_group.x');

  // Load the file back as the baseline: exactly that change, with who made it.
  await page.getByLabel('Baseline file').setInputFiles(file);
  await expect(page.getByText(/1 resource read \(HCL\)/)).toBeVisible();
  await expect(page.getByText('1 resource of 1 differ from the account.')).toBeVisible();
  const drifted = page.getByRole('listitem', { name: `User group ${group.name}: drifted` });
  const row = drifted.getByRole('row', { name: /policies #1/ });
  await expect(row).toContainText('allow Zone Read on All Acme zones');
  await expect(row).toContainText('(none)');
  await expect(drifted).toContainText(/Last changed by API token [0-9a-f]{8}/);
  await drifted.getByRole('button', { name: 'Update the code' }).click();
  await expect(drifted.getByLabel(/HCL for cloudflare_user_group\..* as the account has it/)).not.toContainText('policies');
  await expectNoA11yViolations(page);

  // Put the account back: a draft in the composer, through its review.
  await drifted.getByRole('button', { name: 'Put the account back' }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${group.id}/policies`));
  await page.getByRole('button', { name: 'Review and save…' }).click();
  const review = page.getByRole('dialog', { name: `Review changes to ${group.name}` });
  await expect(review.getByRole('heading', { name: /Policies \(1 added, 0 removed, 0 changed\)/ })).toBeVisible();
  await review.getByRole('button', { name: 'Save policies' }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  const after = await api.get<{ policies: Array<{ access: string; permission_groups: Array<{ id: string }>; resource_groups: Array<{ id: string }> }> }>(`${GROUPS}/${group.id}`);
  expect(after.result.policies.map((p) => [p.access, p.permission_groups.map((x) => x.id), p.resource_groups.map((x) => x.id)])).toEqual([['allow', [zoneRead], [allZones]]]);

  // And the code now matches the account again.
  await page.goto(`/accounts/${ACCOUNT_ID}/terraform?groups=${group.id}`);
  await page.getByLabel('Baseline file').setInputFiles(file);
  await expect(page.getByText('No drift: all 1 resource match the account.')).toBeVisible();
});

test('a member removed through the API shows as drift by email, and goes back through the Replace dialog’s preview', async ({ page, api }, testInfo) => {
  test.setTimeout(120_000);
  const created = await api.post<{ id: string; name: string }>(GROUPS, { name: `Terraform members ${unique()}`, policies: [] });
  expect(created.success, JSON.stringify(created.errors)).toBe(true);
  const group = created.result;
  const listed = await api.get<Array<{ id: string; user: { email: string } }>>(`/accounts/${ACCOUNT_ID}/members`, { per_page: 50 });
  const [kept, removed] = listed.result.filter((m) => m.user.email.endsWith('@acme.com')).slice(5, 7);
  expect((await api.post(`${GROUPS}/${group.id}/members`, [{ id: kept!.id }, { id: removed!.id }])).success).toBe(true);

  await page.goto(`/accounts/${ACCOUNT_ID}/terraform?groups=${group.id}`);
  const hcl = page.getByLabel('Terraform HCL');
  await expect(hcl).toContainText(`# ${removed!.user.email}`);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Download cloudflare-iam-/ }).click();
  const file = testInfo.outputPath('members.tf');
  await (await downloading).saveAs(file);

  expect((await api.delete(`${GROUPS}/${group.id}/members/${removed!.id}`)).success).toBe(true);
  await page.reload();
  await page.getByLabel('Baseline file').setInputFiles(file);
  const drifted = page.getByRole('listitem', { name: `Members of ${group.name}: drifted` });
  await expect(drifted.getByRole('row', { name: /members/ })).toContainText(`has ${removed!.user.email}`);
  await drifted.getByRole('button', { name: 'Put the account back' }).click();

  const dialog = page.getByRole('dialog', { name: 'Replace the membership' });
  await expect(dialog.getByRole('textbox')).toHaveValue(`${kept!.user.email}\n${removed!.user.email}`.split('\n').sort().join('\n'));
  await dialog.getByRole('button', { name: 'Preview changes' }).click();
  await expect(dialog).toContainText(removed!.user.email);
  await dialog.getByRole('button', { name: 'Replace: add 1, remove 0' }).click();
  await expect(dialog).toBeHidden();
  const after = await api.get<Array<{ id: string }>>(`${GROUPS}/${group.id}/members`);
  expect(after.result.map((m) => m.id).sort()).toEqual([kept!.id, removed!.id].sort());
});
