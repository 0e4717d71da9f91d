import { ErrorCode, errorBody } from '../../http/envelope.ts';
import { workerConfig, type WorkerEnv } from './env.ts';

const ACCOUNT_IN_PATH = /\/accounts\/([0-9a-f]{32})(?:\/|$)/;
const ACCOUNT_ID = /^[0-9a-f]{32}$/;

/**
 * Which Durable Object serves a request. Sandbox: one object, the whole emulated Cloudflare (its
 * accounts share the catalogues and the DNS stand-in, as in one sandbox.db). Live: one object per
 * account, so each account's journal and membership index have a single writer; calls that name
 * no account go to the pinned account's object, or a shared one.
 */
export function objectName(request: Request, live: boolean, pinnedAccount: string | undefined): string {
  if (!live) return 'sandbox';
  const url = new URL(request.url);
  // History names its account in the query (/console-api/history?account_id=…), the rest in the path.
  const queried = url.searchParams.get('account_id');
  const account = ACCOUNT_IN_PATH.exec(url.pathname)?.[1] ?? (queried && ACCOUNT_ID.test(queried) ? queried : undefined);
  return `account:${account ?? pinnedAccount ?? 'shared'}`;
}

/**
 * The body read here, whole, before the object sees the request: an object that answers without
 * reading it (a refusal, a 429) would otherwise leave the stream to the object half-sent, which
 * workerd reports as an error on the answer. Console bodies are small JSON.
 */
async function buffered(request: Request): Promise<Request> {
  if (request.method === 'GET' || request.method === 'HEAD' || request.body === null) return request;
  return new Request(request.url, { method: request.method, headers: request.headers, body: await request.arrayBuffer() });
}

/** The Worker's fetch: refuse to serve without Access settings, else hand the request to its object. */
export async function routeToObject(request: Request, env: WorkerEnv): Promise<Response> {
  let config;
  try {
    config = workerConfig(env);
  } catch (error) {
    // Never open by accident: without its Access settings the console serves nothing.
    const message = error instanceof Error ? error.message : 'Misconfigured';
    return Response.json(errorBody([{ code: ErrorCode.internal, message }]), { status: 503 });
  }
  const name = objectName(request, Boolean(config.upstream), config.upstream?.accountId);
  return env.CONSOLE.get(env.CONSOLE.idFromName(name)).fetch(await buffered(request));
}
