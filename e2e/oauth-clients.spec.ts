import type { Page, TestInfo } from '@playwright/test';
import { accountPath, expect, expectNoA11yViolations, test } from './support/fixtures.ts';
import { CLIENTS, createClientViaApi, uniqueName } from './support/oauth-clients.ts';

/**
 * OAuth client journeys: create with scopes and see the secret once; rotate to revoke; resume a
 * rotation after a reload; promote through the going-public checklist; delete; bad input.
 *
 * Secrets: after each secret dialog closes, the secret must be nowhere the page can still reach —
 * the DOM, the URL and history state, local/session storage, IndexedDB, the react-query cache,
 * any response the page received afterwards, the console. The query cache is read without any
 * test hook in the app: from the React fiber tree, the QueryClientProvider's `client` prop.
 */


async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

/** Everything the page's JavaScript could still read, as one string. */
async function pageReachableState(page: Page) {
  return page.evaluate(async () => {
    const idb: Record<string, unknown> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        idb[`${name}/${store}`] = await new Promise((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      }
      db.close();
    }
    return JSON.stringify({
      url: location.href,
      history: history.state,
      local: { ...localStorage },
      session: { ...sessionStorage },
      idb,
    });
  });
}

/**
 * The react-query cache (queries and mutations: data, variables, errors), found through React's
 * fiber tree from #root — the QueryClientProvider holds the client in its props. No app change.
 */
async function queryCacheDump(page: Page): Promise<string> {
  return page.evaluate(() => {
    const container = document.getElementById('root') as unknown as Record<string, unknown>;
    const key = Object.keys(container).find((k) => k.startsWith('__reactContainer$'));
    if (!key) throw new Error('React root not found on #root');
    type Fiber = { child: Fiber | null; sibling: Fiber | null; memoizedProps?: { client?: any } };
    const stack: Fiber[] = [container[key] as Fiber];
    let client: any = null;
    while (stack.length && !client) {
      const fiber = stack.pop()!;
      if (fiber.memoizedProps?.client?.getQueryCache) client = fiber.memoizedProps.client;
      if (fiber.sibling) stack.push(fiber.sibling);
      if (fiber.child) stack.push(fiber.child);
    }
    if (!client) throw new Error('QueryClientProvider not found in the fiber tree');
    const queries = client.getQueryCache().getAll().map((q: any) => ({ key: q.queryKey, data: q.state.data, error: String(q.state.error) }));
    const mutations = client
      .getMutationCache()
      .getAll()
      .map((m: any) => ({ data: m.state.data, variables: m.state.variables, error: String(m.state.error) }));
    return JSON.stringify({ queries, mutations });
  });
}

/** Records what the page receives and logs, so a test can check where a secret went. */
function watchPage(page: Page) {
  const consoleLines: string[] = [];
  const bodies: Array<Promise<string>> = [];
  let recording = false;
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('response', (r) => {
    if (recording) bodies.push(r.text().catch(() => ''));
  });
  return {
    consoleLines,
    /** From now on, keep every response body. */
    startRecording: () => {
      recording = true;
    },
    bodies: () => Promise.all(bodies),
  };
}

/** Fails without printing the secret itself. */
function expectAbsent(haystack: string, secret: string, where: string) {
  expect(haystack.includes(secret), `the secret must not be in ${where}`).toBe(false);
}

async function expectSecretGone(page: Page, secret: string, clientId: string, watch: ReturnType<typeof watchPage>) {
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expectAbsent(await page.content(), secret, 'the DOM');
  expectAbsent(page.url(), secret, 'the URL');
  expectAbsent(await pageReachableState(page), secret, 'the URL, history state, local/session storage or IndexedDB');
  const cache = await queryCacheDump(page);
  // The probe sees the cache (else "absent" would prove nothing).
  expect(cache, 'the cache probe reads the query cache').toContain(clientId);
  expectAbsent(cache, secret, 'the react-query cache');
  const bodies = await watch.bodies();
  bodies.forEach((body, i) => expectAbsent(body, secret, `response #${i} received after the dialog closed`));
  expectAbsent(watch.consoleLines.join('\n'), secret, 'the console');
}

