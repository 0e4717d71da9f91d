import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/**
 * Live mode against Cloudflare's published schema (issue 24): the console's server forwards every
 * /client/v4 call to `prism mock` on server/contract/iam-openapi.json — its examples in the
 * `prism-examples` project, generated answers in `prism-generated`. Every page of an account opens
 * without an error banner, and a group's policies render.
 *
 * Ids are the schema's own examples (Prism answers any well-formed id; with `-d` the answer's
 * content is random, so what the page shows is checked against what the API answered).
 */

/** The schema's example ids. */
const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
const GROUP = '023e105f4ecef8ad9ca31a8372d0c353';
const MEMBER = '4536bcfad5faccb111b47003c79917fa';
const PERMISSION_GROUP = 'c8fed203ed3043cba015a93ad1616f1f';
const RESOURCE_GROUP = '6d7f2f5f5b1d4a0e9081fdc98d432fd1';
const SSO_CONNECTOR = '023e105f4ecef8ad9ca31a8372d0c353';
const OAUTH_CLIENT = '023e105f4ecef8ad9ca31a8372d0c353';

/**
 * Every route under src/routes/accounts/$accountId/, with the schema's example ids. A member's page
 * is opened from the Members list instead: it reads the membership index, which holds whoever
 * the API listed (with `-d`, random people).
 */
const PAGES: Array<{ name: string; path: string; fromLink?: boolean }> = [
  { name: 'Findings', path: '' },
  { name: 'User groups', path: '/groups' },
  { name: 'Group overview', path: `/groups/${GROUP}` },
  { name: 'Group policies', path: `/groups/${GROUP}/policies` },
  { name: 'Group members', path: `/groups/${GROUP}/members` },
  { name: 'Group access', path: `/groups/${GROUP}/access` },
  { name: 'Group history', path: `/groups/${GROUP}/history` },
  { name: 'Members', path: '/members' },
  { name: 'Member access', path: '/members', fromLink: true },
  { name: 'Permission groups', path: '/permission-groups' },
  { name: 'Permission group', path: `/permission-groups/${PERMISSION_GROUP}` },
  { name: 'Resource groups', path: '/resource-groups' },
  { name: 'Resource group history', path: `/resource-groups/${RESOURCE_GROUP}/history` },
  { name: 'SSO', path: '/sso' },
  { name: 'New SSO connector', path: '/sso/new' },
  { name: 'SSO connector', path: `/sso/${SSO_CONNECTOR}` },
  { name: 'SSO connector setup', path: `/sso/${SSO_CONNECTOR}/setup` },
  { name: 'SSO connector history', path: `/sso/${SSO_CONNECTOR}/history` },
  { name: 'History', path: '/history' },
  { name: 'OAuth clients', path: '/oauth-clients' },
  { name: 'New OAuth client', path: '/oauth-clients/new' },
  { name: 'OAuth client', path: `/oauth-clients/${OAUTH_CLIENT}` },
  { name: 'OAuth client edit', path: `/oauth-clients/${OAUTH_CLIENT}/edit` },
  { name: 'OAuth client history', path: `/oauth-clients/${OAUTH_CLIENT}/history` },
  { name: 'OAuth client publish', path: `/oauth-clients/${OAUTH_CLIENT}/publish` },
  { name: 'OAuth client rotate', path: `/oauth-clients/${OAUTH_CLIENT}/rotate` },
];

/** The API calls the page has in flight (the console's own and the forwarded Cloudflare ones). */
function trackApiCalls(page: Page): Set<Request> {
  const inFlight = new Set<Request>();
  const isApi = (request: Request) => /\/(client\/v4|console-api)\//.test(request.url());
  page.on('request', (request) => {
    if (isApi(request)) inFlight.add(request);
  });
  page.on('requestfinished', (request) => inFlight.delete(request));
  page.on('requestfailed', (request) => inFlight.delete(request));
  return inFlight;
}

/**
 * The page shows its heading or an alert, says nothing is loading (skeletons and "Loading…" /
 * "Reading…" statuses — a read that failed with a 5xx stays loading through its retries), no API
 * call is in flight, and React has rendered what came back.
 */
