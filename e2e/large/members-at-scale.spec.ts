import { accountPath, ACCOUNT_ID, expect, expectNoA11yViolations, test } from '../support/fixtures.ts';
import { indexStatus } from '../support/membership-index.ts';

/**
 * The large seed (10,000 more groups, 5,000 more members): find a person and see their groups
 * without a request per group. The membership index is built by the server in the background;
 * once it is warm, the journey — open Members, search, open the person — takes at most 20
 * /client/v4 requests from the browser, shows the groups within 5 s, and nothing answers 429.
 */

const ALL_STAFF = 'All Staff – Global';

test('open Members, search a person, open their page: their groups from the index, ≤ 20 API requests, no 429', async ({ page, api }) => {
  test.setTimeout(300_000);
  const v4: string[] = [];
  const refused: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/client/v4/')) v4.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  page.on('response', (r) => {
    if (r.status() === 429) refused.push(r.url());
  });

  // Opening Members starts the index; wait until its first pass is done (server-side work).
  await page.goto(accountPath('/members'));
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  // The first status answer waits on a cold server seeding and starting its index: allow it time.
  await expect(page.getByText(/^Building the membership index|^Memberships as of/)).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await indexStatus(page.request)).state, { timeout: 240_000, intervals: [2000] }).toBe('warm');
  const built = await indexStatus(page.request);
  expect(built.progress.groups).toBeGreaterThan(10_000);
  expect(built.progress.members).toBeGreaterThan(5_000);

  // Pick someone the index shows in more than one group, and check one of them with the API.
  const candidates = (await (await page.request.get(`/console-api/accounts/${ACCOUNT_ID}/members?sort=groups&direction=desc&per_page=5&q=acme`)).json()) as {
    members: Array<{ id: string; email: string; groups: Array<{ id: string; name: string }> }>;
  };
  const person = candidates.members[0]!;
  expect(person.groups.length).toBeGreaterThan(1);
  const other = person.groups.find((g) => g.name !== ALL_STAFF)!;
  expect((await api.get(`/accounts/${ACCOUNT_ID}/iam/user_groups/${other.id}/members/${person.id}`)).status).toBe(200);

  // The journey, counted from here: the index is warm.
  v4.length = 0;
  const warmAt = Date.now();
  await page.goto(accountPath('/members'));
  await expect(page.getByText(/^Memberships as of/)).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('searchbox', { name: 'Search by email or name' }).fill(person.email);
  const row = page.getByRole('row').filter({ hasText: person.email });
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: person.email }).click();
  await expect(page.getByRole('heading', { name: `Access of ${person.email}` })).toBeVisible();
  const groups = page.getByRole('region', { name: 'Groups' });
  await expect(groups.getByRole('link', { name: ALL_STAFF })).toBeVisible({ timeout: 5_000 });
  await expect(groups.getByRole('link', { name: other.name })).toBeVisible();
  const shownAfterMs = Date.now() - warmAt;
  await expectNoA11yViolations(page);

  test.info().annotations.push({ type: 'journey', description: `${v4.length} /client/v4 requests, groups shown ${shownAfterMs} ms after warm` });
  expect(v4.length, v4.join('\n')).toBeLessThanOrEqual(20);
  expect(refused).toEqual([]);
});
