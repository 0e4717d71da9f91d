import { expect, type APIRequestContext } from '@playwright/test';
import { ACCOUNT_ID } from './api.ts';

const STATUS = `/console-api/accounts/${ACCOUNT_ID}/membership-index`;

interface IndexStatus {
  state: 'building' | 'warm' | 'refreshing';
  as_of: string | null;
  progress: { groups: number; groups_indexed: number; members: number };
  last_build: { requests: number; seconds: number } | null;
}

export async function indexStatus(request: APIRequestContext): Promise<IndexStatus> {
  // A reused keep-alive connection the server has just closed (a reset): retried, as a read may be.
  const res = await request.get(STATUS, { maxRetries: 2 });
  expect(res.ok()).toBe(true);
  return (await res.json()) as IndexStatus;
}

/**
 * Waits until the membership index has finished a pass that started after now, so changes the
 * test made through the API directly (not through the console) are in it, as after "refresh".
 */
export async function freshIndex(request: APIRequestContext, timeout = 30_000): Promise<IndexStatus> {
  const since = Date.now();
  await request.post(`${STATUS}/refresh`);
  let status = await indexStatus(request);
  await expect
    .poll(
      async () => {
        status = await indexStatus(request);
        return status.state === 'warm' && Date.parse(status.as_of ?? '') >= since - 1000;
      },
      { timeout, intervals: [200, 500, 1000] },
    )
    .toBe(true);
  return status;
}