async function settled(page: Page, inFlight: Set<Request>) {
  await expect(page.getByRole('heading', { level: 1 }).or(page.getByRole('alert')).first()).toBeVisible();
  const loading = page
    .getByRole('status', { name: /^Loading/ })
    .or(page.getByRole('status').filter({ hasText: /^(Loading|Reading|Checking|Matching)\b/ }));
  await expect
    .poll(async () => inFlight.size + (await loading.count()), { message: 'the page is still loading', timeout: 30_000 })
    .toBe(0);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Read once the page has settled (no retrying wait on a negative), as a soft assertion: the run
 * goes on to the next page, so one run names every page that fails and why.
 */
const LOCKOUT_WARNING = /^No super administrator can sign in without SSO for /;
/** The setup's explanation of a failed verification: an alert by design, for a connector whose status is failed. */
const VERIFICATION_FAILED = /^Cloudflare did not find the right TXT record at /;

async function expectNoErrorBanner(page: Page, name: string) {
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 300);
  // Generated answers may give the connector a failed verification: its setup then says why.
  const verificationFailed = (await page.getByRole('heading', { name: 'Verification failed' }).count()) > 0;
  const problems = [
    ...(await page.getByRole('heading', { level: 1, name: 'Page not found' }).allInnerTexts()),
    // The app's error banners (ErrorBanner, the account banner, a policy card's errors) are alerts.
    ...(await page.getByRole('alert').allInnerTexts())
      // What the data says, not a failure: generated accounts may have no super administrator,
      // and the SSO page must then warn of the lockout (it is an alert by design).
      .filter((text) => !LOCKOUT_WARNING.test(text) && !(verificationFailed && VERIFICATION_FAILED.test(text)))
      .map((text) => `alert: ${squash(text)}`),
    ...(await page.getByText(/could not be loaded/i).allInnerTexts()).map((text) => `text: ${squash(text)}`),
  ];
  expect.soft(problems, `${name} (${page.url()}): no error banner`).toEqual([]);
}

test('every page of an account opens in live mode against Prism on the schema, and a group shows its policies', async ({ page, liveConsole }) => {
  const inFlight = trackApiCalls(page);
  // The group's own answer, as the console got it from Prism.
  let groupAnswer: { result?: { policies?: unknown[] | null } } | undefined;
  page.on('response', async (response) => {
    if (response.request().method() === 'GET' && new URL(response.url()).pathname.endsWith(`/iam/user_groups/${GROUP}`)) {
      groupAnswer = await response.json().catch(() => undefined);
    }
  });

  await test.step('the launch link sets the session', async () => {
    await page.goto(liveConsole.launchUrl);
    await expect(page).not.toHaveURL(/token=/);
    await settled(page, inFlight);
  });

  for (const { name, path, fromLink } of PAGES) {
    await test.step(name, async () => {
      await page.goto(`${liveConsole.origin}/accounts/${ACCOUNT}${path}`);
      if (fromLink) {
        await settled(page, inFlight);
        // A generated member id may be any string, the empty one too: follow the first link that
        // names a member (an empty id's link leads back to the list, which the Members step covers).
        const hrefs = await page.getByRole('main').getByRole('table').getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
        const person = hrefs.find((href) => /\/members\/[^/?]+/.test(href));
        if (person) {
          await page.getByRole('main').getByRole('table').locator(`a[href="${person}"]`).first().click();
          await expect(page).toHaveURL(/\/members\/[^/?]+/);
          const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
          if (!/^[0-9a-f]{32}$/.test(id)) {
            // A generated id the real API could not have (member ids are 32 hex characters, TODAY.md
            // row 28): the direct lookup cannot ask for it, and the page says so as that one alert.
            await settled(page, inFlight);
            await expect(page.getByRole('alert')).toHaveText(/^No such member/);
            return;
          }
        } else {
          // Generated answers may list nobody: the schema's example member is then someone the API
          // never listed, and the page must say so — as that one named alert, not an error.
          await page.goto(`${liveConsole.origin}/accounts/${ACCOUNT}/members/${MEMBER}`);
          await settled(page, inFlight);
          await expect(page.getByRole('alert')).toHaveText(/^No such member/);
          return;
        }
      }
      await settled(page, inFlight);
      await expectNoErrorBanner(page, name);

      if (name === 'Group policies') {
        expect.soft(groupAnswer, 'the console read the group from the API').toBeDefined();
        const policies = groupAnswer?.result?.policies ?? [];
        if (test.info().project.name === 'prism-examples') {
          expect.soft(policies.length, "the schema's example group has a policy").toBeGreaterThan(0);
        }
        await expect.soft(page.getByRole('region', { name: /^Policy \d+$/ }), 'one card per policy the API answered').toHaveCount(policies.length);
      }
    });
  }
});
