import { ErrorCode, errorBody } from '../../http/envelope.ts';
import { workerConfig, type WorkerEnv } from './env.ts';
import { boundedBody, checkAccess, reachableAccounts, unreachableAccount } from './edge-gate.ts';
import type { AccessVerifier } from '../../security/access.ts';

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
  return `account:${accountNamed(request) ?? pinnedAccount ?? 'shared'}`;
}

/** The account a request is about: history names it in the query (?account_id=…), the rest in the path. */
function accountNamed(request: Request): string | undefined {
  const url = new URL(request.url);
  const queried = url.searchParams.get('account_id');
  return ACCOUNT_IN_PATH.exec(url.pathname)?.[1] ?? (queried && ACCOUNT_ID.test(queried) ? queried : undefined);
}

/** Test seams: the Access verifier and the upstream fetch the gate uses. */
export interface EdgeDeps {
  verifyAccess?: AccessVerifier;
  fetchImpl?: typeof fetch;
}

/**
 * The Worker's fetch: refuse to serve without Access settings; then, in this order and before any
 * object exists for the request, Access, the body's size and (live mode) whether the credential
 * reaches the account named; only then hand the request to its object.
 */
export async function routeToObject(request: Request, env: WorkerEnv, deps: EdgeDeps = {}): Promise<Response> {
  let config;
  try {
    config = workerConfig(env);
  } catch (error) {
    // Never open by accident: without its Access settings the console serves nothing.
    const message = error instanceof Error ? error.message : 'Misconfigured';
    return Response.json(errorBody([{ code: ErrorCode.internal, message }]), { status: 503 });
  }
  const denied = await checkAccess(request, config.access, deps.verifyAccess);
  if (denied) return denied;
  const bounded = await boundedBody(request);
  if (bounded instanceof Response) return bounded;
  const account = config.upstream ? accountNamed(request) : undefined;
  if (config.upstream && account && account !== config.upstream.accountId) {
    const reachable = await reachableAccounts(config.upstream, deps.fetchImpl).catch(() => null);
    if (!reachable) return Response.json(errorBody([{ code: ErrorCode.internal, message: 'Could not read which accounts the API token reaches; try again in a moment' }]), { status: 503 });
    if (!reachable.has(account)) return unreachableAccount(account);
  }
  const name = objectName(request, Boolean(config.upstream), config.upstream?.accountId);
  return env.CONSOLE.get(env.CONSOLE.idFromName(name)).fetch(bounded);
}
