import type { Page, Request } from '@playwright/test';
import { accountPath, ACCOUNT_ID, expect, test, type SandboxApi } from './support/fixtures.ts';
import { injectFaults, type SentRequest } from './support/faults.ts';

/**
 * Fault tolerance, driven by the sandbox's fault injection (server/sandbox/faults.ts): chosen
 * requests get an `X-Sandbox-Fault` header on their way out of the browser, and the server fails
 * them for real — a 500, a 429 with Retry-After, a cut connection. What the admin sees, and how
 * many requests the dashboard sent, is asserted. Reads retry with backoff and honour Retry-After;
 * writes are never resent without the admin; what they typed stays.
 */

const USER_GROUPS_PATH = `/client/v4/accounts/${ACCOUNT_ID}/iam/user_groups`;

const isGroupList = (request: Request) => request.method() === 'GET' && new URL(request.url()).pathname === USER_GROUPS_PATH;
const isGroupCreate = (request: Request) => request.method() === 'POST' && new URL(request.url()).pathname === USER_GROUPS_PATH;

const gaps = (sent: SentRequest[]) => sent.slice(1).map((s, i) => s.at - sent[i]!.at);

async function groupsNamed(api: SandboxApi, name: string) {
  const res = await api.get(`/accounts/${ACCOUNT_ID}/iam/user_groups`, { name, per_page: 50 });
  expect(res.success).toBe(true);
  return (res.result as Array<{ name: string }>).filter((g) => g.name === name);
}

async function expectListShown(page: Page) {
  await expect(page.getByRole('heading', { name: 'User groups', level: 1 })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('table').getByRole('link').first()).toBeVisible();
}

