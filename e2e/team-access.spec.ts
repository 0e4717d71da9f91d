import { generateKeyPair, SignJWT } from 'jose';
import { readFileSync } from 'node:fs';
import { ACCESS_STANDIN, signAccessToken } from './support/access-token.ts';
import { ACCOUNT_ID, expect, expectNoA11yViolations, test } from './support/fixtures.ts';

/**
 * Team mode on Workers (playwright.workers.config.ts only): Cloudflare Access signs admins in, and
 * the Worker refuses any request without a valid Access token — checked here over real HTTP
 * against `wrangler dev`, with tokens signed by the local Access stand-in.
 */
const GROUPS = `/client/v4/accounts/${ACCOUNT_ID}/iam/user_groups`;

test('the header shows who is signed in through Access', async ({ page, accessEmail }) => {
  await page.goto('/groups');
  await expect(page.getByRole('heading', { level: 1, name: 'User groups' })).toBeVisible();
  await expect(page.getByRole('banner').getByText(`Signed in as ${accessEmail}`)).toBeVisible();
  await expectNoA11yViolations(page);
});

test('each admin is the one their own token names', async ({ browser, baseURL, accessKeyFile }) => {
  const token = await signAccessToken({ keyFile: accessKeyFile!, email: 'grace@acme.example' });
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { 'cf-access-jwt-assertion': token } });
  const page = await context.newPage();
  await page.goto('/groups');
  await expect(page.getByRole('banner').getByText('Signed in as grace@acme.example')).toBeVisible();
  await context.close();
});

test.describe('requests without a valid Access token are refused', () => {
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
      for (const path of [GROUPS, '/console-api/mode', '/groups', '/']) {
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
    const res = await page.goto('/groups');
    expect(res?.status()).toBe(401);
    await expect(page.getByText('Sign in through Cloudflare Access')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'User groups' })).toHaveCount(0);
    await context.close();
  });
});
