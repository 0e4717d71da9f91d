import type { UpstreamCredential } from '../config.ts';

/**
 * What crosses the proxy is an allow-list in both directions: the real API needs nothing else
 * from the browser (its Access JWT, its address, its cookies and any `X-*` header stay here), and
 * the browser needs nothing else from the API (an upstream's CORS grant or cookie must not reach
 * this origin's pages).
 */
export const FORWARDED_REQUEST_HEADERS = ['accept', 'content-type'] as const;
export const RETURNED_RESPONSE_HEADERS = [
  'content-type',
  'content-disposition',
  // The rate limit: the console's budget and the SPA's lockout countdown read these.
  'ratelimit',
  'ratelimit-policy',
  'retry-after',
  // Cloudflare support asks for the ray id of a failed call.
  'cf-ray',
] as const;

export interface UpstreamOptions {
  baseUrl: string;
  credential: UpstreamCredential;
  fetchImpl?: typeof fetch;
}

/** The credential's secret parts, which no answer may carry back to the browser. */
function secretsOf(credential: UpstreamCredential): string[] {
  return Object.entries(credential.headers)
    .map(([name, value]) => (name === 'authorization' ? value.replace(/^Bearer\s+/i, '') : name === 'x-auth-key' ? value : ''))
    .filter((secret) => secret.length >= 8);
}

const WITHHELD = JSON.stringify({
  success: false,
  errors: [{ code: 502, message: 'The Cloudflare API answered with this server’s credential in the body; the answer was withheld.' }],
  messages: [],
  result: null,
});

/**
 * Forwards a `/client/v4/...` request to the real API with the server's credential added.
 * Status and body pass through, unless the body contains the credential (an upstream that echoes
 * a header in an error message), which answers 502 instead.
 */
export async function forwardToUpstream(request: Request, options: UpstreamOptions): Promise<Response> {
  const url = new URL(request.url);
  const target = options.baseUrl + url.pathname.replace(/^\/client\/v4/, '') + url.search;
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  for (const [name, value] of Object.entries(options.credential.headers)) headers.set(name, value);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const upstream = await (options.fetchImpl ?? fetch)(target, {
    method: request.method,
    headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    redirect: 'manual',
  });
  const responseHeaders = new Headers();
  for (const name of RETURNED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) responseHeaders.set(name, value);
  }
  const body = await upstream.arrayBuffer();
  const text = new TextDecoder().decode(body);
  if (secretsOf(options.credential).some((secret) => text.includes(secret))) {
    return new Response(WITHHELD, { status: 502, headers: { 'content-type': 'application/json' } });
  }
  return new Response(request.method === 'HEAD' ? null : body, { status: upstream.status, headers: responseHeaders });
}
