import { domainToASCII } from 'node:url';
import type { Page } from '@playwright/test';
import { accountPath, ACCOUNT_ID, expect, expectNoA11yViolations, test, type SandboxApi, type SandboxDns } from './support/fixtures.ts';
import { CLIENTS, createClientViaApi } from './support/oauth-clients.ts';

/**
 * Issue 30's rough edges in SSO setup and the OAuth forms (items 1, 2, 4–10), each as an admin
 * meets it, checked in the UI and, where the API holds the outcome, in the API. Item 3 (a refused
 * live-mode token) needs its own console: live-mode-refused-token.spec.ts.
 */

test.describe.configure({ timeout: 60_000 });

const SSO = `/accounts/${ACCOUNT_ID}/sso_connectors`;
const rand = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

interface Connector {
  id: string;
  email_domain: string;
  enabled: boolean;
  updated_on: string;
  verification: { code: string; status: string };
}

async function createConnector(api: SandboxApi, domain: string): Promise<Connector> {
  const res = await api.post<Connector>(SSO, { email_domain: domain, begin_verification: false });
  expect(res.success, JSON.stringify(res.errors)).toBe(true);
  return res.result;
}

/** A verified (not enabled) connector, as an admin has it after publishing the record. */
async function verifiedConnector(api: SandboxApi, sandboxDns: SandboxDns, domain: string): Promise<Connector> {
  const connector = await createConnector(api, domain);
  await sandboxDns.publishTxt(domain, connector.verification.code);
  expect((await api.post(`${SSO}/${connector.id}/begin_verification`)).success).toBe(true);
  await expect.poll(async () => (await api.get<Connector>(`${SSO}/${connector.id}`)).result.verification.status).toBe('verified');
  return connector;
}

const stepTitle = (page: Page) => page.locator('#sso-step-title');

