import { ACCESS_COOKIE, ACCESS_HEADER, createAccessVerifier, type AccessVerifier } from '../../security/access.ts';
import { SecurityCode } from '../../security/refuse.ts';
import { MAX_BODY_BYTES, readWithin } from '../../http/body-limit.ts';
import { listAccountIds } from '../../http/account-ids.ts';
import { ErrorCode, errorBody } from '../../http/envelope.ts';
import type { ServerConfig } from '../../config.ts';

/**
 * What the Worker checks before it reads a body or wakes a Durable Object: an unauthenticated
 * request must cost nothing but the check (an attack audit made 100 objects with 100 requests,
 * and raised workerd to 503 MB with bodies it read before the 401).
 */

type Refusal = Response;

function refusal(status: number, code: number, message: string): Refusal {
  return Response.json(errorBody([{ code, message }]), { status, headers: { 'cache-control': 'no-store' } });
}

function cookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

let verifierCache: { key: string; verify: AccessVerifier } | null = null;

/** One verifier per isolate and Access setting, so the team's keys are fetched once, not per request. */
function verifierFor(access: NonNullable<ServerConfig['access']>): AccessVerifier {
  const key = `${access.issuer}|${access.audience}|${access.jwksUrl}`;
  if (verifierCache?.key !== key) verifierCache = { key, verify: createAccessVerifier(access) };
  return verifierCache.verify;
}

export async function checkAccess(request: Request, access: NonNullable<ServerConfig['access']>, verify?: AccessVerifier): Promise<Refusal | null> {
  const token = request.headers.get(ACCESS_HEADER) ?? cookie(request, ACCESS_COOKIE);
  const result = await (verify ?? verifierFor(access))(token);
  if (result.ok) return null;
  if (result.status === 503) return refusal(503, ErrorCode.internal, result.message);
  return refusal(result.status, result.status === 401 ? SecurityCode.accessMissing : SecurityCode.accessInvalid, result.message);
}

function tooLarge(): Refusal {
  const response = refusal(413, ErrorCode.invalidField, `Request body too large: the limit is ${MAX_BODY_BYTES / (1024 * 1024)} MB`);
  response.headers.set('connection', 'close');
  return response;
}

/**
 * The body, read whole (an object that answers without reading it would leave the stream
 * half-sent, which workerd reports as an error), but never past the limit: a declared length over
 * it is refused unread, a stream is cut as soon as it passes it.
 */
export async function boundedBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<Request | Refusal> {
  if (request.method === 'GET' || request.method === 'HEAD' || request.body === null) return request;
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return tooLarge();
  const body = await readWithin(request.body, maxBytes);
  if (!body) return tooLarge();
  return new Request(request.url, { method: request.method, headers: request.headers, body });
}

const REACHABLE_TTL_MS = 5 * 60_000;
let reachableCache: { key: string; at: number; accounts: Promise<Set<string>> } | null = null;

/**
 * The accounts the Worker's credential reaches (GET /accounts, every page), remembered for five
 * minutes per isolate: a Durable Object is made only for one of them. A failed read is not
 * remembered, so the next request asks again.
 */
export function reachableAccounts(upstream: NonNullable<ServerConfig['upstream']>, fetchImpl: typeof fetch = fetch, now = Date.now()): Promise<Set<string>> {
  const key = `${upstream.baseUrl}|${JSON.stringify(upstream.credential.headers)}`;
  if (reachableCache?.key === key && now - reachableCache.at < REACHABLE_TTL_MS) return reachableCache.accounts;
  const accounts = listAccountIds((path) => fetchImpl(`${upstream.baseUrl}${path}`, { headers: upstream.credential.headers })).then((ids) => {
    if (!ids) throw new Error('GET /accounts was refused or did not answer');
    return ids;
  });
  reachableCache = { key, at: now, accounts };
  accounts.catch(() => {
    if (reachableCache?.accounts === accounts) reachableCache = null;
  });
  return accounts;
}

export function unreachableAccount(account: string): Refusal {
  return refusal(404, 7003, `No account ${account} is reachable with this console's API token`);
}

export function forgetEdgeCaches(): void {
  verifierCache = null;
  reachableCache = null;
}
