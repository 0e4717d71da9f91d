import { serve, type ServerType } from '@hono/node-server';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import { openSandboxDb, type NodeDb } from '../server/runtime/node/open-sandbox-db.ts';
import { errorBody } from '../server/http/envelope.ts';
import { createSandboxApi } from '../server/sandbox/router.ts';
import { startConsoleServer, type ConsoleServer } from './support/console-server.ts';
import { ACCOUNT_ID, expect, expectNoA11yViolations, test } from './support/fixtures.ts';

/**
 * Live mode, end to end, with no internet: a stand-in for api.cloudflare.com (the sandbox API
 * behind a check that it gets exactly the console's credential) and the console started with a
 * unique random CLOUDFLARE_API_TOKEN pointing at it. The browser opens the printed URL, visits
 * every page, and then everything it saw — response bodies, JS assets, headers, cookies,
 * storage, URLs — and everything the server printed is searched for the credential: 0 hits.
 */

const CREDENTIAL = `cf-e2e-live-${randomBytes(24).toString('hex')}`;

interface UpstreamCall {
  method: string;
  path: string;
  authorization: string | undefined;
  cookie: string | undefined;
  console: string | undefined;
}

let db: NodeDb;
let upstreamApi: ReturnType<typeof createSandboxApi>;
let upstream: ServerType;
let consoleServer: ConsoleServer;
let launchUrl = '';
let origin = '';
const upstreamCalls: UpstreamCall[] = [];

test.beforeAll(async () => {
  // The stand-in upstream: Cloudflare's API as the sandbox emulates it, refusing any other credential.
  db = openSandboxDb(':memory:', 'default');
  const api = createSandboxApi({ db, verificationDelayMs: 300 });
  upstreamApi = api;
  const standIn = new Hono();
  standIn.all('*', (c) => {
    const call: UpstreamCall = {
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      authorization: c.req.header('authorization'),
      cookie: c.req.header('cookie'),
      console: c.req.header('x-iam-console'),
    };
    upstreamCalls.push(call);
    if (call.authorization !== `Bearer ${CREDENTIAL}`) {
      return c.json(errorBody([{ code: 10000, message: 'Authentication error' }]), 403);
    }
    return api.fetch(c.req.raw);
  });
  const upstreamPort = await new Promise<number>((resolve) => {
    upstream = serve({ fetch: standIn.fetch, hostname: '127.0.0.1', port: 0 }, (info) => resolve(info.port));
  });

  consoleServer = await startConsoleServer({
    CLOUDFLARE_API_TOKEN: CREDENTIAL,
    CLOUDFLARE_API_BASE: `http://127.0.0.1:${upstreamPort}/client/v4`,
  });
  launchUrl = consoleServer.launchUrl;
  origin = new URL(launchUrl).origin;
});

test.afterAll(async () => {
  await consoleServer?.stop();
  await new Promise((resolve) => upstream?.close(resolve));
  db?.close();
});

/** Everything the browser saw, as text to search. */
interface Seen {
  texts: Array<{ where: string; text: string }>;
  pending: Array<Promise<unknown>>;
}

function record(context: BrowserContext): Seen {
  const seen: Seen = { texts: [], pending: [] };
  const add = (where: string, text: string) => seen.texts.push({ where, text });
  context.on('request', (request) => {
    add(`request URL`, request.url());
    add(`request headers ${request.url()}`, JSON.stringify(request.headers()));
    const body = request.postData();
    if (body) add(`request body ${request.url()}`, body);
  });
  context.on('response', (response) => {
    add(`response headers ${response.url()}`, JSON.stringify(response.headers()));
    seen.pending.push(
      response.body().then(
        (body) => add(`response body ${response.url()}`, body.toString('latin1')),
        () => {}, // redirects and aborted requests have no body
      ),
    );
  });
  context.on('page', (page) => page.on('framenavigated', (frame) => add('navigated URL', frame.url())));
  return seen;
}

async function snapshotStorage(page: Page, seen: Seen) {
  const storage = await page.evaluate(async () => {
    const dump = (s: Storage) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => [s.key(i), s.getItem(s.key(i)!)]));
    const databases = 'databases' in indexedDB ? await indexedDB.databases() : [];
    return {
      url: location.href,
      local: dump(localStorage),
      session: dump(sessionStorage),
      documentCookie: document.cookie,
      indexedDb: databases.map((d) => d.name),
      history: history.length,
    };
  });
  seen.texts.push({ where: `storage at ${storage.url}`, text: JSON.stringify(storage) });
}

