import type { Page, TestInfo } from '@playwright/test';
import { accountPath, ACCOUNT_ID, expect, expectNoA11yViolations, test, type SandboxApi } from './support/fixtures.ts';

/**
 * SSO onboarding: a person connects an email domain, publishes the TXT record at their "DNS
 * provider" (the sandbox DNS panel), verifies and enables SSO. The step shown is derived from the
 * connector's server state, so reloads and coming back resume where they left off. Every journey
 * checks what the UI shows and what the API and the sandbox zone now hold, and scans each step
 * with axe. The e2e server runs with SANDBOX_VERIFICATION_DELAY_MS=300.
 */

// Each journey runs up to five axe scans and two verification rounds: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 60_000 });

const SSO = `/accounts/${ACCOUNT_ID}/sso_connectors`;
const OTHER_ACCOUNT = '7c1a4e2b9d0f4c3e8a5b6d7e8f901a2b';

/** A domain no other test (or earlier run against the same database) has used. */
function uniqueDomain(label: string): string {
  return `${label}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}.com`;
}

async function connectorsFor(api: SandboxApi, domain: string) {
  const res = await api.get(SSO);
  expect(res.success, JSON.stringify(res.errors)).toBe(true);
  return (res.result as Array<{ id: string; email_domain: string; enabled: boolean; use_fedramp_language: boolean; verification: { code: string; status: string } }>).filter(
    (c) => c.email_domain === domain,
  );
}

async function only(api: SandboxApi, domain: string) {
  const list = await connectorsFor(api, domain);
  expect(list, `exactly one connector for ${domain}`).toHaveLength(1);
  return list[0]!;
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

const stepTitle = (page: Page) => page.locator('#sso-step-title');
const currentStep = (page: Page) => page.getByRole('list', { name: 'Setup steps' }).locator('[aria-current="step"]');
const sandboxPanel = (page: Page) => page.getByRole('complementary', { name: 'Sandbox DNS provider' });

/** The record as the DNS step shows it: name and value, read from the page like a person would. */
async function recordShown(page: Page) {
  const table = page.getByRole('table', { name: 'DNS record to publish' }).first();
  const cell = (field: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: field, exact: true }) }).locator('code');
  return { type: await cell('Type').innerText(), name: await cell('Name').innerText(), value: await cell('Value').innerText() };
}

/** Publishes a TXT record through the sandbox panel, as a person types it at their DNS provider. */
async function publishInPanel(page: Page, name: string, value: string) {
  const panel = sandboxPanel(page);
  await panel.getByLabel('Record name').fill(name);
  await panel.getByLabel('TXT value').fill(value);
  await panel.getByRole('button', { name: 'Publish TXT record' }).click();
  await expect(panel.getByRole('list', { name: /Sandbox TXT records/ }).getByText(value, { exact: true }).first()).toBeVisible();
}

