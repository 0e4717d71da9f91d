import type { Page, Request } from '@playwright/test';

/** One request a fault was planned for, as the page sent it. */
export interface SentRequest {
  method: string;
  /** When it left the browser (ms): the gaps between retries are the backoff. */
  at: number;
  /** What the sandbox was asked to do with it, or null when it went through untouched. */
  fault: string | null;
}

/**
 * Adds `X-Sandbox-Fault: <fault>` (server/sandbox/faults.ts) to the /client/v4 requests `matches`
 * picks: `plan(n)` gives the fault for the n-th such request (0-based), or null to let it through.
 * Returns the log of those requests, growing as the page sends them.
 */
export async function injectFaults(page: Page, matches: (request: Request) => boolean, plan: (n: number) => string | null): Promise<SentRequest[]> {
  const sent: SentRequest[] = [];
  await page.route(
    (url) => url.pathname.startsWith('/client/v4/'),
    async (route) => {
      const request = route.request();
      if (!matches(request)) return route.fallback();
      const fault = plan(sent.length);
      sent.push({ method: request.method(), at: Date.now(), fault });
      await route.continue(fault ? { headers: { ...request.headers(), 'x-sandbox-fault': fault } } : undefined);
    },
  );
  return sent;
}
