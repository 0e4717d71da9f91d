import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { ApiError } from './api-error';
import { consoleRequest, request } from './client';

function respond(body: string | object, init: ResponseInit = {}) {
  const fetchMock = vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), init));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const item = z.object({ id: z.string() });

afterEach(() => vi.unstubAllGlobals());

describe('request()', () => {
  it('calls same-origin /client/v4 with the console header and returns the parsed result and result_info', async () => {
    const fetchMock = respond({
      success: true,
      errors: [],
      messages: [],
      result: [{ id: 'a' }],
      result_info: { page: 2, per_page: 5, count: 1, total_count: 6 },
    });
    const res = await request('/accounts', { query: { page: 2, name: '', direction: undefined }, schema: z.array(item) });
    expect(res).toEqual({ result: [{ id: 'a' }], resultInfo: { page: 2, per_page: 5, count: 1, total_count: 6 } });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/client/v4/accounts?page=2');
    expect((init.headers as Record<string, string>)['X-IAM-Console']).toBe('1');
    expect(init.body).toBeUndefined();
  });

  it('sends a JSON body with its content type', async () => {
    const fetchMock = respond({ success: true, errors: [], messages: [], result: { id: 'g' } });
    await request('/x', { method: 'POST', body: [{ id: 'm' }], schema: item });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.method).toBe('POST');
    expect(init.body).toBe('[{"id":"m"}]');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('asks the browser to finish small writes even if the page unloads (keepalive), never reads or large bodies', async () => {
    const fetchMock = respond({ success: true, errors: [], messages: [], result: { id: 'g' } });
    await request('/x', { method: 'PUT', body: { name: 'Renamed' }, schema: item });
    await request('/x', { schema: item });
    await request('/x', { method: 'PUT', body: { policies: 'p'.repeat(40_000) }, schema: item });
    const inits = fetchMock.mock.calls.map((call) => (call as unknown as [string, RequestInit])[1]);
    expect(inits.map((init) => init.keepalive)).toEqual([true, false, false]);
  });

  it('turns success:false into an ApiError with codes, messages and field pointers', async () => {
    respond(
      {
        success: false,
        errors: [
          { code: 1004, message: 'name: taken', source: { pointer: '/name' } },
          { code: 1001, message: 'general' },
        ],
        messages: [],
        result: null,
      },
      { status: 400 },
    );
    const error = await failure(request('/x', { schema: item }));
    expect(error.kind).toBe('api');
    expect(error.status).toBe(400);
    expect(error.fieldErrors()).toEqual({ '/name': 'name: taken' });
    expect(error.generalErrors()).toEqual([{ code: 1001, message: 'general', pointer: undefined }]);
    expect(error.isTransient).toBe(false);
  });

  it('reads Retry-After on a 429 and marks it transient', async () => {
    respond({ success: false, errors: [{ code: 10429, message: 'slow down' }], messages: [] }, { status: 429, headers: { 'Retry-After': '3' } });
    const error = await failure(request('/x', { schema: item }));
    expect(error.retryAfter).toBe(3);
    expect(error.isTransient).toBe(true);
  });

  it('a network failure is a transient ApiError, never an unhandled rejection of another type', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const error = await failure(request('/x', { schema: item }));
    expect(error.kind).toBe('network');
    expect(error.isTransient).toBe(true);
  });

  it('a body that is not JSON, or not the envelope, is an invalid-response error naming the status', async () => {
    respond('<html>bad gateway</html>', { status: 502 });
    const notJson = await failure(request('/x', { schema: item }));
    expect(notJson.kind).toBe('invalid-response');
    expect(notJson.message).toContain('502');
    respond({ hello: 'world' });
    expect((await failure(request('/x', { schema: item }))).kind).toBe('invalid-response');
  });

  it('a result that does not match the schema is an invalid-response error naming the path', async () => {
    respond({ success: true, errors: [], messages: [], result: { id: 7 } });
    const error = await failure(request('/groups/1', { schema: item }));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('/groups/1');
  });
});

