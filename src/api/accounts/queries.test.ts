import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api-error';
import { consoleModeQuery } from './queries';
import { sandboxLogosQuery } from '../sandbox-logos';

function respond(body: object, init: ResponseInit = {}) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), init));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('the console-api reads go through the one client', () => {
  it('/console-api/mode sends the console header and a refusal is an ApiError with the server’s message', async () => {
    const fetchMock = respond({ success: false, errors: [{ code: 10000, message: 'Sign in through Cloudflare Access first' }] }, { status: 403 });
    const error = await new QueryClient().fetchQuery({ ...consoleModeQuery, retry: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).errors[0]).toMatchObject({ code: 10000, message: 'Sign in through Cloudflare Access first' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/console-api/mode');
    expect((init.headers as Record<string, string>)['X-IAM-Console']).toBe('1');
  });

  it('the sandbox logos are read with the console header, and a server without them shows none', async () => {
    const fetchMock = respond({ logos: [{ uri: 'https://acme.example/logo.png', path: '/__sandbox/logos/acme.png' }] });
    const logos = await new QueryClient().fetchQuery(sandboxLogosQuery);
    expect([...logos]).toEqual([['https://acme.example/logo.png', '/__sandbox/logos/acme.png']]);
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>)['X-IAM-Console']).toBe('1');

    respond({ errors: [{ message: 'No route' }] }, { status: 404 });
    expect((await new QueryClient().fetchQuery(sandboxLogosQuery)).size).toBe(0);
  });
});