/** No page scrolls sideways: the document is no wider than the window. */
async function expectNoSidewaysScroll(page: Page) {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test('(1) an admin whose own email domain already has SSO enabled is not a way back in', async ({ page, api, sandboxDns }) => {
  const acme = (await api.get<Connector[]>(SSO)).result.find((c) => c.email_domain === 'acme.com')!;
  expect(acme.enabled, 'the seed has SSO on for acme.com').toBe(true);
  const domain = `eu-${rand()}.example.com`;
  const connector = await verifiedConnector(api, sandboxDns, domain);

  await page.goto(accountPath(`/sso/${connector.id}`));
  await page.getByRole('button', { name: 'Enable SSO' }).click();
  const dialog = page.getByRole('dialog', { name: `Enable SSO for ${domain}?` });
  // Every seeded super administrator signs in at acme.com, which goes through SSO already.
  const refusal = dialog.getByRole('alert').filter({ hasText: `No super administrator can sign in without SSO for ${domain}.` });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('jordan.alvarez@acme.com');
  await expect(refusal).toContainText('SSO for acme.com');
  await expect(dialog.getByRole('list', { name: `Super administrators outside ${domain}` })).toHaveCount(0);
  await expectNoA11yViolations(page);
  await dialog.getByRole('checkbox', { name: /I have tested a login/ }).check();
  await expect(dialog.getByRole('button', { name: 'Enable SSO' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect((await api.get<Connector>(`${SSO}/${connector.id}`)).result.enabled).toBe(false);
});

test('(2) "keeps checking until" is when verification started plus 48 hours; FedRAMP toggles do not move it', async ({ page, api, request }) => {
  const domain = `deadline-${rand()}.example.com`;
  const connector = await createConnector(api, domain);
  await page.goto(accountPath(`/sso/${connector.id}/setup`));
  await expect(stepTitle(page)).toHaveText('Publish this TXT record');
  await page.getByRole('button', { name: 'Start verification', exact: true }).click();
  await page.getByRole('button', { name: 'Start verification anyway' }).click();
  await expect(stepTitle(page)).toHaveText(`Verifying ${domain}`);

  // When it started, as History holds it (the console's own write).
  const history = await request.get('/console-api/history', {
    params: { account_id: ACCOUNT_ID, resource_type: 'sso_connector', resource_id: connector.id, action: 'begin_verification' },
  });
  const started = ((await history.json()) as { entries: Array<{ at: string }> }).entries[0]!.at;
  const deadline = new Date(Date.parse(started) + 48 * 3600_000).toISOString();

  await page.goto(accountPath(`/sso/${connector.id}`));
  const fedramp = page.getByRole('checkbox', { name: 'Show FedRAMP language at SSO login' });
  for (const next of [true, false]) {
    const before = (await api.get<Connector>(`${SSO}/${connector.id}`)).result.updated_on;
    await fedramp.setChecked(next);
    await expect(fedramp).toBeEnabled();
    await expect.poll(async () => (await api.get<Connector>(`${SSO}/${connector.id}`)).result.updated_on).not.toBe(before);
  }
  const until = page.getByText(/Cloudflare keeps checking until/).locator('time');
  await expect(until).toHaveAttribute('datetime', deadline);
  // The update time moved with the toggles; the deadline did not.
  expect((await api.get<Connector>(`${SSO}/${connector.id}`)).result.updated_on > started).toBe(true);
});

test('(4) a 203-character domain and a 100-character client name never make a page scroll sideways', async ({ page, api }) => {
  const r = rand();
  const domain = [`a${r}`.padEnd(63, 'a'), 'b'.repeat(63), 'c'.repeat(63), 'example.com'].join('.');
  expect(domain).toHaveLength(203);
  const connector = await createConnector(api, domain);
  const name = `N${r}`.padEnd(100, 'x');
  const client = await createClientViaApi(api, { client_name: name });

  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(accountPath(`/sso/${connector.id}/setup`));
    await expect(stepTitle(page)).toHaveText(/Publish this TXT record/);
    await expectNoSidewaysScroll(page);
    await page.goto(accountPath(`/sso/${connector.id}`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(domain.slice(0, 40));
    await expectNoSidewaysScroll(page);

    await page.goto(accountPath(`/oauth-clients/${client.client_id}`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name.slice(0, 40));
    await expectNoSidewaysScroll(page);
    for (const action of [page.getByRole('link', { name: 'Edit', exact: true }), page.getByRole('button', { name: 'Delete', exact: true })]) {
      const box = (await action.boundingBox())!;
      expect(box.x + box.width, `${width} px: the action is on screen`).toBeLessThanOrEqual(width);
    }
  }
});

test('(5) redirect URIs stop at the API’s 20, with errors beside the row as it is typed', async ({ page, api }) => {
  await page.goto(accountPath('/oauth-clients/new'));
  const name = `Twenty redirects ${rand()}`;
  await page.getByLabel('Client name', { exact: true }).fill(name);
  const add = page.getByRole('button', { name: 'Add redirect URI' });
  for (let i = 1; i < 20; i++) await add.click();
  await expect(page.getByRole('textbox', { name: /^Redirect URI \d+$/ })).toHaveCount(20);
  // The twentieth row is the last the API takes: the button says so instead of adding a 21st.
  await expect(add).toBeDisabled();
  await expect(page.getByRole('group', { name: 'Redirect URIs', exact: true })).toContainText('At most 20 redirect URIs');
  await expectNoA11yViolations(page);

  // A bad value is flagged beside its row as it is typed (once typing pauses), before any submit...
  const third = page.getByRole('textbox', { name: 'Redirect URI 3' });
  await third.fill('http://app.example.com/cb');
  await third.press('Tab');
  await expect(third).toHaveAttribute('aria-invalid', 'true');
  await expect(third).toHaveAccessibleDescription(/https/);
  await expect(page.getByRole('alert').filter({ hasText: 'see below' })).toHaveCount(0);
  // ...and clears as soon as it is fixed.
  await third.fill('https://app.example.com/cb/3');
  await expect(third).toHaveAttribute('aria-invalid', 'false');

  for (let i = 1; i <= 20; i++) await page.getByRole('textbox', { name: `Redirect URI ${i}`, exact: true }).fill(`https://app.example.com/cb/${i}`);
  await page.getByRole('button', { name: 'Create client' }).click();
  const dialog = page.getByRole('dialog', { name: `Client secret for ${name}` });
  await expect(dialog).toBeVisible();
  const created = (await api.get<Array<{ client_name: string; redirect_uris: string[] }>>(CLIENTS)).result.find((c) => c.client_name === name)!;
  expect(created.redirect_uris).toHaveLength(20);
});

test('(6) the sandbox DNS panel names a subdomain’s host, not "@", when the zone was typed twice', async ({ page, api }) => {
  const label = `eu-${rand()}`;
  const domain = `${label}.acme.com`;
  const connector = await createConnector(api, domain);
  await page.goto(accountPath(`/sso/${connector.id}/setup`));
  const panel = page.getByRole('complementary', { name: 'Sandbox DNS provider' });
  // The full name typed into a host field that appends the zone: the record lands at name.zone.
  await panel.getByLabel('Record name').fill(`${domain}.acme.com`);
  await panel.getByLabel('TXT value').fill(connector.verification.code);
  await panel.getByRole('button', { name: 'Publish TXT record' }).click();
  const warning = panel.getByRole('alert');
  await expect(warning).toContainText(`Publish the record at ${domain}`);
  await expect(warning).toContainText(`enter "${label}"`);
  await expect(warning).not.toContainText('"@"');
  const records = await page.request.get('/__sandbox/dns/records', { params: { name: `${domain}.acme.com` } });
  const [record] = ((await records.json()) as { records: Array<{ id: string; warning?: string }> }).records;
  expect(record!.warning).toContain(`enter "${label}"`);
  await page.request.delete(`/__sandbox/dns/records/${record!.id}`);
});

test('(7) an IDN domain reads in Unicode on the Enable step, its xn-- form only as a hint', async ({ page, api, sandboxDns }) => {
  const unicode = `bücher-${rand()}.example`;
  const ascii = domainToASCII(unicode);
  expect(ascii).toMatch(/^xn--/);
  const connector = await verifiedConnector(api, sandboxDns, ascii);
  await page.goto(accountPath(`/sso/${connector.id}/setup`));
  await expect(stepTitle(page)).toContainText(`Enable SSO for ${unicode}`);
  const step = page.getByRole('region', { name: /^Enable SSO for/ });
  await expect(step.getByText(`${unicode} is verified.`)).toBeVisible();
  await expect(step.getByRole('heading', { name: `Super administrators outside ${unicode}` })).toBeVisible();
  await expect(step.getByRole('checkbox', { name: /I have tested a login/ })).toHaveAccessibleName(new RegExp(unicode.replace('.', '\\.')));
  // The ASCII form appears only as the hint in parentheses beside the Unicode one.
  const text = await step.innerText();
  expect(text).toContain(`(${ascii})`);
  expect(text.replaceAll(`(${ascii})`, '')).not.toContain(ascii);
  await expectNoA11yViolations(page);
});

test('(8) leaving the Edit form asks about the changes to that client, not an unsaved new one', async ({ page, api }) => {
  const client = await createClientViaApi(api);
  await page.goto(accountPath(`/oauth-clients/${client.client_id}/edit`));
  await page.getByLabel('Client name', { exact: true }).fill(`${client.client_name} renamed`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'OAuth clients' }).click();
  const guard = page.getByRole('dialog', { name: 'Leave with unsaved changes?' });
  await expect(guard).toContainText(`Your changes to ${client.client_name} are not saved`);
  await expect(guard).not.toContainText('not saved yet');
  await guard.getByRole('button', { name: 'Stay' }).click();
  await expect(page).toHaveURL(/\/edit$/);
  expect((await api.get<{ client_name: string }>(`${CLIENTS}/${client.client_id}`)).result.client_name).toBe(client.client_name);
});

test('(9) creating a connector never flashes "already has a connector"', async ({ page, api }) => {
  const domain = `flash-${rand()}.example.com`;
  await page.goto(accountPath('/sso/new'));
  await page.getByRole('textbox', { name: 'Email domain' }).fill(domain);
  // Records every text the page ever shows between the click and the next step.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    new MutationObserver(() => {
      if (document.body.textContent?.includes('already has a connector')) seen.push(document.body.textContent.slice(0, 200));
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Create connector' }).click();
  await expect(stepTitle(page)).toHaveText('Publish this TXT record');
  expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([]);
  expect((await api.get<Connector[]>(SSO)).result.filter((c) => c.email_domain === domain)).toHaveLength(1);
});

test('(10) focus stays on "Check DNS" after the check, with the result announced', async ({ page, api }) => {
  const domain = `focus-${rand()}.example.com`;
  const connector = await createConnector(api, domain);
  await page.goto(accountPath(`/sso/${connector.id}/setup`));
  const check = page.getByRole('button', { name: 'Check DNS now' });
  await check.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Checked at' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Check DNS again' })).toBeFocused();
  // Enter again checks again: the focus never left for the page body.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Check DNS again' })).toBeFocused();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
  await expectNoA11yViolations(page);
});
