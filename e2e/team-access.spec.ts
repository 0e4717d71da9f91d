import { generateKeyPair, SignJWT } from 'jose';
import { readFileSync } from 'node:fs';
import { ACCESS_STANDIN, signAccessToken } from './support/access-token.ts';
import type { Browser } from '@playwright/test';
import { ACCOUNT_ID, accountPath, expect, expectNoA11yViolations, test } from './support/fixtures.ts';

/**
 * Team mode on Workers (tagged `@workers-only`: only the `workers` project runs it, axe included):
 * Cloudflare Access signs admins in, and the Worker refuses any request without a valid Access
 * token — checked here over real HTTP against `wrangler dev`, with tokens signed by the local
 * Access stand-in.
 */
const GROUPS = `/client/v4/accounts/${ACCOUNT_ID}/iam/user_groups`;

/** A browser of its own for one admin, every request carrying that admin's Access token. */
async function signedInAs(browser: Browser, baseURL: string | undefined, keyFile: string, email: string) {
  const token = await signAccessToken({ keyFile, email });
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { 'cf-access-jwt-assertion': token } });
  return { context, page: await context.newPage() };
}

test('the header shows who is signed in through Access', { tag: '@workers-only' }, async ({ page, accessEmail }) => {
  await page.goto(accountPath('/groups'));
  await expect(page.getByRole('heading', { level: 1, name: 'User groups' })).toBeVisible();
  await expect(page.getByRole('banner').getByText(`Signed in as ${accessEmail}`)).toBeVisible();
  await expectNoA11yViolations(page);
});

test('each admin is the one their own token names', { tag: '@workers-only' }, async ({ browser, baseURL, accessKeyFile }) => {
  const { context, page } = await signedInAs(browser, baseURL, accessKeyFile!, 'grace@acme.example');
  await page.goto(accountPath('/groups'));
  await expect(page.getByRole('banner').getByText('Signed in as grace@acme.example')).toBeVisible();
  await context.close();
});

test('two admins each create a group; History shows each change under its own admin’s email', { tag: '@workers-only' }, async ({ browser, baseURL, accessKeyFile, api }) => {
  test.setTimeout(150_000); // two browsers, two creates and a History visit on wrangler dev
  const stamp = Date.now().toString(36);
  const admins = [
    { email: `ada.${stamp}@acme.example`, group: `Team Ada ${stamp}` },
    { email: `grace.${stamp}@acme.example`, group: `Team Grace ${stamp}` },
  ];
  for (const admin of admins) {
    const { context, page } = await signedInAs(browser, baseURL, accessKeyFile!, admin.email);
    await page.goto(accountPath('/groups'));
    await page.getByRole('button', { name: 'Create group' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a user group' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(admin.group);
    await dialog.getByRole('button', { name: 'Create group' }).click();
    await expect(page.getByRole('heading', { name: admin.group, level: 1 })).toBeVisible();
    expect((await api.get<Array<{ name: string }>>(`/accounts/${ACCOUNT_ID}/iam/user_groups`, { name: admin.group })).result.map((g) => g.name)).toEqual([admin.group]);
    await context.close();
  }

  // Either admin sees both changes, each by the admin who made it.
  const { context, page } = await signedInAs(browser, baseURL, accessKeyFile!, admins[0]!.email);
  await page.goto(accountPath('/history'));
  for (const admin of admins) {
    const entry = page.getByRole('article').filter({ hasText: admin.group });
    await expect(entry).toHaveCount(1);
    await expect(entry.getByText(`by ${admin.email}`)).toBeVisible();
  }
  await expectNoA11yViolations(page);
  // The same from the History API, which the filter by actor uses.
  const res = await page.request.get(`/console-api/history?account_id=${ACCOUNT_ID}&actor=${encodeURIComponent(admins[1]!.email)}`);
  const entries = ((await res.json()) as { entries: Array<{ actor: { label: string }; resource: { name: string } }> }).entries;
  expect(entries.map((e) => [e.resource.name, e.actor.label])).toEqual([[admins[1]!.group, admins[1]!.email]]);
  await context.close();
});

test.describe('requests without a valid Access token are refused', { tag: '@workers-only' }, () => {
  // Plain fetch, not a Playwright context: those inherit the signed-in token of the test's options.
  const get = (baseURL: string | undefined, path: string, headers: Record<string, string>) => fetch(`${baseURL}${path}`, { headers });

  async function otherKeyToken(kid: string) {
    const { privateKey } = await generateKeyPair('RS256');
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ email: 'mallory@evil.example' })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(ACCESS_STANDIN.issuer)
      .setAudience([ACCESS_STANDIN.audience])
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(privateKey);
  }

  test('no token, expired, wrong AUD, wrong issuer, wrong signature: 401/403 in the envelope, on API and pages', async ({ baseURL, accessKeyFile }) => {
    const keyFile = accessKeyFile!;
    const { kid } = JSON.parse(readFileSync(keyFile, 'utf8')) as { kid: string };
    const cases: Array<[string, string | null, number, number]> = [
      ['no token', null, 401, 10000],
      ['expired', await signAccessToken({ keyFile, email: 'ada@acme.example', expiresIn: -60 }), 401, 10000],
      ['wrong AUD', await signAccessToken({ keyFile, email: 'ada@acme.example', audience: 'another-application' }), 403, 9109],
      ['wrong issuer', await signAccessToken({ keyFile, email: 'ada@acme.example', issuer: 'https://evil.cloudflareaccess.com' }), 403, 9109],
      ['wrong signature', await otherKeyToken(kid), 403, 9109],
    ];
    for (const [label, token, status, code] of cases) {
      for (const path of [GROUPS, '/console-api/mode', accountPath('/groups'), '/']) {
        const headers: Record<string, string> = { 'x-iam-console': '1' };
        if (token) headers['cf-access-jwt-assertion'] = token;
        const res = await get(baseURL, path, headers);
        expect(res.status, `${label} ${path}`).toBe(status);
        const body = await res.json();
        expect(body, `${label} ${path}`).toMatchObject({ success: false, result: null, errors: [{ code }] });
      }
    }
    // The same token as a cookie, as Access sets it after sign-in, is accepted.
    const good = await signAccessToken({ keyFile, email: 'ada@acme.example' });
    const res = await get(baseURL, '/console-api/mode', { cookie: `CF_Authorization=${good}` });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ mode: 'sandbox', signedInAs: 'ada@acme.example' });
  });

  test('a browser without a token gets the refusal, not the console', async ({ browser, baseURL }) => {
    // Replaces (not merges with) the signed-in token the test's options would give the context.
    const context = await browser.newContext({ baseURL, extraHTTPHeaders: {} });
    const page = await context.newPage();
    const res = await page.goto(accountPath('/groups'));
    expect(res?.status()).toBe(401);
    await expect(page.getByText('Sign in through Cloudflare Access')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'User groups' })).toHaveCount(0);
    await context.close();
  });
});