test.describe('OAuth clients', () => {
  test('create a client with scopes and see the secret once', { tag: '@workers' }, async ({ page, api, context }, testInfo) => {
    const watch = watchPage(page);
    const name = uniqueName('Deploy dashboard');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);

    await page.goto(accountPath('/oauth-clients'));
    await expect(page.getByRole('heading', { level: 1, name: 'OAuth clients' })).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole('link', { name: 'New OAuth client' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New OAuth client' })).toBeVisible();
    await expectNoA11yViolations(page);

    await page.getByLabel('Client name', { exact: true }).fill(name);
    await page.getByLabel('Client URI (home page)').fill('https://dashboard.example.com');
    await page.getByRole('textbox', { name: 'Redirect URI 1' }).fill('https://dashboard.example.com/oauth/callback');
    await page.getByRole('button', { name: 'Add redirect URI' }).click();
    await expect(page.getByRole('textbox', { name: 'Redirect URI 2' })).toBeFocused();
    await page.getByRole('textbox', { name: 'Redirect URI 2' }).fill('http://localhost:8080/callback');
    await page.getByRole('button', { name: 'Add origin' }).click();
    await page.getByRole('textbox', { name: 'Origin 1' }).fill('https://dashboard.example.com');
    await page.getByRole('checkbox', { name: /Refresh token/ }).check();
    await expect(page.getByRole('checkbox', { name: /Authorization code/ })).toBeDisabled();
    await expect(page.getByRole('checkbox', { name: /offline_access/ }), 'offline_access follows refresh tokens').toBeChecked();

    // Scopes: searchable, grouped, names and ids.
    await page.getByLabel('Search scopes').fill('dns');
    await expect(page.getByRole('group', { name: /^DNS/ })).toBeVisible();
    await expect(page.getByRole('group', { name: /^Workers/ })).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Read DNS records dns.records.read' }).check();
    await page.getByRole('checkbox', { name: 'Edit DNS records dns.records.write' }).check();
    await page.getByLabel('Search scopes').fill('zone');
    await page.getByRole('checkbox', { name: 'Read zones zone.read' }).check();
    await page.getByLabel('Search scopes').fill('');
    const selected = page.getByRole('region', { name: /Selected scopes/ });
    await expect(selected.getByRole('listitem')).toHaveCount(3);
    await selected.getByRole('checkbox', { name: 'Make dns.records.write optional' }).check();
    await screenshot(page, testInfo, 'create-form');

    let creates = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === `/client/v4${CLIENTS}`) creates++;
    });
    await page.getByRole('button', { name: 'Create client' }).click();

    const dialog = page.getByRole('dialog', { name: `Client secret for ${name}` });
    await expect(dialog).toBeVisible();
    const secretBox = dialog.getByRole('textbox', { name: 'Client secret', exact: true });
    const secret = await secretBox.inputValue();
    expect(secret.length, 'a real secret is shown').toBeGreaterThanOrEqual(32);
    // Positive control: while shown, the DOM check does find it; the cache never holds it, even now.
    expect((await page.content()).includes(secret)).toBe(true);
    const clientId = (await dialog.locator('dd.mono').first().textContent())!.trim();
    expect(clientId).toMatch(/^[0-9a-f]{32}$/);
    expectAbsent(await queryCacheDump(page), secret, 'the react-query cache while the dialog is open');
    await screenshot(page, testInfo, 'create-secret-dialog');
    await expectNoA11yViolations(page);

    await dialog.getByRole('button', { name: 'Copy client secret' }).click();
    await expect(dialog.getByRole('button', { name: 'Copy client secret' })).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText()) === secret, 'the copy button copies the secret').toBe(true);
    await page.evaluate(() => navigator.clipboard.writeText(''));

    // Leaving unconfirmed asks first (Escape, then the Close button), and keeps the secret shown.
    await page.keyboard.press('Escape');
    await expect(dialog.getByRole('alert')).toContainText('not been confirmed as stored');
    await dialog.getByRole('button', { name: 'Go back to the secret' }).click();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog.getByRole('alert')).toBeVisible();
    await dialog.getByRole('button', { name: 'Go back to the secret' }).click();
    await expect(dialog.getByRole('button', { name: 'Done' })).toBeDisabled();
    await dialog.getByRole('checkbox', { name: 'I have stored the secret somewhere safe' }).check();

    watch.startRecording();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(page).toHaveURL(new RegExp(`/oauth-clients/${clientId}$`));
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    expect(creates, 'exactly one create request').toBe(1);
    await expectSecretGone(page, secret, clientId, watch);

    // What the API holds: the scopes picked, the protocol scope the flows imply, no secret.
    const stored = await api.get(`${CLIENTS}/${clientId}`);
    expect(stored.result).toMatchObject({
      client_name: name,
      visibility: 'private',
      redirect_uris: ['https://dashboard.example.com/oauth/callback', 'http://localhost:8080/callback'],
      allowed_cors_origins: ['https://dashboard.example.com'],
      grant_types: ['authorization_code', 'refresh_token'],
      optional_scopes: ['dns.records.write'],
    });
    expect(stored.result.scopes).toEqual(expect.arrayContaining(['dns.records.read', 'dns.records.write', 'zone.read', 'offline_access']));
    expect(stored.result).not.toHaveProperty('client_secret');

    const main = page.getByRole('main');
    await expect(main.getByText('Read zones')).toBeVisible();
    await expect(main.getByText('One secret')).toBeVisible();
    await screenshot(page, testInfo, 'detail');
    await expectNoA11yViolations(page);

    // And the list shows it with its state.
    await page.getByRole('link', { name: 'OAuth clients' }).first().click();
    const row = page.getByRole('row').filter({ hasText: clientId });
    await expect(row).toContainText(name);
    await expect(row).toContainText('Private');
    await expect(row).toContainText('One secret');
    expectAbsent(await page.content(), secret, 'the list page');
  });

  test('leaving the new secret unconfirmed asks first, by Escape or by the back button', async ({ page }) => {
    const watch = watchPage(page);
    const name = uniqueName('Unstored');
    await page.goto(accountPath('/oauth-clients'));
    await page.getByRole('link', { name: 'New OAuth client' }).click();
    await page.getByLabel('Client name', { exact: true }).fill(name);
    await page.getByRole('textbox', { name: 'Redirect URI 1' }).fill('https://unstored.example.com/cb');
    await page.getByRole('button', { name: 'Create client' }).click();
    const dialog = page.getByRole('dialog', { name: `Client secret for ${name}` });
    const secret = await dialog.getByRole('textbox', { name: 'Client secret', exact: true }).inputValue();
    const clientId = (await dialog.locator('dd.mono').first().textContent())!.trim();

    // The browser's back button is held until the admin decides.
    await page.goBack();
    await expect(dialog.getByRole('alert')).toContainText('not been confirmed as stored');
    await dialog.getByRole('button', { name: 'Go back to the secret' }).click();
    await expect(page).toHaveURL(/\/oauth-clients\/new$/);
    await expect(dialog.getByRole('textbox', { name: 'Client secret', exact: true })).toHaveValue(secret);

    await page.keyboard.press('Escape');
    watch.startRecording();
    await dialog.getByRole('button', { name: 'Close without storing' }).click();
    await expect(page).toHaveURL(new RegExp(`/oauth-clients/${clientId}$`));
    await expect(page.getByRole('status').filter({ hasText: 'Secret not confirmed' })).toBeVisible();
    await expectSecretGone(page, secret, clientId, watch);
  });

  test('full rotation, from the overlap to revoking the old secret', { tag: '@workers' }, async ({ page, api }, testInfo) => {
    const watch = watchPage(page);
    const created = await createClientViaApi(api);
    let rotations = 0;
    let revokes = 0;
    page.on('request', (r) => {
      if (!r.url().endsWith(`/${created.client_id}/rotate_secret`)) return;
      if (r.method() === 'POST') rotations++;
      if (r.method() === 'DELETE') revokes++;
    });

    await page.goto(accountPath(`/oauth-clients/${created.client_id}`));
    await page.getByRole('link', { name: 'Rotate secret' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rotate client secret' })).toBeVisible();
    const progress = page.getByRole('list', { name: 'Rotation progress' });
    await expect(progress.locator('[aria-current="step"]')).toHaveText(/How rotation works/);
    await expect(page.getByText('Your current secret keeps working')).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(progress.locator('[aria-current="step"]')).toHaveText(/Create a new secret/);
    await expect(page.getByRole('heading', { name: 'Create a new secret' })).toBeFocused();
    await screenshot(page, testInfo, 'rotate-step');
    // A double click issues one rotation, not two.
    await page.getByRole('button', { name: 'Rotate secret' }).dblclick();

    const dialog = page.getByRole('dialog', { name: `New secret for ${created.client_name}` });
    await expect(dialog).toBeVisible();
    const secret = await dialog.getByRole('textbox', { name: 'Client secret', exact: true }).inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(secret === created.client_secret, 'a new secret').toBe(false);
    // The modal hides the page behind it from assistive technology, the progress list included.
    const hiddenProgress = page.getByRole('list', { name: 'Rotation progress', includeHidden: true });
    await expect(hiddenProgress.locator('[aria-current="step"]')).toHaveText(/Copy the new secret/);
    expect(rotations, 'one POST rotate_secret on a double click').toBe(1);
    expect((await api.get(`${CLIENTS}/${created.client_id}`)).result.has_rotated_secret).toBe(true);
    await screenshot(page, testInfo, 'rotate-reveal');
    await expectNoA11yViolations(page);

    await dialog.getByRole('checkbox', { name: 'I have stored the secret somewhere safe' }).check();
    watch.startRecording();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expectSecretGone(page, secret, created.client_id, watch);

    await expect(progress.locator('[aria-current="step"]')).toHaveText(/Update your application/);
    const confirm = page.getByRole('button', { name: 'My application uses the new secret' });
    await expect(confirm).toBeDisabled();
    for (const box of await page.getByRole('group', { name: 'Confirm each step' }).getByRole('checkbox').all()) await box.check();
    await screenshot(page, testInfo, 'rotate-update-app');
    await expectNoA11yViolations(page);
    await confirm.click();

    await expect(progress.locator('[aria-current="step"]')).toHaveText(/Revoke the old secret/);
    await expect(page.getByText('cannot be shown again')).toHaveCount(0);
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: 'Revoke old secret' }).click();
    await expect(page.getByRole('heading', { name: 'Rotation complete' })).toBeVisible();
    expect(revokes).toBe(1);
    expect((await api.get(`${CLIENTS}/${created.client_id}`)).result.has_rotated_secret).toBe(false);
    await screenshot(page, testInfo, 'rotate-done');
    await expectNoA11yViolations(page);

    await page.getByRole('link', { name: 'Back to the client' }).click();
    await expect(page.getByRole('main').getByText('One secret')).toBeVisible();
    expect(rotations, 'still exactly one rotation').toBe(1);
  });

  test('a rotation resumes at the revoke step after a reload, and can be rotated again', async ({ page, api }, testInfo) => {
    const watch = watchPage(page);
    const created = await createClientViaApi(api);
    let rotations = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith(`/${created.client_id}/rotate_secret`)) rotations++;
    });

    await page.goto(accountPath(`/oauth-clients/${created.client_id}/rotate`));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const dialog = page.getByRole('dialog');
    const first = await dialog.getByRole('textbox', { name: 'Client secret', exact: true }).inputValue();
    await dialog.getByRole('checkbox', { name: 'I have stored the secret somewhere safe' }).check();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('heading', { name: 'Update your application' })).toBeVisible();

    // The admin leaves to deploy, and comes back later.
    watch.startRecording();
    await page.reload();
    const progress = page.getByRole('list', { name: 'Rotation progress' });
    await expect(progress.locator('[aria-current="step"]')).toHaveText(/Revoke the old secret/);
    await expect(page.getByRole('status').filter({ hasText: 'cannot be shown again' })).toBeVisible();
    await expectSecretGone(page, first, created.client_id, watch);
    await screenshot(page, testInfo, 'resume-revoke');
    await expectNoA11yViolations(page);

    // The new secret was lost after all: rotate again instead of revoking.
    const revoke = page.getByRole('button', { name: 'Revoke old secret' });
    await expect(revoke, 'revoking after a resume asks for confirmation').toBeDisabled();
    await page.getByRole('button', { name: 'Rotate again instead' }).click();
    await expect(page.getByText('replaces the newer secret')).toBeVisible();
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const second = await page.getByRole('dialog').getByRole('textbox', { name: 'Client secret', exact: true }).inputValue();
    expect(second === first).toBe(false);
    expect(rotations).toBe(2);

    // Closing this one without confirming asks first; then the wizard says it is lost.
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').getByRole('button', { name: 'Close without storing' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(progress.locator('[aria-current="step"]')).toHaveText(/Revoke the old secret/);
    await expect(page.getByRole('status').filter({ hasText: 'cannot be shown again' })).toBeVisible();
    expectAbsent(await page.content(), second, 'the DOM after closing unconfirmed');
    expectAbsent(await queryCacheDump(page), second, 'the react-query cache');

    // Or it was deployed: confirm and revoke from the resume screen.
    await page.getByRole('checkbox', { name: 'My application uses the new secret' }).check();
    await revoke.click();
    await expect(page.getByRole('heading', { name: 'Rotation complete' })).toBeVisible();
    expect((await api.get(`${CLIENTS}/${created.client_id}`)).result.has_rotated_secret).toBe(false);
  });

  test('a failed rotation is retried only when the server confirms nothing changed', async ({ page, api }) => {
    const created = await createClientViaApi(api);
    const rotatePath = `**/client/v4${CLIENTS}/${created.client_id}/rotate_secret`;
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/rotate_secret')) posts++;
    });
    await page.goto(accountPath(`/oauth-clients/${created.client_id}/rotate`));
    await page.getByRole('button', { name: 'Continue' }).click();

    // 1. The request never reaches the server: "Try again" does rotate.
    await page.route(rotatePath, (route) => route.abort('failed'), { times: 1 });
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The secret was not rotated' })).toBeVisible();
    expect((await api.get(`${CLIENTS}/${created.client_id}`)).result.has_rotated_secret).toBe(false);
    await page.getByRole('button', { name: 'Try again' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('textbox', { name: 'Client secret', exact: true })).not.toHaveValue('');
    expect(posts).toBe(2);
    await dialog.getByRole('checkbox', { name: 'I have stored the secret somewhere safe' }).check();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('group', { name: 'Confirm each step' }).getByRole('checkbox').first().waitFor();
    for (const box of await page.getByRole('group', { name: 'Confirm each step' }).getByRole('checkbox').all()) await box.check();
    await page.getByRole('button', { name: 'My application uses the new secret' }).click();
    await page.getByRole('button', { name: 'Revoke old secret' }).click();
    await expect(page.getByRole('heading', { name: 'Rotation complete' })).toBeVisible();

    // 2. The server rotates but its answer is lost: "Try again" must not post a second time —
    //    the wizard sees the rotation happened and says its secret cannot be shown.
    await page.goto(accountPath(`/oauth-clients/${created.client_id}/rotate`));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.route(
      rotatePath,
      async (route) => {
        await route.fetch();
        await route.abort('failed');
      },
      { times: 1 },
    );
    posts = 0;
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The secret was not rotated' })).toBeVisible();
    expect((await api.get(`${CLIENTS}/${created.client_id}`)).result.has_rotated_secret, 'the server did rotate').toBe(true);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('list', { name: 'Rotation progress' }).locator('[aria-current="step"]')).toHaveText(/Revoke/);
    await expect(page.getByRole('status').filter({ hasText: 'answer never arrived' })).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(posts, 'no second POST rotate_secret').toBe(1);
  });

  test('a rotation started elsewhere opens at the revoke step', async ({ page, api }) => {
    const created = await createClientViaApi(api);
    expect((await api.post(`${CLIENTS}/${created.client_id}/rotate_secret`)).success).toBe(true);
    await page.goto(accountPath(`/oauth-clients`));
    await page.getByRole('link', { name: `Finish secret rotation for ${created.client_name}` }).click();
    await expect(page.getByRole('list', { name: 'Rotation progress' }).locator('[aria-current="step"]')).toHaveText(/Revoke/);
    await expect(page.getByRole('status').filter({ hasText: 'cannot be shown again' })).toBeVisible();
  });

  test('promotion: the checklist goes green as requirements are met, then the client goes public', async ({ page, api, sandboxDns }, testInfo) => {
    const host = `app-${Date.now().toString(36)}.example.com`;
    const created = await createClientViaApi(api, { client_uri: `https://${host}` });

    await page.goto(accountPath(`/oauth-clients/${created.client_id}`));
    await page.getByRole('link', { name: 'Go public' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Go public' })).toBeVisible();
    const checklist = page.getByRole('list').filter({ hasText: 'Verified client URI host' });
    const item = (label: string) => checklist.getByRole('listitem').filter({ hasText: label });
    await expect(item('Client name')).toContainText('Done');
    await expect(item('Logo')).toContainText('Missing');
    await expect(item('At least one API scope')).toContainText('Done');
    await expect(item('Verified client URI host')).toContainText(/Waiting/);
    const promote = page.getByRole('button', { name: 'Make public' });
    await expect(promote).toBeDisabled();
    await screenshot(page, testInfo, 'publish-incomplete');
    await expectNoA11yViolations(page);

    // The TXT value to publish, with a copy button.
    const txt = (await api.get(`${CLIENTS}/${created.client_id}`)).result.client_uri_verification.text as string;
    await expect(page.getByText(txt, { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Copy TXT value' })).toBeVisible();

    // Add the logo through the edit form.
    await item('Logo').getByRole('link', { name: 'Edit the client' }).click();
    await page.getByLabel('Logo URI').fill('https://cdn.example.com/logo.png');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: created.client_name })).toBeVisible();
    await page.getByRole('link', { name: 'Go public' }).click();
    await expect(item('Logo')).toContainText('Done');

    // Publish the record in the sandbox zone, as one would at a DNS provider; the status follows.
    await page.getByRole('button', { name: 'Publish the TXT record in the sandbox zone' }).click();
    await expect(page.getByRole('button', { name: 'Record published' })).toBeDisabled();
    await expect(item('Verified client URI host')).toContainText('Done', { timeout: 10_000 });
    await expect(page.getByRole('region', { name: 'Client URI verification' })).toContainText('Verified');
    await expect(promote).toBeEnabled();
    await screenshot(page, testInfo, 'publish-complete');
    await expectNoA11yViolations(page);

    await promote.click();
    const confirm = page.getByRole('dialog', { name: `Make ${created.client_name} public?` });
    await confirm.getByRole('button', { name: 'Make public' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Public client' })).toBeVisible();
    const stored = (await api.get(`${CLIENTS}/${created.client_id}`)).result;
    expect(stored.visibility).toBe('public');
    expect(stored.promoted_at).toBeTruthy();
    await expectNoA11yViolations(page);

    // Tidy the shared sandbox zone.
    for (const record of await sandboxDns.list(host)) await sandboxDns.remove(record.id);
  });

  test('delete asks for the client name', async ({ page, api }) => {
    const created = await createClientViaApi(api);
    await page.goto(accountPath(`/oauth-clients/${created.client_id}`));
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete ${created.client_name}?` });
    const confirm = dialog.getByRole('button', { name: 'Delete client' });
    await expect(confirm).toBeDisabled();
    await expectNoA11yViolations(page);
    await dialog.getByLabel(/Type .* to confirm/).fill(created.client_name.slice(0, -1));
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/Type .* to confirm/).fill(created.client_name);
    await confirm.click();
    await expect(page).toHaveURL(/\/oauth-clients$/);
    await expect(page.getByRole('heading', { level: 1, name: 'OAuth clients' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: created.client_id })).toHaveCount(0);
    expect((await api.get(`${CLIENTS}/${created.client_id}`)).status).toBe(404);
  });

  test('bad input: each message lands at its field or list item, and the input is kept', async ({ page, api }, testInfo) => {
    await page.goto(accountPath('/oauth-clients/new'));
    const name = uniqueName('Bad input');
    await page.getByLabel('Client name', { exact: true }).fill(name);
    await page.getByRole('textbox', { name: 'Redirect URI 1' }).fill('https://ok.example.com/cb');
    await page.getByRole('button', { name: 'Add redirect URI' }).click();
    await page.getByRole('textbox', { name: 'Redirect URI 2' }).fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Add redirect URI' }).click();
    await page.getByRole('textbox', { name: 'Redirect URI 3' }).fill('http://app.example.com/cb');
    await page.getByRole('button', { name: 'Add origin' }).click();
    await page.getByRole('textbox', { name: 'Origin 1' }).fill('https://app.example.com/path');

    // Logo preview: only https images are loaded; anything else is described as text. The test
    // browser has no internet: the image host answers from here.
    const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    await page.route('https://cdn.example.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'image/png', body: Buffer.from(PNG_1X1, 'base64') }),
    );
    await page.getByLabel('Logo URI').fill('http://cdn.example.com/logo.png');
    await expect(page.getByText('Preview shows https images only')).toBeVisible();
    await expect(page.getByRole('img', { name: 'Logo preview' })).toHaveCount(0);
    await page.getByLabel('Logo URI').fill('https://cdn.example.com/logo.png');
    // A host the admin typed is asked only once they choose to see it.
    await expect(page.getByRole('img', { name: 'Logo preview' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Show logo' }).click();
    await expect(page.getByRole('img', { name: 'Logo preview' })).toHaveAttribute('src', 'https://cdn.example.com/logo.png');
    await page.getByLabel('Logo URI').fill('');

    await page.getByRole('button', { name: 'Create client' }).click();
    const second = page.getByRole('textbox', { name: 'Redirect URI 2' });
    await expect(second).toHaveAttribute('aria-invalid', 'true');
    await expect(second).toBeFocused();
    await expect(page.getByRole('listitem').filter({ has: second })).toContainText('javascript: scheme is not allowed');
    await expect(page.getByRole('listitem').filter({ has: page.getByRole('textbox', { name: 'Redirect URI 3' }) })).toContainText('https://');
    await expect(page.getByRole('listitem').filter({ has: page.getByRole('textbox', { name: 'Origin 1' }) })).toContainText('origin');
    await expect(page.getByRole('textbox', { name: 'Redirect URI 1' })).toHaveAttribute('aria-invalid', 'false');
    await screenshot(page, testInfo, 'bad-input-client');
    await expectNoA11yViolations(page);

    // Removing a row moves the errors of the rows after it along with them.
    await page.getByRole('button', { name: 'Remove redirect URI 2' }).click();
    await expect(page.getByRole('textbox', { name: 'Redirect URI 2' })).toHaveValue('http://app.example.com/cb');
    await expect(page.getByRole('listitem').filter({ has: page.getByRole('textbox', { name: 'Redirect URI 2' }) })).toContainText('https://');
    await page.getByRole('textbox', { name: 'Redirect URI 2' }).fill('https://app.example.com/cb');
    await page.getByRole('textbox', { name: 'Origin 1' }).fill('https://app.example.com');

    // What the API refuses beyond the form (here: a request altered on the way, as a stricter
    // server would) comes back with pointers and lands at exactly that row, then that scope.
    await page.getByRole('checkbox', { name: 'Read zones zone.read' }).check();
    let tamper: (body: any) => void = () => {};
    await page.route(`**/client/v4${CLIENTS}`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const body = route.request().postDataJSON();
      tamper(body);
      await route.continue({ postData: JSON.stringify(body) });
    });
    tamper = (body) => {
      body.redirect_uris[1] = 'http://app.example.com/cb';
    };
    await page.getByRole('button', { name: 'Create client' }).click();
    const row = page.getByRole('listitem').filter({ has: page.getByRole('textbox', { name: 'Redirect URI 2' }) });
    await expect(row).toContainText('Must use https://');
    await expect(page.getByRole('textbox', { name: 'Redirect URI 2' })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('textbox', { name: 'Redirect URI 2' }), 'the input is kept').toHaveValue('https://app.example.com/cb');
    await expect(page.getByRole('textbox', { name: 'Redirect URI 1' })).toHaveAttribute('aria-invalid', 'false');
    await expect(page.getByRole('alert').filter({ hasText: 'Some fields need attention' })).toBeVisible();
    await screenshot(page, testInfo, 'bad-input-server');
    await expectNoA11yViolations(page);

    tamper = (body) => {
      body.scopes = ['zone:read'];
    };
    await page.getByRole('button', { name: 'Create client' }).click();
    const chip = page.getByRole('listitem').filter({ hasText: 'zone.read' });
    await expect(chip).toContainText('Colon-delimited scopes are not accepted');
    await expect(row).not.toContainText('Must use https://');
    await expect(page.getByLabel('Client name', { exact: true })).toHaveValue(name);
    await expect(page.getByRole('checkbox', { name: 'Read zones zone.read' })).toBeChecked();
    await page.unroute(`**/client/v4${CLIENTS}`);

    // Nothing was created.
    const list = await api.get(CLIENTS);
    expect(list.result.some((c: { client_name: string }) => c.client_name === name)).toBe(false);
  });
});
