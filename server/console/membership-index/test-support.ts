import { openSandboxDb } from '../../runtime/node/open-sandbox-db.ts';
import { createSandboxApi } from '../../sandbox/router.ts';
import { ACCOUNT } from '../../sandbox/test-support.ts';
import { createRequestBudget } from '../budget.ts';
import { openConsoleStore } from '../../runtime/node/open-console-store.ts';
import { createMembershipIndex } from './service.ts';

/**
 * For tests: the index on its own over an in-memory sandbox (the default seed), stepped by hand
 * with a fake clock, every /client/v4 path it asked for recorded. `share` is the budget's share of
 * the rate limit; `scim: false` answers the SCIM endpoints 403, as a token without SCIM access gets.
 */
export function indexOverSandbox(options: { share?: number; scim?: boolean } = {}) {
  const db = openSandboxDb(':memory:', 'default');
  const sandbox = createSandboxApi({ db, verificationDelayMs: 0 });
  const clock = { now: Date.parse('2026-12-01T09:00:00Z') };
  const calls: string[] = [];
  const index = createMembershipIndex({
    storage: openConsoleStore(':memory:'),
    budget: createRequestBudget({ share: options.share ?? 1, now: () => clock.now }),
    handle: (request) => {
      const path = new URL(request.url).pathname;
      calls.push(path);
      if (options.scim === false && path.includes('/scim/')) return Promise.resolve(Response.json({ detail: 'Forbidden', status: '403' }, { status: 403 }));
      const headers = new Headers(request.headers);
      headers.set('authorization', 'Bearer console');
      return Promise.resolve(sandbox.fetch(new Request(request, { headers })));
    },
    background: false,
    now: () => clock.now,
  });
  index.ensure(ACCOUNT);
  /** Steps the builder until `done`, moving the clock when it waits for the budget. */
  async function stepUntil(done: () => boolean, max = 5000) {
    for (let i = 0; i < max && !done(); i++) {
      const result = await index.builder.step(ACCOUNT);
      if (result !== 'worked') clock.now += 1000;
    }
  }
  const warm = () => index.status(ACCOUNT).state === 'warm';
  /** A member's groups as the sandbox holds them. */
  const truth = (memberId: string) =>
    (db.prepare('SELECT user_group_id AS id FROM user_group_members WHERE member_id = ? ORDER BY id').all(memberId) as Array<{ id: string }>).map((r) => r.id);
  /** A member's groups as the index holds them. */
  const indexed = (memberId: string) => (index.queries.member(ACCOUNT, memberId)?.groups ?? []).map((g) => g.id).sort();
  const count = (sql: string) => (db.prepare(sql).get(ACCOUNT) as { n: number }).n;
  return { db, sandbox, index, clock, calls, stepUntil, warm, truth, indexed, count };
}

/** Someone in at least `min` groups. */
export const memberIn = (db: ReturnType<typeof openSandboxDb>, min: number) =>
  (db.prepare('SELECT member_id AS id FROM user_group_members GROUP BY member_id HAVING count(*) >= ? LIMIT 1').get(min) as { id: string }).id;