async function visit(page: Page, seen: Seen, path: string, heading: RegExp | string) {
  await page.goto(origin + `/accounts/${ACCOUNT_ID}${path}`);
  await expect(page.getByRole('heading', { level: 1, name: heading }).first()).toBeVisible({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  await snapshotStorage(page, seen);
}

function firstId(sql: string): string {
  const row = db.prepare(sql).get() as { id: string } | undefined;
  if (!row) throw new Error(`stand-in seed has nothing for: ${sql}`);
  return row.id;
}

async function newContext(browser: Browser) {
  return browser.newContext({ baseURL: undefined });
}

/**
 * The launch link is single-use (issue 28 item 7): the first test to need a session opens it and
 * keeps that browser session's cookie; later tests bring the cookie into their own context, as
 * the browser the link signed in would still hold it.
 */
let sessionCookies: Awaited<ReturnType<BrowserContext['cookies']>> | undefined;

async function signIn(context: BrowserContext, page: Page): Promise<void> {
  if (sessionCookies) {
    await context.addCookies(sessionCookies);
    await page.goto(`${origin}/`);
    return;
  }
  await page.goto(launchUrl);
  sessionCookies = (await context.cookies()).filter((c) => c.name.startsWith('iam_console_session_'));
}

test('live mode: the credential never reaches the browser, on any page', async ({ browser }) => {
  test.setTimeout(180_000);
  expect(launchUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}$/);
  const context = await newContext(browser);
  const seen = record(context);
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });

  // Opening the printed URL signs in and lands on the account's home (findings) without the token in the URL.
  await signIn(context, page);
  await expect(page).toHaveURL(new RegExp(`^${origin}/accounts/${ACCOUNT_ID}/?(\\?|$)`));
  expect(page.url()).not.toContain('token=');
  await expect(page.getByText(/^Live/).first()).toBeVisible();

  const groupId = firstId(`SELECT id FROM user_groups WHERE account_id = '${ACCOUNT_ID}' ORDER BY name LIMIT 1`);
  const permissionGroupId = firstId('SELECT id FROM permission_groups ORDER BY name LIMIT 1');
  const connectorId = firstId(`SELECT id FROM sso_connectors WHERE account_id = '${ACCOUNT_ID}' LIMIT 1`);
  const clientId = firstId(`SELECT client_id AS id FROM oauth_clients WHERE account_id = '${ACCOUNT_ID}' LIMIT 1`);
  const memberId = firstId(`SELECT id FROM account_members WHERE account_id = '${ACCOUNT_ID}' LIMIT 1`);

  await visit(page, seen, '/groups', 'User groups');
  await visit(page, seen, `/groups/${groupId}`, /./);
  await visit(page, seen, `/groups/${groupId}/members`, /./);
  await visit(page, seen, `/groups/${groupId}/policies`, /./);
  await visit(page, seen, `/groups/${groupId}/access`, /./);
  await visit(page, seen, `/members/${memberId}`, /./);
  await visit(page, seen, '/permission-groups', 'Permission groups');
  await visit(page, seen, `/permission-groups/${permissionGroupId}`, /./);
  await visit(page, seen, '/resource-groups', 'Resource groups');
  // Zones are named through the proxy too (GET /zones upstream, with the server's credential).
  await expect(page.getByRole('table', { name: 'Resource groups' }).getByText('acme.co.uk').first()).toBeVisible();
  expect(upstreamCalls.some((c) => c.path === '/client/v4/zones')).toBe(true);
  await visit(page, seen, '/sso', /SSO/);
  await visit(page, seen, `/sso/${connectorId}`, /./);
  await visit(page, seen, '/sso/new', /./);
  await visit(page, seen, '/oauth-clients', 'OAuth clients');
  await visit(page, seen, `/oauth-clients/${clientId}`, /./);
  await visit(page, seen, `/oauth-clients/${clientId}/edit`, /./);
  await visit(page, seen, '/oauth-clients/new', /./);
  await visit(page, seen, '/history', 'History');
  // In-app navigation and back, as an admin would.
  await page.getByRole('navigation').getByRole('link', { name: 'User groups' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'User groups' })).toBeVisible();
  await page.goBack();
  await page.waitForLoadState('networkidle');
  await snapshotStorage(page, seen);

  const cookies = await context.cookies();
  seen.texts.push({ where: 'cookies', text: JSON.stringify(cookies) });
  await Promise.all(seen.pending);

  // The pages really went through the live proxy with the server's credential …
  const apiCalls = upstreamCalls.filter((c) => c.path !== '/client/v4/user/tokens/verify');
  expect(apiCalls.length).toBeGreaterThan(15);
  expect(upstreamCalls.filter((c) => c.authorization !== `Bearer ${CREDENTIAL}`)).toEqual([]);
  expect(upstreamCalls.filter((c) => c.cookie !== undefined || c.console !== undefined)).toEqual([]);
  // … and the searches below had real material to search.
  expect(seen.texts.filter((t) => t.where.startsWith('response body') && t.where.includes('/assets/')).length).toBeGreaterThan(2);
  expect(seen.texts.filter((t) => t.where.startsWith('response body') && t.where.includes('/client/v4/')).length).toBeGreaterThan(15);

  const hits = seen.texts.filter((t) => t.text.includes(CREDENTIAL)).map((t) => t.where);
  expect(hits, 'places the browser saw the credential').toEqual([]);
  expect(consoleServer.output().includes(CREDENTIAL), 'the server printed the credential').toBe(false);

  // The session cookie is there, HttpOnly and SameSite=Strict; the launch token is in no URL visited since.
  const session = cookies.find((c) => c.name.startsWith('iam_console_session_'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  // Control: the search does find a secret that is meant to be there (the cookie's own value).
  expect(seen.texts.some((t) => t.where === 'cookies' && t.text.includes(session!.value))).toBe(true);
  const token = new URL(launchUrl).searchParams.get('token')!;
  expect(seen.texts.filter((t) => t.where === 'navigated URL' && t.text.includes(token))).toEqual([]);
  expect(seen.texts.filter((t) => t.where.startsWith('storage') && t.text.includes(token))).toEqual([]);
  expect(cspViolations).toEqual([]);
  await context.close();

  // The link is spent: a copy of it opened in another browser sets no session.
  const other = await newContext(browser);
  const replay = await other.request.get(launchUrl, { maxRedirects: 0 });
  expect(replay.status()).toBe(401);
  expect(replay.headers()['set-cookie']).toBeUndefined();
  expect(await replay.text()).toContain('works once');
  await other.close();
});

