import type { UpstreamCredential } from '../config.ts';

/** Headers that describe one hop, or carry the browser's identity, and must not be forwarded. */
const DROPPED_REQUEST_HEADERS = [
  'host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'te', 'trailer',
  'proxy-authorization', 'proxy-connection', 'cookie', 'origin', 'referer', 'content-length',
  'authorization', 'x-auth-email', 'x-auth-key', 'x-iam-console', 'accept-encoding',
  // Answered by this server's own 100 Continue; Node's fetch refuses it outright (a false 502).
  'expect',
  // The sandbox's fault-injection switch means nothing to the real API.
  'x-sandbox-fault',
  // The journal's revert marker (server/console/journal/) is for this server only.
  'x-iam-console-revert',
];
const DROPPED_RESPONSE_HEADERS = [
  'connection', 'keep-alive', 'transfer-encoding', 'set-cookie', 'content-encoding', 'content-length',
];

export interface UpstreamOptions {
  baseUrl: string;
  credential: UpstreamCredential;
  fetchImpl?: typeof fetch;
}

/**
 * Forwards a `/client/v4/...` request to the real API with the server's credential added.
 * The response body and status pass through unchanged.
 */
export async function forwardToUpstream(request: Request, options: UpstreamOptions): Promise<Response> {
  const url = new URL(request.url);
  const target = options.baseUrl + url.pathname.replace(/^\/client\/v4/, '') + url.search;
  const headers = new Headers(request.headers);
  for (const name of DROPPED_REQUEST_HEADERS) headers.delete(name);
  for (const [name, value] of Object.entries(options.credential.headers)) headers.set(name, value);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const upstream = await (options.fetchImpl ?? fetch)(target, {
    method: request.method,
    headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    redirect: 'manual',
  });
  const responseHeaders = new Headers(upstream.headers);
  for (const name of DROPPED_RESPONSE_HEADERS) responseHeaders.delete(name);
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
}