async function createInWizard(page: Page, domain: string, { fedramp = false } = {}) {
  await page.goto(accountPath('/sso/new'));
  await expect(page.getByRole('heading', { level: 1, name: 'Connect an email domain' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Email domain' }).fill(domain);
  if (fedramp) await page.getByRole('checkbox', { name: 'Show FedRAMP language at SSO login' }).check();
  await page.getByRole('button', { name: 'Create connector' }).click();
  await expect(stepTitle(page)).toHaveText('Publish this TXT record');
}

test('full onboarding: from the domain to SSO enabled, publishing the record in the sandbox panel', { tag: '@workers' }, async ({ page, api, sandboxDns, context }, testInfo) => {
  const domain = uniqueDomain('onboard');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);

  await test.step('start from the SSO list', async () => {
    await page.goto(accountPath('/sso'));
    await page.getByRole('link', { name: 'Connect a domain' }).click();
    await expect(page).toHaveURL(/\/sso\/new$/);
    await expect(currentStep(page)).toContainText('Email domain');
    await expect(page.getByText('Keep a way back in')).toBeVisible();
    await expect(page.getByText(/A domain can be connected to only one Cloudflare account/)).toBeVisible();
  });

  await test.step('domain step: typed in upper case, saved in lower case, FedRAMP chosen', async () => {
    const input = page.getByRole('textbox', { name: 'Email domain' });
    await input.fill(domain.toUpperCase());
    await expect(page.getByText(`Will be saved as ${domain}.`)).toBeVisible();
    await page.getByRole('checkbox', { name: 'Show FedRAMP language at SSO login' }).check();
    await shot(page, testInfo, '1-domain');
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: 'Create connector' }).click();
  });

  const connector = await test.step('DNS step shows the exact record; nothing is verifying yet', async () => {
    await expect(page).toHaveURL(/\/sso\/[0-9a-f]{32}\/setup$/);
    await expect(stepTitle(page)).toHaveText('Publish this TXT record');
    await expect(currentStep(page)).toContainText('DNS record');
    const c = await only(api, domain);
    expect(c).toMatchObject({ enabled: false, use_fedramp_language: true, verification: { status: 'awaiting' } });
    expect(await recordShown(page)).toEqual({ type: 'TXT', name: domain, value: c.verification.code });
    await expect(page.getByText(`Do not type ${domain} into a “host” or “name” field`)).toBeVisible();
    await shot(page, testInfo, '2-dns');
    await expectNoA11yViolations(page);
    return c;
  });

  await test.step('pre-check before publishing: not yet', async () => {
    await page.getByRole('button', { name: 'Check DNS now' }).click();
    await expect(page.getByText(`Not yet. Here is what I see at ${domain}:`)).toBeVisible();
    await expect(page.getByText('No TXT records at all (in the sandbox DNS zone).')).toBeVisible();
  });

  await test.step('copy the value and publish it in the sandbox panel', async () => {
    await page.getByRole('button', { name: 'Copy record value' }).click();
    await expect(page.getByRole('button', { name: 'Copy record value' })).toHaveText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(connector.verification.code);
    await publishInPanel(page, domain, copied);
    expect((await sandboxDns.list(domain)).map((r) => r.content)).toEqual([connector.verification.code]);
    // Publishing refreshes the pre-check: the record is now seen.
    await expect(page.getByText('I can see your record.')).toBeVisible();
    await shot(page, testInfo, '3-dns-published');
    await expectNoA11yViolations(page);
  });

  await test.step('verify: begins verification and follows the status until verified', async () => {
    await page.getByRole('button', { name: 'Start verification' }).click();
    await expect(stepTitle(page)).toHaveText(`Enable SSO for ${domain}`, { timeout: 10_000 });
    await expect(currentStep(page)).toContainText('Enable SSO');
    expect((await only(api, domain)).verification.status).toBe('verified');
    await expect(stepTitle(page), 'focus follows the step that appeared').toBeFocused();
  });

  await test.step('enable: needs the explicit fallback confirmation', async () => {
    const enable = page.getByRole('button', { name: 'Enable SSO' });
    await expect(enable).toBeDisabled();
    await shot(page, testInfo, '4-enable');
    await expectNoA11yViolations(page);
    await page.getByRole('checkbox', { name: /I keep a way in that does not depend on SSO/ }).check();
    // Every seeded super administrator signs in at acme.com, whose SSO is on: no way in without SSO.
    await expect(enable).toBeDisabled();
    await page.getByRole('checkbox', { name: /Enable anyway/ }).check();
    await enable.click();
    await expect(stepTitle(page)).toHaveText(`SSO is on for ${domain}`);
    expect(await only(api, domain)).toMatchObject({ enabled: true, use_fedramp_language: true, verification: { status: 'verified' } });
  });

  await test.step('summary, then the list shows the finished connector', async () => {
    const summary = page.locator('dl.sso-summary');
    await expect(summary).toContainText(domain);
    await expect(summary).toContainText('Shown at login');
    await shot(page, testInfo, '5-summary');
    await expectNoA11yViolations(page);
    await page.getByRole('link', { name: 'Back to SSO list' }).click();
    const row = page.getByRole('row').filter({ hasText: domain });
    await expect(row).toContainText('Verified');
    await expect(row).toContainText('SSO enabled');
    await expect(row).toContainText('Complete');
  });
});