test('live mode: the served page has no inline script and a strict CSP', async ({ request }) => {
  const res = await request.get(`${origin}/groups`);
  const html = await res.text();
  expect(html).toContain('<div id="root">');
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
    ([, attrs, body]) => !/\bsrc\s*=/.test(attrs ?? '') || (body ?? '').trim() !== '',
  );
  expect(inline.map((m) => m[0])).toEqual([]);
  expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  const csp = res.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
  expect(res.headers()['referrer-policy']).toBe('no-referrer');
});

test('live mode: without the session cookie the API is refused, in the envelope', async ({ browser }) => {
  const context = await newContext(browser);
  const page = await context.newPage();
  const before = upstreamCalls.length;
  // The dashboard loads, but every API call it makes is refused: it says how to get in.
  await page.goto(`${origin}/accounts/${ACCOUNT_ID}/groups`);
  await expect(page.getByRole('alert')).toContainText('?token=', { timeout: 15_000 });
  const res = await page.request.get(`${origin}/client/v4/accounts`, { headers: { 'x-iam-console': '1' } });
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ success: false, errors: [{ code: 10000 }], result: null });
  // A wrong token opens nothing.
  const wrong = await page.request.get(`${origin}/?token=not-the-token`, { maxRedirects: 0 });
  expect(wrong.status()).toBe(401);
  expect(wrong.headers()['set-cookie']).toBeUndefined();
  expect(upstreamCalls.length).toBe(before);
  await context.close();
});

test('live mode: History shows the console’s own change and one made outside it, read from the upstream audit log', async ({ browser }) => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(context, page);
  const [first, second] = db
    .prepare(`SELECT id, name FROM user_groups WHERE account_id = ? ORDER BY name LIMIT 2 OFFSET 3`)
    .all(ACCOUNT_ID) as Array<{ id: string; name: string }>;

  // Outside the console (Terraform with its own token, straight at "Cloudflare"): only the audit log knows.
  const outside = await upstreamApi.request(`/client/v4/accounts/${ACCOUNT_ID}/iam/user_groups/${first!.id}`, {
    method: 'PUT',
    headers: { authorization: 'Bearer terraform-token', 'content-type': 'application/json' },
    body: JSON.stringify({ name: `${first!.name} (tf)` }),
  });
  expect(outside.status).toBe(200);

  // Through the console: rename the other group on its Overview tab.
  await page.goto(`${origin}/accounts/${ACCOUNT_ID}/groups/${second!.id}`);
  const form = page.getByRole('form', { name: 'Rename group' });
  await form.getByRole('textbox', { name: 'Group name' }).fill(`${second!.name} (console)`);
  await form.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${second!.name} (console)` })).toBeVisible();

  await page.goto(`${origin}/accounts/${ACCOUNT_ID}/history`);
  const tf = page.getByRole('article').filter({ hasText: `name: ${first!.name} → ${first!.name} (tf)` });
  await expect(tf).toContainText('API (SDK, Terraform…)');
  const mine = page.getByRole('article').filter({ hasText: `name: ${second!.name} → ${second!.name} (console)` });
  await expect(mine).toHaveCount(1); // its audit-log echo is linked, not listed twice
  await expect(mine).toContainText('This console');
  expect(upstreamCalls.some((c) => c.path === `/client/v4/accounts/${ACCOUNT_ID}/audit_logs`)).toBe(true);
  await expectNoA11yViolations(page);
  await context.close();
});
