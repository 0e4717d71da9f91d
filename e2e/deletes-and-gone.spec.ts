import { randomBytes } from 'node:crypto';
import type { Page, Request } from '@playwright/test';
import { accountPath, ACCOUNT_ID, expect, expectNoA11yViolations, test } from './support/fixtures.ts';

/**
 * Deletes are idempotent from the admin's point of view: a double-clicked Delete sends one
 * request and reports success, and a link to something already gone says so inside the shell,
 * with the navigation and a way back, and no "Try again" that would only fail again.
 */

const IAM = `/accounts/${ACCOUNT_ID}/iam`;
const SSO = `/accounts/${ACCOUNT_ID}/sso_connectors`;
const CLIENTS = `/accounts/${ACCOUNT_ID}/oauth_clients`;
const tag = () => randomBytes(3).toString('hex');
const toast = (page: Page, text: string | RegExp) => page.locator('.toast-viewport').getByText(text);
/** Any message that reports a failed delete, wherever it would show (toast, dialog banner, page). */
const failure = (page: Page) => page.getByText(/not deleted|Could not delete|could not be loaded/i);

/** Counts the DELETEs sent to `pathPart` and how many have been answered. */
function watchDeletes(page: Page, pathPart: string) {
  const sent: Request[] = [];
  let answered = 0;
  page.on('request', (r) => {
    if (r.method() === 'DELETE' && r.url().includes(pathPart)) sent.push(r);
  });
  page.on('requestfinished', (r) => {
    if (sent.includes(r)) answered += 1;
  });
  return { sent: () => sent.length, allAnswered: () => answered === sent.length };
}

async function created<T>(res: Promise<{ success: boolean; errors: unknown; result: T }>): Promise<T> {
  const r = await res;
  expect(r.success, JSON.stringify(r.errors)).toBe(true);
  return r.result;
}

async function expectDeletedOnce(page: Page, deletes: ReturnType<typeof watchDeletes>, successToast: string | RegExp) {
  await expect(toast(page, successToast)).toBeVisible();
  await expect.poll(() => deletes.allAnswered()).toBe(true);
  expect(deletes.sent(), 'a double click sends one DELETE').toBe(1);
  await expect(failure(page)).toHaveCount(0);
}

