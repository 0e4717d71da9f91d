// `npx tsx scripts/screenshots.ts`: the README's screenshots in docs/, at a desktop (1440 px) and a
// phone (390 px) width, from a production build on a fresh sandbox (default seed).
import { chromium, type Page } from '@playwright/test';
import { startConsole } from '../bench/hardening-support.ts';
import { ACCOUNT_ID } from '../bench/support.ts';

const DOCS = new URL('../docs/', import.meta.url).pathname;
const WIDTHS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;

async function groupWithPolicies(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/client/v4/accounts/${ACCOUNT_ID}/iam/user_groups?per_page=50`, {
    headers: { authorization: 'Bearer docs', 'x-iam-console': '1' },
  });
  const body = (await res.json()) as { result: Array<{ id: string; policies: unknown[] }> };
  const group = body.result.find((g) => g.policies.length >= 2) ?? body.result[0];
  if (!group) throw new Error('the sandbox seed has no user group');
  return group.id;
}

async function shoot(page: Page, path: string, file: string, ready: (page: Page) => Promise<unknown>) {
  await page.goto(path);
  await ready(page);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${DOCS}${file}` });
  console.log(`docs/${file}`);
}

const server = await startConsole();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  const groupId = await groupWithPolicies(server.baseUrl);
  const account = `/accounts/${ACCOUNT_ID}`;
  for (const [name, viewport] of Object.entries(WIDTHS)) {
    const page = await browser.newPage({ baseURL: server.baseUrl, viewport, colorScheme: 'light' });
    const h1 = (text: string | RegExp) => (p: Page) => p.getByRole('heading', { level: 1, name: text }).first().waitFor();
    await shoot(page, `${account}/groups`, `groups-${viewport.width}.png`, h1('User groups'));
    await shoot(page, `${account}/groups/${groupId}/policies`, `policies-${viewport.width}.png`, (p) =>
      p.getByRole('region', { name: 'Policy 1', exact: true }).waitFor(),
    );
    await shoot(page, `${account}/sso`, `sso-${viewport.width}.png`, h1(/SSO/));
    if (name === 'phone') {
      await page.goto(`${account}/groups`);
      await page.getByRole('button', { name: 'Open navigation' }).click();
      await page.getByRole('dialog', { name: 'IAM Console' }).waitFor();
      await page.screenshot({ path: `${DOCS}menu-390.png` });
      console.log('docs/menu-390.png');
      await shoot(page, `${account}/groups/${'0'.repeat(32)}`, 'gone-group-390.png', h1('User group not found'));
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
