import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createRequestBudget } from './budget.ts';
import { createV4Client, V4CallFailed, type V4Handler } from './v4-client.ts';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function clientAnswering(answer: (request: Request) => Response | Promise<Response>) {
  const seen: Request[] = [];
  const handle: V4Handler = async (request) => {
    seen.push(request);
    return answer(request);
  };
  return { client: createV4Client(handle, createRequestBudget()), seen };
}

describe('the console server’s own /client/v4 client', () => {
  it('sends a DELETE to the path and reads a success', async () => {
    const { client, seen } = clientAnswering(() => json(200, { success: true, errors: [], messages: [], result: { id: 'm1' } }));
    const answer = await client.send('/accounts/a/iam/user_groups/g/members/m1', 'DELETE');
    expect(answer).toEqual({ status: 200, succeeded: true, message: 'HTTP 200', retryAfterSeconds: null });
    expect(seen[0]!.method).toBe('DELETE');
    expect(new URL(seen[0]!.url).pathname).toBe('/client/v4/accounts/a/iam/user_groups/g/members/m1');
  });

  it('reports a refusal with the API’s own messages, and a 429’s Retry-After', async () => {
    const refused = clientAnswering(() => json(403, { success: false, errors: [{ code: 10000, message: 'Authentication error' }, { code: 9109, message: 'Unauthorized' }], result: null }));
    expect(await refused.client.send('/x', 'DELETE')).toEqual({ status: 403, succeeded: false, message: 'Authentication error; Unauthorized', retryAfterSeconds: null });
    const limited = clientAnswering(() => json(429, { success: false, errors: [{ code: 971, message: 'Please wait and consider throttling your request speed' }] }, { 'retry-after': '120' }));
    expect(await limited.client.send('/x', 'DELETE')).toMatchObject({ status: 429, succeeded: false, retryAfterSeconds: 120 });
  });

  it('a 2xx whose envelope does not say success is not a success; an empty error list still says the status', async () => {
    const { client } = clientAnswering(() => json(200, { success: false, errors: [], result: null }));
    expect(await client.send('/x', 'DELETE')).toMatchObject({ succeeded: false, message: 'HTTP 200' });
  });

  it('throws a network failure as status 0, for the caller to retry', async () => {
    const { client } = clientAnswering(() => {
      throw new TypeError('fetch failed');
    });
    const error = await client.send('/x', 'DELETE').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(V4CallFailed);
    expect((error as V4CallFailed).status).toBe(0);
  });

  it('reads a list page with its total pages, and today’s `result: null` as no items', async () => {
    const item = z.object({ id: z.string() });
    const page = clientAnswering(() => json(200, { success: true, result: [{ id: 'a' }], result_info: { total_count: 120, per_page: 50 } }));
    expect(await page.client.get('/l', item, { page: 1, per_page: 50 })).toEqual({ result: [{ id: 'a' }], totalPages: 3, totalCount: 120 });
    expect(new URL(page.seen[0]!.url).search).toBe('?page=1&per_page=50');
    const empty = clientAnswering(() => json(200, { success: true, result: null, result_info: { total_pages: 0 } }));
    expect((await empty.client.get('/l', item)).result).toEqual([]);
  });
});