test('a wrong TXT value fails verification; fixing the record and retrying verifies', async ({ page, api, sandboxDns }, testInfo) => {
  const domain = uniqueDomain('wrong-txt');
  await createInWizard(page, domain);
  const { value } = await recordShown(page);
  const wrong = value.slice(0, -6) + '000000';

  await test.step('a mistyped value is caught by the pre-check before verifying', async () => {
    await publishInPanel(page, domain, wrong);
    await page.getByRole('button', { name: 'Start verification' }).click();
    await expect(page.getByText(`A different verification value is published at ${domain}.`)).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: `Verification would fail: ${domain} has a different verification value.` })).toBeVisible();
    expect((await only(api, domain)).verification.status, 'the pre-check did not start verification').toBe('awaiting');
  });

  await test.step('starting anyway fails, with the likely causes', async () => {
    await page.getByRole('button', { name: 'Start verification anyway' }).click();
    await expect(stepTitle(page)).toHaveText('Verification failed', { timeout: 10_000 });
    await expect(currentStep(page)).toContainText('Verify');
    await expect(page.getByText(`Cloudflare did not find the right TXT record at ${domain}.`)).toBeVisible();
    await expect(page.getByText(/The record has a different value/)).toBeVisible();
    // What DNS shows now is looked at straight away and names the wrong value.
    await expect(page.locator('.sso-precheck-result').getByText(wrong, { exact: true })).toBeVisible();
    expect((await only(api, domain)).verification.status).toBe('failed');
    await shot(page, testInfo, '1-failed');
    await expectNoA11yViolations(page);
  });

  await test.step('fix: delete the wrong record, publish the right one, re-check', async () => {
    await sandboxPanel(page).getByRole('button', { name: `Delete TXT record ${wrong} at ${domain}` }).click();
    await expect(sandboxPanel(page).getByText(wrong, { exact: true })).toHaveCount(0);
    await publishInPanel(page, domain, value);
    await page.getByRole('button', { name: 'Re-check DNS' }).click();
    await expect(page.getByText('I can see your record.')).toBeVisible();
    expect((await sandboxDns.list(domain)).map((r) => r.content)).toEqual([value]);
    await shot(page, testInfo, '2-fixed');
    await expectNoA11yViolations(page);
  });

  await test.step('retry verifies the domain', async () => {
    await page.getByRole('button', { name: 'Retry verification' }).click();
    await expect(stepTitle(page)).toHaveText(`Enable SSO for ${domain}`, { timeout: 10_000 });
    expect(await only(api, domain)).toMatchObject({ enabled: false, verification: { status: 'verified' } });
  });
});

test('leaving mid-way and coming back resumes at the step the connector is in', async ({ page, api, sandboxDns }, testInfo) => {
  const domain = uniqueDomain('resume');
  await createInWizard(page, domain);
  const setupUrl = page.url();
  const { value } = await recordShown(page);

  await test.step('back from the DNS step leaves the wizard; the domain step is not offered again', async () => {
    await page.goBack();
    await expect(page).not.toHaveURL(/\/sso\/new$/);
    await page.goForward();
    await expect(page).toHaveURL(setupUrl);
    await expect(stepTitle(page)).toHaveText('Publish this TXT record');
  });

  await test.step('reload on the DNS step stays there', async () => {
    await page.reload();
    await expect(stepTitle(page)).toHaveText('Publish this TXT record');
    await expect(currentStep(page)).toContainText('DNS record');
  });

  await test.step('verification on a missing record is explained in the DNS step', async () => {
    await page.getByRole('button', { name: 'Start verification' }).click();
    await expect(page.getByRole('alert').filter({ hasText: `Verification would not find the record at ${domain} yet.` })).toBeVisible();
    await expect(page.getByText(`Not yet. Here is what I see at ${domain}:`)).toBeVisible();
    expect((await only(api, domain)).verification.status).toBe('awaiting');
    await page.getByRole('button', { name: 'Start verification anyway' }).click();
    await expect(stepTitle(page)).toHaveText(`Verifying ${domain}`);
    expect((await only(api, domain)).verification.status).toBe('pending');
  });

  await test.step('reload while pending: still verifying, with the deadline shown', async () => {
    await page.reload();
    await expect(stepTitle(page)).toHaveText(`Verifying ${domain}`);
    await expect(currentStep(page)).toContainText('Verify');
    await expect(page.getByText(/Cloudflare stops checking at .+ \(48 hours after verification started\)/)).toBeVisible();
    await page.getByText('The record being checked').click();
    await page.getByRole('button', { name: 'Check DNS now' }).click();
    await expect(page.getByText(`Not yet. Here is what I see at ${domain}:`)).toBeVisible();
    await shot(page, testInfo, '1-pending');
    await expectNoA11yViolations(page);
  });

  await test.step('leave for the list; it says where setup stopped and leads back', async () => {
    await page.getByRole('link', { name: 'Back to SSO list' }).click();
    const row = page.getByRole('row').filter({ hasText: domain });
    await expect(row).toContainText('Pending');
    await row.getByRole('link', { name: `Check verification for ${domain}` }).click();
    await expect(page).toHaveURL(setupUrl);
    await expect(stepTitle(page)).toHaveText(`Verifying ${domain}`);
  });

  await test.step('the record appears while away; the page moves on by itself', async () => {
    await sandboxDns.publishTxt(domain, value);
    // The admin asks for a check; the page's own polling may get there first, and then the
    // button is gone. Either way the wizard must move on without a reload.
    await page
      .getByRole('button', { name: 'Check status now' })
      .click({ timeout: 2_000 })
      .catch(() => undefined);
    await expect(stepTitle(page)).toHaveText(`Enable SSO for ${domain}`, { timeout: 10_000 });
  });

  await test.step('coming back later (a fresh page) lands on the enable step', async () => {
    const later = await page.context().newPage();
    await later.goto(accountPath('/sso'));
    await later.getByRole('row').filter({ hasText: domain }).getByRole('link', { name: `Enable SSO for ${domain}` }).click();
    await expect(stepTitle(later)).toHaveText(`Enable SSO for ${domain}`);
    await expect(currentStep(later)).toContainText('Enable SSO');
    await later.close();
    expect(await only(api, domain)).toMatchObject({ enabled: false, verification: { status: 'verified' } });
  });
});

