import type { RequestBudget } from '../budget.ts';
import type { ConsoleStorage } from '../storage.ts';
import { createV4Client, type V4Handler } from '../v4-client.ts';
import { createIndexBuilder } from './builder.ts';
import { applyConsoleWrite, isIndexedWrite } from './console-writes.ts';
import { createIndexQueries } from './queries.ts';
import { createPersonLookup } from './person-lookup.ts';
import { createIndexRunner } from './runner.ts';
import { createIndexStore } from './store.ts';

export interface IndexServiceOptions {
  storage: ConsoleStorage;
  budget: RequestBudget;
  /** The app's own /client/v4 handling (sandbox, or upstream with the server's credential). */
  handle: V4Handler;
  /** How old a finished pass may get before the next one starts (default 5 minutes). */
  refreshMs?: number;
  /** Tests step the builder themselves instead of the background loop. */
  background?: boolean;
  now?: () => number;
}

/** The membership index, composed: store, builder, background loop, reads, and the write hook. */
export function createMembershipIndex(options: IndexServiceOptions) {
  const now = options.now ?? Date.now;
  const store = createIndexStore(options.storage);
  const client = createV4Client(options.handle, options.budget);
  const builder = createIndexBuilder({
    store,
    client,
    budget: options.budget,
    refreshMs: options.refreshMs ?? 5 * 60_000,
    now,
  });
  const runner = createIndexRunner(builder, options.budget);
  const lookup = createPersonLookup({ store, client, budget: options.budget, builder, now });
  store.recoverInterruptedWrites(now());
  /** The in-flight token of each console write to a group's members, by its request. */
  const inflight = new WeakMap<Request, string>();
  const queries = createIndexQueries(options.storage);

  /** When the last complete pass finished (ISO), or null before the first: one row, no counting. */
  const completedIso = (completedAt: number | null) => (completedAt === null ? null : new Date(completedAt).toISOString());

  function status(accountId: string) {
    const state = store.account(accountId, now());
    const progress = store.progress(accountId);
    const budget = options.budget.snapshot();
    const warm = state.completedAt !== null;
    return {
      state: !warm ? 'building' : state.phase === 'idle' ? 'warm' : 'refreshing',
      as_of: completedIso(state.completedAt),
      members_listed: state.membersListedAt !== null,
      phase: state.phase,
      progress: {
        members: progress.members,
        groups: progress.groups,
        groups_indexed: progress.groupsSynced,
        admin_groups: progress.adminGroups,
        admin_groups_indexed: progress.adminGroupsSynced,
      },
      // What the API says the account holds, so "2,650 of 5,200 members" can be said (null: not read yet).
      totals: { members: state.membersTotal, groups: state.groupsTotal },
      person_lookups: { requests: lookup.requests(accountId), scim: lookup.scimReadable(accountId) },
      pass: { requests: state.sweepRequests, started_at: new Date(state.sweepStartedAt).toISOString() },
      last_build: state.lastBuildRequests === null ? null : { requests: state.lastBuildRequests, seconds: (state.lastBuildMs ?? 0) / 1000 },
      paused: state.phase === 'idle' ? null : budget.paused,
      resumes_in_seconds: budget.paused && state.phase !== 'idle' ? Math.ceil(budget.waitMs / 1000) : 0,
      budget: {
        limit: budget.limit,
        window_seconds: budget.windowSeconds,
        remaining: budget.remaining,
        reset_seconds: budget.resetSeconds,
        index_spent: budget.spent,
        index_allowance: budget.allowance,
      },
      last_error: runner.lastError(accountId),
    };
  }

  return {
    store,
    builder,
    queries,
    status,
    lookup,
    /** status().as_of without the progress counts and budget status() adds. */
    asOf: (accountId: string) => completedIso(store.account(accountId, now()).completedAt),
    /** Makes sure the account is being indexed (the first question about it starts the work). */
    ensure(accountId: string) {
      store.account(accountId, now());
      if (options.background !== false) runner.ensure(accountId);
    },
    /** Someone waits on the member list: its pages go now instead of paced. */
    hurry(accountId: string) {
      builder.hurry(accountId);
      runner.wake(accountId);
    },
    refresh(accountId: string) {
      builder.requestRefresh(accountId);
      runner.wake(accountId);
    },
    /** Called by the app before it sends a dashboard write: observe() clears it once applied. */
    beginWrite(request: Request) {
      const path = new URL(request.url).pathname;
      const group = isIndexedWrite(request.method, path) ? /\/accounts\/([0-9a-f]{32})\/iam\/user_groups\/([0-9a-f]{32})/.exec(path) : null;
      if (!group) return;
      const token = crypto.randomUUID();
      inflight.set(request, token);
      store.beginWrite(token, group[1]!, group[2]!, now());
    },
    /** Called by the app for every dashboard answer from /client/v4: quota headers, and writes. */
    async observe(request: Request, response: Response): Promise<void> {
      options.budget.observe(response, false);
      const path = new URL(request.url).pathname;
      if (!isIndexedWrite(request.method, path)) return;
      const copy = response.clone();
      await applyConsoleWrite(store, builder, {
        method: request.method,
        path,
        status: response.status,
        body: () => copy.json().catch(() => null),
      }, now());
      const token = inflight.get(request);
      if (token) store.endWrite(token);
    },
    stop: () => runner.stop(),
  };
}

export type MembershipIndex = ReturnType<typeof createMembershipIndex>;
