import type { MiddlewareHandler } from 'hono';
import { listAccountIds } from '../http/account-ids.ts';
import type { V4Handler } from './v4-client.ts';

/**
 * The console's own routes name an account; background work (the index, findings, the audit-log
 * sync) starts for it. Only an account the credential reaches may start any: 300 made-up ids
 * once made 302 index rows and loops that never stopped. Which accounts are reachable is one
 * `GET /accounts` (every page) through the same handling as the dashboard, remembered for five
 * minutes; an id not in it asks again at most every 30 s, so made-up ids cost no requests.
 */
const ACCOUNT_ID = /^[0-9a-f]{32}$/;
const KEEP_MS = 5 * 60_000;
const RECHECK_UNKNOWN_MS = 30_000;

export interface AccountGate {
  middleware: MiddlewareHandler;
  reachable(accountId: string): Promise<boolean>;
}

/** `pinned`: the account the console is pinned to (CLOUDFLARE_ACCOUNT_ID), reachable by configuration. */
export function createAccountGate(handle: () => V4Handler, now: () => number = Date.now, pinned?: string): AccountGate {
  let known: { at: number; ids: Set<string> } | null = null;
  let reading: Promise<Set<string> | null> | null = null;

  const readAccounts = () => listAccountIds((path) => handle()(new Request(`http://console.internal/client/v4${path}`)));

  async function refresh(): Promise<Set<string> | null> {
    reading ??= readAccounts()
      .then((ids) => {
        if (ids) known = { at: now(), ids };
        return ids;
      })
      .finally(() => (reading = null));
    return reading;
  }

  async function reachable(accountId: string): Promise<boolean> {
    if (!ACCOUNT_ID.test(accountId)) return false;
    if (accountId === pinned) return true;
    const age = known ? now() - known.at : Infinity;
    if (known && age < KEEP_MS && (known.ids.has(accountId) || age < RECHECK_UNKNOWN_MS)) return known.ids.has(accountId);
    const ids = await refresh();
    // The API did not answer: say no for now rather than start work for an unchecked id.
    return ids?.has(accountId) ?? false;
  }

  const middleware: MiddlewareHandler = async (c, next) => {
    const accountId = c.req.param('accountId') ?? c.req.query('account_id') ?? '';
    if (!(await reachable(accountId))) {
      return c.json({ success: false, errors: [{ code: 7003, message: `No account ${accountId.slice(0, 32)} is reachable with this console's credential` }], messages: [], result: null }, 404);
    }
    return next();
  };
  return { middleware, reachable };
}