test('a double click on create makes one connector, and a retry after a lost answer does not make a second', async ({ page, api }) => {
  await test.step('double click', async () => {
    const domain = uniqueDomain('dblclick');
    await page.goto(accountPath('/sso/new'));
    await page.getByRole('textbox', { name: 'Email domain' }).fill(domain);
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/sso_connectors')) posts++;
    });
    await page.getByRole('button', { name: 'Create connector' }).dblclick();
    await expect(stepTitle(page)).toHaveText('Publish this TXT record');
    await only(api, domain);
    expect(posts, 'one create request').toBe(1);
  });

  await test.step('the answer is lost on the way back: the console asks what became of it, finds it saved and goes on, with one connector', async () => {
    const domain = uniqueDomain('lost-answer');
    await page.goto(accountPath('/sso/new'));
    // The request reaches the server (the connector is created) but the browser sees a network error.
    await page.route('**/client/v4/accounts/*/sso_connectors', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      await route.fetch();
      await route.abort('connectionreset');
    });
    const input = page.getByRole('textbox', { name: 'Email domain' });
    await input.fill(domain);
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/sso_connectors')) posts++;
    });
    await page.getByRole('button', { name: 'Create connector' }).click();
    await expect(stepTitle(page)).toHaveText('Publish this TXT record');
    await page.unroute('**/client/v4/accounts/*/sso_connectors');
    await only(api, domain);
    expect(posts, 'the write was not resent').toBe(1);
  });
});

test('bad input is explained in the domain step, with the input kept', async ({ page, api }, testInfo) => {
  const input = page.getByRole('textbox', { name: 'Email domain' });
  await page.goto(accountPath('/sso/new'));

  await test.step('a URL: says what is wrong and offers the domain (internationalised → punycode)', async () => {
    await input.fill('https://Bücher-Shop.example/login');
    await expect(page.getByText('Enter the domain only, without https:// or a path.')).toBeVisible();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Use bücher-shop.example' }).click();
    await expect(input).toHaveValue('bücher-shop.example');
    await expect(page.getByText('Internationalised name: DNS and Cloudflare use xn--bcher-shop-9db.example.')).toBeVisible();
  });

  await test.step('a public email provider is refused before anything is sent', async () => {
    await input.fill('gmail.com');
    await expect(page.getByText(/gmail\.com is a public email provider/)).toBeVisible();
    await page.getByRole('button', { name: 'Create connector' }).click();
    await expect(input).toBeFocused();
    expect(await connectorsFor(api, 'gmail.com')).toHaveLength(0);
    await shot(page, testInfo, '1-public-provider');
    await expectNoA11yViolations(page);
  });

  await test.step('a domain connected in another account: the server’s refusal lands on the field', async () => {
    const taken = uniqueDomain('taken');
    const created = await api.post(`/accounts/${OTHER_ACCOUNT}/sso_connectors`, { email_domain: taken });
    expect(created.success, JSON.stringify(created.errors)).toBe(true);
    await input.fill(taken);
    await page.getByRole('button', { name: 'Create connector' }).click();
    await expect(page.getByText(new RegExp(`${taken.replace(/\./g, '\\.')} is already connected`))).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: `What to do: if ${taken} is connected in another account you manage` })).toBeVisible();
    await expect(input).toHaveValue(taken);
    await expect(page).toHaveURL(/\/sso\/new$/);
    expect(await connectorsFor(api, taken)).toHaveLength(0);
    await shot(page, testInfo, '2-taken');
    await expectNoA11yViolations(page);
    await api.delete(`/accounts/${OTHER_ACCOUNT}/sso_connectors/${created.result.id}`);
  });

  await test.step('a domain already connected in this account leads to its setup', async () => {
    const mine = uniqueDomain('mine');
    const created = await api.post(SSO, { email_domain: mine, begin_verification: false });
    expect(created.success).toBe(true);
    await page.reload();
    await input.fill(mine);
    await expect(page.getByText(`${mine} already has a connector in this account.`)).toBeVisible();
    await page.getByRole('link', { name: 'Continue its setup' }).click();
    await expect(page).toHaveURL(new RegExp(`/sso/${created.result.id}/setup$`));
    await expect(stepTitle(page)).toHaveText('Publish this TXT record');
  });
});

