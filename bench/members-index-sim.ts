import { openSandboxDb } from '../server/runtime/node/open-sandbox-db.ts';
import { createSandboxApi } from '../server/sandbox/router.ts';
import { createRequestBudget } from '../server/console/budget.ts';
import { openConsoleStore } from '../server/runtime/node/open-console-store.ts';
import { createMembershipIndex } from '../server/console/membership-index/service.ts';
import { ACCOUNT_ID } from './support.ts';

/**
 * The membership index's first build on the large seed (10,027 groups, 5,200 members) at
 * Cloudflare's real limit, in simulated time: the index's own code (builder, budget at its 25 %
 * share of 1,200 / 5 min, person lookup) against the in-process sandbox, on a clock that moves
 * by a modelled answer time per request and by the budget's own wait when it pauses. Hours of
 * pacing take a minute of CPU, and the numbers are the code's, not a formula's.
 *
 * Written against what main and this branch both have (createMembershipIndex, status(),
 * store.groupSynced, queries.member), so the same file measures the code before and after.
 */
const ANSWER_MS = 200;
const ADMIN_NAMES = ['Administrator', 'Super Administrator - All Privileges'];

export interface SimResult {
  groups: number;
  members: number;
  requests: number;
  completeMin: number;
  adminGroups: number;
  adminRightMin: number;
  personGroups: number;
  personRightMin: number;
  personRequests: number;
  searchCompleteMin: number;
}

export async function simulateFirstIndex(log: (line: string) => void = () => {}): Promise<SimResult> {
  const seeded = performance.now();
  const db = openSandboxDb(':memory:', 'large');
  log(`large seed written in memory in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
  const sandbox = createSandboxApi({ db, verificationDelayMs: 0 });
  const clock = { now: Date.parse('2026-12-07T09:00:00Z') };
  const start = clock.now;
  let requests = 0;
  const budget = createRequestBudget({ now: () => clock.now });
  const index = createMembershipIndex({
    storage: openConsoleStore(':memory:'),
    budget,
    handle: (request) => {
      requests++;
      clock.now += ANSWER_MS;
      const headers = new Headers(request.headers);
      headers.set('authorization', 'Bearer bench');
      return Promise.resolve(sandbox.fetch(new Request(request, { headers })));
    },
    background: false,
    now: () => clock.now,
  });
  const ids = (sql: string, ...args: string[]) => (db.prepare(sql).all(...args) as Array<{ id: string }>).map((r) => r.id);
  const adminGroups = ids(
    `SELECT DISTINCT p.user_group_id AS id FROM policies p
       JOIN policy_permission_groups x ON x.policy_id = p.id JOIN permission_groups pg ON pg.id = x.permission_group_id
       JOIN user_groups g ON g.id = p.user_group_id
      WHERE g.account_id = ? AND p.access = 'allow' AND pg.name IN (${ADMIN_NAMES.map(() => '?').join(', ')})`,
    ACCOUNT_ID,
    ...ADMIN_NAMES,
  );
  // Someone asked about: a person in several groups, the last of which in id order (the old
  // builder's order) comes late — what "zoe.abe" was in the issue.
  const person = ids(
    `SELECT member_id AS id FROM user_group_members x JOIN account_members m ON m.id = x.member_id
      WHERE m.account_id = ? GROUP BY member_id HAVING count(*) >= 3 ORDER BY max(user_group_id) DESC LIMIT 1`,
    ACCOUNT_ID,
  )[0]!;
  const truth = ids('SELECT user_group_id AS id FROM user_group_members WHERE member_id = ? ORDER BY id', person).join();
  const minutes = (t: number) => (t - start) / 60_000;

  index.ensure(ACCOUNT_ID);
  // The person is opened at once: the builder's own lookup if it has one (this branch), else nothing.
  const withLookup = index as unknown as { lookup?: { lookUp: (a: string, m: string) => Promise<string> } };
  const before = requests;
  if (withLookup.lookup) await withLookup.lookup.lookUp(ACCOUNT_ID, person);
  const personRequests = requests - before;

  const personRight = () => (index.queries.member(ACCOUNT_ID, person)?.groups ?? []).map((g) => g.id).sort().join() === truth;
  let personRightAt = personRight() ? clock.now : null;
  let adminRightAt: number | null = null;
  let searchCompleteAt: number | null = null;
  let steps = 0;
  // Cheap checks only (one row each): status() counts the whole index, too slow to ask per step.
  const account = () => index.store.account(ACCOUNT_ID, clock.now);
  while (account().completedAt === null) {
    const result = await index.builder.step(ACCOUNT_ID);
    if (result !== 'worked') clock.now += Math.max(50, budget.snapshot().waitMs);
    steps++;
    if (searchCompleteAt === null && account().membersListedAt !== null) searchCompleteAt = clock.now;
    if (personRightAt === null && personRight()) personRightAt = clock.now;
    if (adminRightAt === null && steps % 10 === 0 && adminGroups.every((id) => index.store.groupSynced(ACCOUNT_ID, id))) adminRightAt = clock.now;
    if (steps % 2000 === 0) log(`… ${steps} steps, ${minutes(clock.now).toFixed(0)} simulated min`);
  }
  const done = clock.now;
  const status = index.status(ACCOUNT_ID);
  index.stop();
  return {
    groups: status.progress.groups,
    members: status.progress.members,
    requests: status.last_build?.requests ?? requests,
    completeMin: minutes(done),
    adminGroups: adminGroups.length,
    adminRightMin: minutes(adminRightAt ?? done),
    personGroups: truth.split(',').length,
    personRightMin: minutes(personRightAt ?? done),
    personRequests,
    searchCompleteMin: minutes(searchCompleteAt ?? done),
  };
}


// `tsx bench/members-index-sim.ts`: the simulation alone, as JSON (how main's numbers were taken).
if (process.argv[1]?.endsWith('members-index-sim.ts')) {
  console.log(JSON.stringify(await simulateFirstIndex((line) => console.error(line))));
}
