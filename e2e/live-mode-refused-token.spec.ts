import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { errorBody } from '../server/http/envelope.ts';
import { startConsoleServer, type ConsoleServer } from './support/console-server.ts';
import { ACCOUNT_ID, expect, expectNoA11yViolations, test } from './support/fixtures.ts';

/**
 * Issue 30 item 3: live mode started with a token Cloudflare refuses. The server learns that at
 * start (/user/tokens/verify answers "Invalid API Token"), so the page must say the token itself
 * was refused, not send the admin to look for a missing permission. The stand-in upstream answers
 * as Cloudflare does for an unknown token: 401 on the verify call, 403 "Authentication error" on
 * everything else.
 */

let upstream: ServerType;
let consoleServer: ConsoleServer;
let launchUrl = '';

test.beforeAll(async () => {
  const standIn = new Hono();
  standIn.all('*', (c) =>
    new URL(c.req.url).pathname.endsWith('/user/tokens/verify')
      ? c.json(errorBody([{ code: 1000, message: 'Invalid API Token' }]), 401)
      : c.json(errorBody([{ code: 10000, message: 'Authentication error' }]), 403),
  );
  const upstreamPort = await new Promise<number>((resolve) => {
    upstream = serve({ fetch: standIn.fetch, hostname: '127.0.0.1', port: 0 }, (info) => resolve(info.port));
  });
  consoleServer = await startConsoleServer({
    CLOUDFLARE_API_TOKEN: 'cf-e2e-refused-token-0123456789abcdef0123456789',
    CLOUDFLARE_API_BASE: `http://127.0.0.1:${upstreamPort}/client/v4`,
  });
  launchUrl = consoleServer.launchUrl;
});

test.afterAll(async () => {
  await consoleServer?.stop();
  await new Promise((resolve) => upstream?.close(resolve));
});

test('live mode with a refused token: the page says the token was refused, not that it lacks a permission', async ({ browser }) => {
  expect(consoleServer.output()).toContain('the API token was refused: Invalid API Token');
  const context = await browser.newContext({ baseURL: undefined });
  const page = await context.newPage();
  await page.goto(launchUrl);
  const origin = new URL(launchUrl).origin;

  const alert = page.getByRole('alert').first();
  await expect(alert).toContainText('Cloudflare refused the API token', { timeout: 15_000 });
  await expect(alert).toContainText('Invalid API Token');
  await expect(page.getByText(/check its permissions|lacks a permission|lacks “/i)).toHaveCount(0);
  await expectNoA11yViolations(page);

  // The same on an account page, and the server says so to any client that asks.
  await page.goto(`${origin}/accounts/${ACCOUNT_ID}/groups`);
  await expect(page.getByRole('alert').first()).toContainText('Cloudflare refused the API token', { timeout: 15_000 });
  await expect(page.getByText(/check its permissions|lacks a permission|lacks “/i)).toHaveCount(0);
  const mode = await page.request.get(`${origin}/console-api/mode`);
  expect(await mode.json()).toMatchObject({ mode: 'live', credential: { status: 'refused', message: 'Invalid API Token' } });
  await context.close();
});