async function openCreateDialog(page: Page, name: string) {
  await page.goto(accountPath('/groups'));
  await expectListShown(page);
  await page.getByRole('button', { name: 'Create group' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a user group' });
  const nameBox = dialog.getByRole('textbox', { name: 'Name', exact: true });
  await nameBox.fill(name);
  return { dialog, nameBox, submit: dialog.getByRole('button', { name: 'Create group' }) };
}

const unique = (label: string) => `${label} ${Date.now().toString(36)}`;

/**
 * "Nothing more is sent": instead of waiting in real time, the page's clock (page.clock, installed
 * before the page loaded; it runs at real speed until then) jumps 10 s ahead, firing every timer
 * due — past the longest read backoff (500 ms, 1 s, 2 s; a fourth try would wait 4 s), so a blind
 * retry would have gone out. Then one round trip of the page's own, so a request such a timer
 * started has reached the route log before the test reads it.
 */
async function letRetriesFire(page: Page) {
  await page.clock.runFor(10_000);
  await page.evaluate(() => fetch('/console-api/mode').then((res) => res.status));
}

test.describe('reads', () => {
  test('a 500 is retried with growing backoff, and the page loads', async ({ page }) => {
    const sent = await injectFaults(page, isGroupList, (n) => (n < 2 ? '500' : null));
    await page.goto(accountPath('/groups'));
    await expectListShown(page);
    expect(sent.map((s) => s.fault)).toEqual(['500', '500', null]);
    const [first, second] = gaps(sent);
    // main.tsx: 500 ms, then 1 s (lower bounds: a slow machine only makes them longer).
    expect(first).toBeGreaterThanOrEqual(450);
    expect(second).toBeGreaterThanOrEqual(900);
  });

  test('a 429 is retried after the Retry-After the server asked for, not the default backoff', async ({ page }) => {
    const sent = await injectFaults(page, isGroupList, (n) => (n === 0 ? '429, retry-after=2' : null));
    await page.goto(accountPath('/groups'));
    await expectListShown(page);
    expect(sent.map((s) => s.fault)).toEqual(['429, retry-after=2', null]);
    expect(gaps(sent)[0]).toBeGreaterThanOrEqual(1900);
  });

  test('a dropped connection is retried', async ({ page }) => {
    const sent = await injectFaults(page, isGroupList, (n) => (n === 0 ? 'drop' : null));
    await page.goto(accountPath('/groups'));
    await expectListShown(page);
    expect(sent.map((s) => s.fault)).toEqual(['drop', null]);
  });

  test('a slow answer shows the loading state, then the page', async ({ page }) => {
    await injectFaults(page, isGroupList, () => 'latency=1500');
    await page.goto(accountPath('/groups'));
    await expect(page.getByRole('status', { name: 'Loading' })).toBeVisible();
    await expectListShown(page);
  });

  test('a failure that persists ends in a clear error with a retry that recovers', async ({ page, axe }) => {
    await page.clock.install();
    let failing = true;
    const sent = await injectFaults(page, isGroupList, () => (failing ? '500' : null));
    await page.goto(accountPath('/groups'));
    const alert = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
    await expect(alert).toBeVisible({ timeout: 15_000 });
    await expect(alert).toContainText('Internal error');
    await expect(alert).toContainText('code 1000');
    await axe();
    // The first try and three retries (main.tsx), then it stops and says so.
    expect(sent).toHaveLength(4);
    await letRetriesFire(page);
    expect(sent).toHaveLength(4);

    failing = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expectListShown(page);
    expect(sent.at(-1)!.fault).toBeNull();
  });
});

test.describe('writes', () => {
  test('a failed create is not resent; the name stays; the admin retries and gets one group', async ({ page, api, axe }) => {
    await page.clock.install();
    const name = unique('Fault 500');
    const sent = await injectFaults(page, isGroupCreate, (n) => (n === 0 ? '500' : null));
    const { dialog, nameBox, submit } = await openCreateDialog(page, name);
    await submit.click();
    await expect(dialog.getByRole('alert')).toContainText('Internal error');
    await axe();
    await letRetriesFire(page);
    expect(sent).toHaveLength(1);
    await expect(nameBox).toHaveValue(name);
    expect(await groupsNamed(api, name)).toHaveLength(0);

    await submit.click();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    expect(sent).toHaveLength(2);
    expect(await groupsNamed(api, name)).toHaveLength(1);
  });

  test('a 429 on a write is reported, not retried behind the admin’s back', async ({ page, api }) => {
    await page.clock.install();
    const name = unique('Fault 429');
    const sent = await injectFaults(page, isGroupCreate, (n) => (n === 0 ? '429, retry-after=1' : null));
    const { dialog, nameBox, submit } = await openCreateDialog(page, name);
    await submit.click();
    await expect(dialog.getByRole('alert')).toContainText('Rate limited');
    await letRetriesFire(page);
    expect(sent).toHaveLength(1);
    await expect(nameBox).toHaveValue(name);
    expect(await groupsNamed(api, name)).toHaveLength(0);
  });

  test('a write whose answer was lost is found saved, not resent: one group, and the admin is told', async ({ page, api }) => {
    await page.clock.install();
    const name = unique('Fault lost answer');
    // The server commits, then cuts the connection: the dashboard asks the server what became of
    // that write (its write id) instead of resending it, and finds it saved.
    const sent = await injectFaults(page, isGroupCreate, (n) => (n === 0 ? 'drop=after' : null));
    const { submit } = await openCreateDialog(page, name);
    await submit.click();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible({ timeout: 10_000 });
    await letRetriesFire(page);
    expect(sent).toHaveLength(1);
    expect(await groupsNamed(api, name)).toHaveLength(1);
  });

  test('a cut connection before the server saw the write: reported, not resent, nothing written', async ({ page, api }) => {
    await page.clock.install();
    const name = unique('Fault drop');
    const sent = await injectFaults(page, isGroupCreate, (n) => (n === 0 ? 'drop' : null));
    const { dialog, nameBox, submit } = await openCreateDialog(page, name);
    await submit.click();
    // The server never had the write: it says so, and the admin may safely try again.
    await expect(dialog.getByRole('alert')).toContainText('Nothing was saved');
    await letRetriesFire(page);
    expect(sent).toHaveLength(1);
    await expect(nameBox).toHaveValue(name);
    expect(await groupsNamed(api, name)).toHaveLength(0);
  });

  test('a slow write cannot be sent twice by an impatient double click', async ({ page, api }) => {
    const name = unique('Fault slow');
    const sent = await injectFaults(page, isGroupCreate, () => 'latency=1500');
    const { submit } = await openCreateDialog(page, name);
    await submit.dblclick();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible({ timeout: 10_000 });
    expect(sent).toHaveLength(1);
    expect(await groupsNamed(api, name)).toHaveLength(1);
  });
});