test('connector detail: every field, FedRAMP toggle, enable/disable with confirmation, delete by typing the domain', async ({ page, api, sandboxDns }, testInfo) => {
  const domain = uniqueDomain('detail');
  const created = await api.post(SSO, { email_domain: domain, begin_verification: false });
  expect(created.success).toBe(true);
  const { id, verification } = created.result as { id: string; verification: { code: string } };
  await sandboxDns.publishTxt(domain, verification.code);
  await api.post(`${SSO}/${id}/begin_verification`);
  await expect.poll(async () => (await api.get(`${SSO}/${id}`)).result.verification.status, { timeout: 5_000 }).toBe('verified');

  await page.goto(accountPath(`/sso/${id}`));
  await expect(page.getByRole('heading', { level: 1, name: domain })).toBeVisible();
  const fields = page.locator('dl.details');
  await expect(fields).toContainText(id);
  await expect(fields).toContainText(verification.code);
  await expect(fields).toContainText('Verified');
  await shot(page, testInfo, '1-detail');
  await expectNoA11yViolations(page);

  await test.step('FedRAMP language is saved as it is toggled', async () => {
    await page.getByRole('checkbox', { name: 'Show FedRAMP language at SSO login' }).check();
    await expect(page.getByText('FedRAMP language turned on').first()).toBeVisible();
    expect((await api.get(`${SSO}/${id}`)).result.use_fedramp_language).toBe(true);
  });

  await test.step('enable asks for the fallback confirmation and explains the lockout risk', async () => {
    await page.getByRole('button', { name: 'Enable SSO' }).click();
    const dialog = page.getByRole('dialog', { name: `Enable SSO for ${domain}?` });
    await expect(dialog.getByText('Keep a way back in')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Enable SSO' })).toBeDisabled();
    await shot(page, testInfo, '2-enable-dialog');
    await expectNoA11yViolations(page);
    await dialog.getByRole('checkbox', { name: /I keep a way in that does not depend on SSO/ }).check();
    await dialog.getByRole('checkbox', { name: /Enable anyway/ }).check();
    await dialog.getByRole('button', { name: 'Enable SSO' }).click();
    await expect(dialog).toBeHidden();
    expect((await api.get(`${SSO}/${id}`)).result.enabled).toBe(true);
  });

  await test.step('disable explains the effect', async () => {
    await page.getByRole('button', { name: 'Disable SSO' }).click();
    const dialog = page.getByRole('dialog', { name: `Disable SSO for ${domain}?` });
    await expect(dialog.getByText(/stop signing in through your identity provider/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Disable SSO' }).click();
    await expect(dialog).toBeHidden();
    expect((await api.get(`${SSO}/${id}`)).result.enabled).toBe(false);
  });

  await test.step('delete needs the domain typed', async () => {
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete the connector for ${domain}?` });
    const confirm = dialog.getByRole('button', { name: 'Delete connector' });
    await expect(confirm).toBeDisabled();
    await dialog.getByRole('textbox').fill(domain.slice(0, -1));
    await expect(confirm).toBeDisabled();
    await dialog.getByRole('textbox').fill(domain);
    await confirm.click();
    await expect(page).toHaveURL(/\/sso$/);
    await expect(page.getByRole('row').filter({ hasText: domain })).toHaveCount(0);
    expect((await api.get(`${SSO}/${id}`)).status).toBe(404);
  });
});