test.describe('double-clicking Delete deletes once and reports success', { tag: '@workers' }, () => {
  test('a user group', async ({ page, api }) => {
    const group = await created(api.post<{ id: string; name: string }>(`${IAM}/user_groups`, { name: `E2E double ${tag()}` }));
    const deletes = watchDeletes(page, `/user_groups/${group.id}`);
    await page.goto(accountPath(`/groups/${group.id}`));
    await page.getByRole('button', { name: 'Delete group' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete “${group.name}”?` });
    await dialog.getByLabel(/Type .* to confirm/).fill(group.name);
    await dialog.getByRole('button', { name: 'Delete group' }).dblclick();
    await expect(page).toHaveURL(new RegExp(`/accounts/${ACCOUNT_ID}/groups(\\?|$)`));
    await expectDeletedOnce(page, deletes, `Deleted “${group.name}”`);
    expect((await api.get(`${IAM}/user_groups/${group.id}`)).status).toBe(404);
  });

  test('a resource group', async ({ page, api }) => {
    const name = `E2E double ${tag()}`;
    const group = await created(
      api.post<{ id: string }>(`${IAM}/resource_groups`, { name, scope: { key: `com.cloudflare.api.account.${ACCOUNT_ID}`, objects: [{ key: '*' }] } }),
    );
    const deletes = watchDeletes(page, `/resource_groups/${group.id}`);
    await page.goto(accountPath('/resource-groups'));
    await page.getByRole('button', { name: `Delete ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Delete "${name}"?` });
    await expect(dialog.getByText('No user-group policy uses this group.', { exact: false })).toBeVisible();
    await dialog.getByRole('button', { name: 'Delete resource group' }).dblclick();
    await expectDeletedOnce(page, deletes, `Resource group "${name}" deleted`);
    await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
    expect((await api.get(`${IAM}/resource_groups/${group.id}`)).status).toBe(404);
  });

  test('an SSO connector', async ({ page, api }) => {
    const domain = `double-${tag()}.example.com`;
    const connector = await created(api.post<{ id: string }>(SSO, { email_domain: domain, begin_verification: false }));
    const deletes = watchDeletes(page, `/sso_connectors/${connector.id}`);
    await page.goto(accountPath(`/sso/${connector.id}`));
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Delete the connector for ${domain}?` });
    await dialog.getByRole('textbox').fill(domain);
    await dialog.getByRole('button', { name: 'Delete connector' }).dblclick();
    await expect(page).toHaveURL(new RegExp(`/accounts/${ACCOUNT_ID}/sso$`));
    await expectDeletedOnce(page, deletes, `Connector for ${domain} deleted`);
    expect((await api.get(`${SSO}/${connector.id}`)).status).toBe(404);
  });

  test('an OAuth client', async ({ page, api }) => {
    const client = await created(
      api.post<{ client_id: string; client_name: string }>(CLIENTS, {
        client_name: `E2E double ${tag()}`,
        redirect_uris: ['https://app.example.com/callback'],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        scopes: ['dns.records.read'],
        token_endpoint_auth_method: 'client_secret_basic',
      }),
    );
    const deletes = watchDeletes(page, `/oauth_clients/${client.client_id}`);
    await page.goto(accountPath(`/oauth-clients/${client.client_id}`));
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Delete ${client.client_name}?` });
    await dialog.getByLabel(/Type .* to confirm/).fill(client.client_name);
    await dialog.getByRole('button', { name: 'Delete client' }).dblclick();
    await expect(page).toHaveURL(new RegExp(`/accounts/${ACCOUNT_ID}/oauth-clients$`));
    await expectDeletedOnce(page, deletes, 'OAuth client deleted');
    expect((await api.get(`${CLIENTS}/${client.client_id}`)).status).toBe(404);
  });
});

test.describe('a link to something gone says so inside the shell', () => {
  async function expectShell(page: Page) {
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'User groups' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Account' })).toHaveText('Acme Corp');
    // Asking the API again cannot bring it back.
    await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  }

  test('a deleted user group', async ({ page, api }) => {
    const group = await created(api.post<{ id: string; name: string }>(`${IAM}/user_groups`, { name: `E2E gone ${tag()}` }));
    expect((await api.delete(`${IAM}/user_groups/${group.id}`)).success).toBe(true);

    await page.goto(accountPath(`/groups/${group.id}/policies`));
    await expect(page.getByRole('heading', { level: 1, name: 'User group not found' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('This user group no longer exists (it may have been deleted)');
    await expectShell(page);
    await expectNoA11yViolations(page);
    await page.getByRole('main').getByRole('link', { name: 'Back to user groups' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'User groups' })).toBeVisible();
  });

  test('a malformed group id, a deleted SSO connector and a deleted OAuth client', async ({ page, api }) => {
    await page.goto(accountPath('/groups/not-a-group-id'));
    await expect(page.getByRole('heading', { level: 1, name: 'User group not found' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('“not-a-group-id” is not a user group id');
    await expectShell(page);
    await expectNoA11yViolations(page);

    const connector = await created(api.post<{ id: string }>(SSO, { email_domain: `gone-${tag()}.example.com`, begin_verification: false }));
    expect((await api.delete(`${SSO}/${connector.id}`)).success).toBe(true);
    await page.goto(accountPath(`/sso/${connector.id}/setup`));
    await expect(page.getByRole('heading', { level: 1, name: 'SSO connector not found' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('This SSO connector no longer exists (it may have been deleted)');
    await expectShell(page);
    await expect(page.getByRole('main').getByRole('link', { name: 'Back to SSO' })).toHaveAttribute('href', accountPath('/sso'));

    const client = await created(
      api.post<{ client_id: string }>(CLIENTS, {
        client_name: `E2E gone ${tag()}`,
        redirect_uris: ['https://app.example.com/callback'],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        scopes: ['dns.records.read'],
        token_endpoint_auth_method: 'client_secret_basic',
      }),
    );
    expect((await api.delete(`${CLIENTS}/${client.client_id}`)).success).toBe(true);
    await page.goto(accountPath(`/oauth-clients/${client.client_id}/edit`));
    await expect(page.getByRole('heading', { level: 1, name: 'OAuth client not found' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('This OAuth client no longer exists (it may have been deleted)');
    await expectShell(page);
    await expect(page.getByRole('main').getByRole('link', { name: 'Back to OAuth clients' })).toHaveAttribute('href', accountPath('/oauth-clients'));
  });
});
