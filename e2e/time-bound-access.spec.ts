import type { APIRequestContext, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIN_LEAD_MS } from '../server/console/membership-ends/schedule.ts';
import { startConsoleServer } from './support/console-server.ts';
import { accountPath, ACCOUNT_ID, expect, expectNoA11yViolations, test, type SandboxApi } from './support/fixtures.ts';
import { bulkAddWithEnd, endsOf, GROUPS, memberIds, newGroup, someAcceptedMember, type AccountMember } from './support/time-bound.ts';
import { freshIndex } from './support/membership-index.ts';

/**
 * Access that ends on time: a membership granted with an end is removed by the console server at
 * that end, with nobody's browser open — on Node by its timer (and, across a restart, by the
 * catch-up at start), on Workers by the Durable Object's alarm — and History says who granted it
 * and that the console removed it.
 */

// Two of these journeys wait for an end in real time: in parallel, each on its own worker (and
// lane), they wait side by side instead of one after the other at the end of the run.
test.describe.configure({ mode: 'parallel' });

/**
 * The browser's local time on the next whole minute (what a datetime-local field holds) at least
 * the API's shortest lead plus the time to fill the dialog away: 45 s to 105 s ahead.
 */
async function aboutAMinuteAhead(page: Page): Promise<{ local: string; at: number }> {
  return page.evaluate((lead) => {
    const at = Math.ceil((Date.now() + lead) / 60_000) * 60_000;
    const d = new Date(at);
    const pad = (n: number) => String(n).padStart(2, '0');
    return { local: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`, at };
  }, MIN_LEAD_MS + 15_000);
}

/** Adds the person through the picker with an end about a minute away; returns when it ends. */
async function grantForAMinute(page: Page, group: { id: string; name: string }, email: string, reason: string): Promise<number> {
  await page.goto(accountPath(`/groups/${group.id}/members`));
  await page.getByRole('button', { name: 'Add members' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add members' });
  await dialog.getByRole('searchbox', { name: 'Search account members' }).fill(email);
  await dialog.getByRole('checkbox', { name: new RegExp(email) }).check();
  await dialog.getByRole('radio', { name: 'At a date and time' }).check();
  const end = await aboutAMinuteAhead(page);
  await dialog.getByLabel('Ends at (your local time)').fill(end.local);
  await dialog.getByLabel(/^Reason/).fill(reason);
  await dialog.getByRole('button', { name: 'Add 1 member' }).click();
  await expect(dialog).toBeHidden();
  const section = page.getByRole('region', { name: /Time-bound access/ });
  await expect(section.getByRole('row', { name: new RegExp(email) })).toContainText(/Ends in/);
  return end.at;
}

/**
 * Adds the person as the dashboard does (/client/v4 with the console header, journaled under the
 * console's actor) and registers an end the API's shortest lead ahead, to the second: what the
 * dialog sends, without waiting for a whole minute. Returns when it ends.
 */
async function grantThroughApi(request: APIRequestContext, origin: string, group: { id: string }, person: AccountMember, reason: string): Promise<number> {
  const added = await request.post(`/client/v4${GROUPS}/${group.id}/members`, { headers: { 'x-iam-console': '1', origin }, data: [{ id: person.id }] });
  expect(added.ok(), await added.text()).toBe(true);
  const endsAt = Date.now() + MIN_LEAD_MS + 2_000;
  const granted = await request.post(`/console-api/accounts/${ACCOUNT_ID}/membership-ends`, {
    headers: { origin },
    data: { group_id: group.id, members: [{ id: person.id, email: person.user.email }], ends_at: new Date(endsAt).toISOString(), reason },
  });
  expect(granted.status(), await granted.text()).toBe(201);
  return endsAt;
}

test('a membership granted for a minute is removed at its end with the browser closed, and History says who granted it', { tag: '@workers' }, async ({ browser, page, api, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const person = await someAcceptedMember(api, 1);
  const group = await newGroup(api, 'E2E Weekend on-call');
  let endsAt: number;
  if (testInfo.project.metadata.runtime === 'workers') {
    // Through the dialog, to a whole minute: the Durable Object's alarm is what this run is about.
    endsAt = await grantForAMinute(page, group, person.user.email, 'weekend incident cover');
  } else {
    // On Node the dialog's "At a date and time" is the restart journey's (below) and its end is
    // whole minutes away; here the grant is the same two requests with an end seconds ahead.
    endsAt = await grantThroughApi(page.request, new URL(baseURL!).origin, group, person, 'weekend incident cover');
    await page.goto(accountPath(`/groups/${group.id}/members`));
    await expect(page.getByRole('region', { name: /Time-bound access/ }).getByRole('row', { name: new RegExp(person.user.email) })).toContainText(/Ends in/);
  }
  expect(await memberIds(api, group.id)).toContain(person.id);
  await expectNoA11yViolations(page);
  await page.context().close();

  // Nobody has the console open: the server removes them at the end.
  await expect
    .poll(async () => (await memberIds(api, group.id)).includes(person.id), { timeout: endsAt - Date.now() + 60_000, intervals: [2_000] })
    .toBe(false);
  expect(Date.now()).toBeGreaterThanOrEqual(endsAt - 2_000);

  // A new context as the test's own page had: this worker's lane and, on Workers, the admin's Access token.
  const context = await browser.newContext();
  const next = await context.newPage();
  await next.goto(accountPath(`/history?resource_id=${group.id}`));
  await expect(next.getByText(/IAM Console, ending access granted by/).first()).toBeVisible();
  await next.goto(accountPath('/expiring'));
  const ended = next.getByRole('region', { name: /Ended in the last 30 days/ });
  await expect(ended.getByRole('row', { name: new RegExp(person.user.email) })).toContainText('Removed on time');
  await expect(ended.getByRole('row', { name: new RegExp(person.user.email) })).toContainText('weekend incident cover');
  await context.close();
});

test('a group that grants administrator access asks why, and the end can be changed, made permanent or ended now after a review', async ({ page, api }) => {
  const person = await someAcceptedMember(api, 2);
  const group = await newGroup(api, 'E2E Incident admins');
  // The seeded break-glass group's policy: Super Administrator on the whole account.
  type Ref = { id: string };
  const seeded = await api.get<Array<{ id: string; name: string; policies?: Array<{ access: string; permission_groups: Ref[]; resource_groups: Ref[] }> }>>(GROUPS, {
    fuzzyName: 'Break-glass Admins',
  });
  const policies = seeded.result.find((g) => g.name === 'Break-glass Admins')!.policies!.map((p) => ({
    access: p.access,
    permission_groups: p.permission_groups.map(({ id }) => ({ id })),
    resource_groups: p.resource_groups.map(({ id }) => ({ id })),
  }));
  const put = await api.put(`${GROUPS}/${group.id}`, { name: group.name, policies });
  expect(put.success, JSON.stringify(put.errors)).toBe(true);

  await page.goto(accountPath(`/groups/${group.id}/members`));
  await page.getByRole('button', { name: 'Add members' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add members' });
  await dialog.getByRole('searchbox', { name: 'Search account members' }).fill(person.user.email);
  await dialog.getByRole('checkbox', { name: new RegExp(person.user.email) }).check();
  await dialog.getByRole('radio', { name: 'After 1 day' }).check();
  await dialog.getByRole('button', { name: 'Add 1 member' }).click();
  // Nothing is written without the reason: the field says why it is needed.
  await expect(dialog.getByText('This group grants administrator access: say why this person needs it')).toBeVisible();
  expect(await memberIds(api, group.id)).not.toContain(person.id);
  await dialog.getByLabel(/^Reason \(required/).fill('INC-4411 database failover');
  await dialog.getByRole('button', { name: 'Add 1 member' }).click();
  await expect(dialog).toBeHidden();
  expect(await memberIds(api, group.id)).toContain(person.id);

  const row = page.getByRole('region', { name: /Time-bound access/ }).getByRole('row', { name: new RegExp(person.user.email) });
  await expect(row).toContainText(/Ends in (23 h|24 h|1 day)/);
  await row.getByRole('button', { name: 'Make permanent…' }).click();
  const review = page.getByRole('dialog', { name: /with no end\?/ });
  await expect(review).toContainText('INC-4411 database failover');
  await review.getByRole('button', { name: 'Make permanent' }).click();
  await expect(row).toContainText('Made permanent');
  expect(await memberIds(api, group.id)).toContain(person.id);
});

test('an end can be set when pasting emails and when adding people to several groups from Members', async ({ page, api }) => {
  test.setTimeout(120_000);
  const [a, b, c] = await Promise.all([someAcceptedMember(api, 4), someAcceptedMember(api, 5), someAcceptedMember(api, 6)]);
  const pasteGroup = await newGroup(api, 'E2E Paste for a week');
  await page.goto(accountPath(`/groups/${pasteGroup.id}/members`));
  await page.getByRole('button', { name: 'Add by email list' }).first().click();
  const paste = page.getByRole('dialog', { name: 'Add members by email' });
  await paste.getByRole('textbox', { name: 'Email addresses' }).fill(`${a!.user.email}\n${b!.user.email}`);
  await paste.getByRole('button', { name: 'Check emails' }).click();
  await paste.getByRole('radio', { name: 'After 1 week' }).check();
  await paste.getByRole('button', { name: 'Add 2 members' }).click();
  await expect(paste).toBeHidden();
  const pasted = await endsOf(page, pasteGroup.id);
  expect(pasted.map((e) => e.member_id).sort()).toEqual([a!.id, b!.id].sort());
  for (const e of pasted) expect(Date.parse(e.ends_at) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);

  const [first, second] = await Promise.all([newGroup(api, 'E2E Bulk for a day A'), newGroup(api, 'E2E Bulk for a day B')]);
  await freshIndex(page.request);
  const bulk = await bulkAddWithEnd(page, c!.user.email, 'E2E Bulk for a day', [first, second], 'After 1 day');
  await expectNoA11yViolations(page);
  await bulk.getByRole('button', { name: 'Add (2 requests)' }).click();
  await expect(bulk.getByText('Done: 2 of 2 requests.')).toBeVisible();
  for (const g of [first, second]) {
    expect(await memberIds(api, g.id)).toEqual([c!.id]);
    await expect.poll(async () => (await endsOf(page, g.id)).map((e) => e.member_id)).toEqual([c!.id]);
  }
});

// Not tagged @workers: it starts and stops a Node server of its own.
test.describe('on a laptop', () => {
  test('an end that passes while the server is stopped is carried out at its next start', async ({ browser, playwright }) => {
    test.setTimeout(240_000);
    const dir = mkdtempSync(join(tmpdir(), 'iam-ends-'));
    // On files that outlive the process, so it can be stopped and started again.
    const env = { SANDBOX_DB: join(dir, 'sandbox.db'), CONSOLE_DB: join(dir, 'console.db'), SANDBOX_RATE_LIMIT: 'off' };
    let server = await startConsoleServer(env);
    const origin = server.origin;
    try {
      const request = await playwright.request.newContext({ baseURL: origin, extraHTTPHeaders: { 'x-iam-console': '1', origin } });
      const api: SandboxApi = {
        get: async (path, query) => (await request.get(`/client/v4${path}`, { params: query as Record<string, string> })).json(),
        post: async (path, body) => (await request.post(`/client/v4${path}`, { data: body })).json(),
        put: async (path, body) => (await request.put(`/client/v4${path}`, { data: body })).json(),
        patch: async (path, body) => (await request.patch(`/client/v4${path}`, { data: body })).json(),
        delete: async (path) => (await request.delete(`/client/v4${path}`)).json(),
      };
      const person = await someAcceptedMember(api, 3);
      const group = await newGroup(api, 'E2E Contractor');
      const context = await browser.newContext({ baseURL: origin });
      const page = await context.newPage();
      const endsAt = await grantForAMinute(page, group, person.user.email, 'contract ends');
      await context.close();

      await server.stop('SIGKILL');
      // Stopped before the end, so only the catch-up at start can remove them.
      expect(Date.now()).toBeLessThan(endsAt);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, endsAt - Date.now() + 3_000)));
      server = await startConsoleServer(env, { port: server.port });

      await expect.poll(async () => (await memberIds(api, group.id)).includes(person.id), { timeout: 30_000 }).toBe(false);
      const history = await (await request.get(`/console-api/history?account_id=${ACCOUNT_ID}&resource_id=${group.id}`)).json();
      expect(JSON.stringify(history)).toContain('IAM Console, ending access granted by');
      await request.dispose();
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