describe('request(): a write happens once, and a lost answer is asked about, never resent', () => {
  const saved = { success: true, errors: [], messages: [], result: { id: 'g1' } };

  it('sends every write with its own write id, and no id on a read', async () => {
    const fetchMock = respond(saved);
    await request('/accounts/a/iam/user_groups', { method: 'POST', body: { name: 'x' }, schema: item });
    await request('/accounts/a/iam/user_groups', { method: 'POST', body: { name: 'y' }, schema: item });
    await request('/accounts/a/iam/user_groups', { schema: z.unknown() });
    const ids = fetchMock.mock.calls.map((call) => ((call as unknown as [string, RequestInit])[1].headers as Record<string, string>)['X-IAM-Write-Id']);
    expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(ids[1]).toMatch(/^[0-9a-f]{32}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids[2]).toBeUndefined();
  });

  it('a write whose answer was lost after the server saved it: "saved", with the saved object, and no second POST', async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      calls.push(`${init.method ?? 'GET'} ${url}`);
      if (url.startsWith('/client/v4/')) throw new TypeError('Failed to fetch');
      return Response.json({ result: { state: 'done', status: 200, body: saved } });
    });
    const res = await request('/accounts/a/iam/user_groups', { method: 'POST', body: { name: 'x' }, schema: item, writeId: 'w'.repeat(32) });
    expect(res.result).toEqual({ id: 'g1' });
    expect(calls).toEqual(['POST /client/v4/accounts/a/iam/user_groups', `GET /console-api/writes/${'w'.repeat(32)}`]);
  });

  it('a write the server never received: "nothing was saved"', async () => {
    vi.stubGlobal('fetch', async (url: string) => {
      if (url.startsWith('/client/v4/')) throw new TypeError('Failed to fetch');
      return Response.json({ errors: [{ code: 1003, message: 'never received' }] }, { status: 404 });
    });
    const error = await failure(request('/accounts/a/iam/user_groups', { method: 'POST', body: { name: 'x' }, schema: item }));
    expect(error.errors[0]!.message).toMatch(/^Nothing was saved/);
  });

  it('a saved answer that cannot be shown again (its secret is not kept) says it was saved', async () => {
    vi.stubGlobal('fetch', async (url: string) => {
      if (url.startsWith('/client/v4/')) throw new TypeError('Failed to fetch');
      return Response.json({ result: { state: 'done', status: 200, body: { success: true, errors: [], result: { client_id: 'c' } } } });
    });
    const withSecret = z.object({ client_id: z.string(), client_secret: z.string() });
    const error = await failure(request('/accounts/a/oauth_clients', { method: 'POST', body: {}, schema: withSecret }));
    expect(error.errors[0]!.message).toMatch(/^This was saved/);
  });
});

describe('request(): one guard for every write control', () => {
  it('the same write sent twice while the first is out is one request, and both callers get its answer', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fetchMock = vi.fn(async () => {
      await gate;
      return Response.json({ success: true, errors: [], messages: [], result: { id: 'c1' } });
    });
    vi.stubGlobal('fetch', fetchMock);
    const send = () => request('/accounts/a/sso_connectors/c1', { method: 'PATCH', body: { enabled: true }, schema: item });
    const first = send();
    const second = send();
    release();
    expect(await first).toEqual(await second);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    // Once answered, the same write again is a new request (the admin meant it again).
    await send();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('different writes are not merged', async () => {
    const fetchMock = respond({ success: true, errors: [], messages: [], result: { id: 'c1' } });
    await Promise.all([
      request('/accounts/a/sso_connectors/c1', { method: 'PATCH', body: { enabled: true }, schema: item }),
      request('/accounts/a/sso_connectors/c1', { method: 'PATCH', body: { enabled: false }, schema: item }),
    ]);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});

describe('consoleRequest(): the console server’s own calls throw the same ApiError', () => {
  it('puts a field the server names on the detail’s pointer, and keeps its status', async () => {
    respond({ errors: [{ field: 'name', message: 'name: must not be empty' }] }, { status: 400 });
    const error = await failure(consoleRequest('/__sandbox/dns/records', { method: 'POST', body: { name: '' }, schema: z.unknown() }));
    expect(error).toMatchObject({ status: 400, kind: 'api' });
    expect(error.errors).toEqual([{ code: 0, message: 'name: must not be empty', pointer: '/name' }]);
  });

  it('reads the envelope form too, and says when the server cannot be reached or answers oddly', async () => {
    respond({ success: false, errors: [{ code: 1001, message: 'finding_id: too long', source: { pointer: '/finding_id' } }] }, { status: 400 });
    expect((await failure(consoleRequest('/console-api/x', { schema: z.unknown() }))).errors[0]).toEqual({ code: 1001, message: 'finding_id: too long', pointer: '/finding_id' });
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    expect((await failure(consoleRequest('/console-api/x', { schema: z.unknown() }))).kind).toBe('network');
    respond({ unexpected: true });
    expect((await failure(consoleRequest('/console-api/x', { schema: z.object({ id: z.string() }) }))).kind).toBe('invalid-response');
  });
});
