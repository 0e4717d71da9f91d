import { chromium, type Page, type Request } from '@playwright/test';
import { startConsole } from './hardening-support.ts';
import { ACCOUNT_ID, printTable } from './support.ts';

/**
 * Requests per navigation, in Chromium against the production build: how many /client/v4 calls
 * each main navigation makes, in how many sequential "waves" (2+ means a request waited for
 * another: a waterfall), and what going back costs (0 = the cache was reused). A navigation is
 * over when no API call has been in flight for 600 ms.
 */

interface Call {
  path: string;
  start: number;
  end: number | null;
}

function watch(page: Page) {
  let calls: Call[] = [];
  const open = new Map<Request, Call>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/client/v4/')) return;
    const call = { path: url.pathname.replace(/[0-9a-f]{32}/g, ':id') + (url.search ? '?…' : ''), start: Date.now(), end: null };
    calls.push(call);
    open.set(request, call);
  });
  const done = (request: Request) => {
    const call = open.get(request);
    if (call) {
      // The browser's own timing (when it sent, when the last byte arrived), not event delivery.
      const timing = request.timing();
      if (timing.startTime > 0 && timing.responseEnd >= 0) {
        call.start = timing.startTime + Math.max(0, timing.requestStart);
        call.end = timing.startTime + timing.responseEnd;
      } else {
        call.end = Date.now();
      }
    }
    open.delete(request);
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    reset: () => {
      calls = [];
    },
    /** Waits until no call has been in flight for `quietMs`, then returns this navigation's calls. */
    settle: async (quietMs = 600): Promise<Call[]> => {
      let quietSince = Date.now();
      for (;;) {
        await page.waitForTimeout(100);
        if (open.size > 0) quietSince = Date.now();
        else if (Date.now() - quietSince >= quietMs) return calls;
      }
    },
  };
}

/** 1 + the number of calls that had to finish before this one started, chained: the longest chain. */
function waves(calls: Call[]): number {
  const depth = new Map<Call, number>();
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  for (const call of sorted) {
    const before = sorted.filter((c) => c !== call && c.end !== null && c.end <= call.start);
    depth.set(call, 1 + Math.max(0, ...before.map((c) => depth.get(c) ?? 1)));
  }
  return Math.max(0, ...depth.values());
}

export async function run(): Promise<void> {
  const server = await startConsole();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  const page = await browser.newPage({ baseURL: server.baseUrl });
  const net = watch(page);
  const rows: Array<Record<string, string | number>> = [];
  const step = async (navigation: string, act: () => Promise<unknown>) => {
    net.reset();
    await act();
    const calls = await net.settle();
    rows.push({
      navigation,
      requests: calls.length,
      waves: waves(calls),
      calls: [...new Set(calls.map((c) => c.path.replace(/^\/client\/v4/, '')))].join(' '),
    });
  };
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

  try {
    const groups = `/accounts/${ACCOUNT_ID}/groups`;
    // The account is in the URL: the shell's account list and the page's data go out together.
    await step(`open ${groups.replace(ACCOUNT_ID, ':id')} (cold load)`, async () => {
      await page.goto(groups);
      await h1('User groups');
    });
    let groupUrl = '';
    await step('→ a group (click)', async () => {
      await page.getByRole('table').getByRole('link').first().click();
      await page.waitForURL(/\/groups\/[0-9a-f]{32}/);
      groupUrl = page.url();
    });
    await step('→ Permission groups', async () => {
      await nav('Permission groups');
      await h1('Permission groups');
    });
    await step('→ Resource groups', async () => {
      await nav('Resource groups');
      await h1('Resource groups');
    });
    await step('→ SSO', async () => {
      await nav('SSO');
      await h1(/SSO/);
    });
    await step('→ OAuth clients', async () => {
      await nav('OAuth clients');
      await h1('OAuth clients');
    });
    await step('→ an OAuth client (click)', async () => {
      await page.getByRole('main').getByRole('link').filter({ hasNotText: /new|create/i }).first().click();
      await page.waitForURL(/\/oauth-clients\/[^/]+$/);
    });
    for (const back of ['OAuth clients', 'SSO', 'Resource groups', 'Permission groups', 'the group', 'User groups']) {
      await step(`← back to ${back}`, () => page.goBack());
    }
    await step('→ User groups again (nav link)', async () => {
      await nav('User groups');
      await h1('User groups');
    });
    // A shared link to a group, opened in a fresh tab: the group and the accounts in one wave.
    await step('open a group link (cold load)', async () => {
      await page.goto('about:blank');
      await page.goto(groupUrl);
      await page.getByRole('navigation', { name: 'User group sections' }).waitFor();
    });
    // An old link without the account: the account list first (to pick the account), then the page.
    await step('open /groups, an old link (cold load)', async () => {
      await page.goto('about:blank');
      await page.goto('/groups');
      await h1('User groups');
    });
    printTable('/client/v4 requests per navigation (waves > 1 = a request waited on another)', rows);
    const forward = rows.filter((r) => !String(r.navigation).startsWith('←'));
    const backs = rows.filter((r) => String(r.navigation).startsWith('←'));
    console.log(
      `forward navigations: ${forward.reduce((s, r) => s + Number(r.requests), 0)} requests over ${forward.length}, ` +
        `max waves ${Math.max(...forward.map((r) => Number(r.waves)))}; back navigations: ` +
        `${backs.reduce((s, r) => s + Number(r.requests), 0)} requests over ${backs.length}`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}
