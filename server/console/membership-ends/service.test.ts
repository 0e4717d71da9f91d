import { beforeEach, describe, expect, it } from 'vitest';
import { createRequestBudget } from '../budget.ts';
import { openConsoleStore } from '../../runtime/node/open-console-store.ts';
import { openSandboxDb } from '../../sandbox/db/open.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT } from '../../sandbox/db/seed.ts';
import { createSandboxApi } from '../../sandbox/router.ts';
import { insertEntry } from '../journal/store.ts';
import { rememberScimManaged } from '../journal/scim-managed.ts';
import type { ConsoleStorage } from '../storage.ts';
import { FAILING_AFTER_ATTEMPTS } from './schedule.ts';
import { createMembershipEnds, type AlarmFactory } from './service.ts';

const T0 = Date.parse('2026-12-07T12:00:00Z');

/** An alarm the test fires by hand, remembering when it was asked to wake. */
function manualAlarm() {
  const state = { wakes: [] as Array<number | null>, run: null as null | (() => Promise<void>) };
  const factory: AlarmFactory = {
    kind: 'process-timer',
    create(run) {
      state.run = run;
      return { wakeAt: (at) => void state.wakes.push(at) };
    },
  };
  return { factory, state, fire: () => state.run!() };
}

function world(opts: { failFirst?: number; status?: number; retryAfter?: string } = {}) {
  const db = openSandboxDb(':memory:', 'default');
  const storage = openConsoleStore(':memory:');
  const sandbox = createSandboxApi({ db, verificationDelayMs: 0 });
  let clock = T0;
  let failures = opts.failFirst ?? 0;
  const deletes: string[] = [];
  const handle = async (request: Request) => {
    if (request.method === 'DELETE') {
      deletes.push(new URL(request.url).pathname);
      if (failures > 0) {
        failures -= 1;
        const headers = opts.retryAfter ? { 'retry-after': opts.retryAfter } : undefined;
        return Response.json({ success: false, errors: [{ code: 10000, message: 'Service unavailable' }], result: null }, { status: opts.status ?? 503, headers });
      }
    }
    const headers = new Headers(request.headers);
    headers.set('authorization', 'Bearer sandbox-console');
    return sandbox.fetch(new Request(request, { headers }));
  };
  const alarm = manualAlarm();
  const make = () =>
    createMembershipEnds({ storage, handle, budget: createRequestBudget({ now: () => clock }), alarm: alarm.factory, now: () => clock });
  const group = db
    .prepare(
      `SELECT g.id, g.name, m.id AS member_id, m.email FROM user_groups g JOIN user_group_members gm ON gm.user_group_id = g.id
         JOIN account_members m ON m.id = gm.member_id WHERE g.account_id = ? ORDER BY g.name, m.email LIMIT 1`,
    )
    .get(ACCOUNT) as { id: string; name: string; member_id: string; email: string };
  const isMember = (groupId: string, memberId: string) =>
    Boolean(db.prepare('SELECT 1 FROM user_group_members WHERE user_group_id = ? AND member_id = ?').get(groupId, memberId));
  return { db, storage, alarm, make, group, isMember, deletes, tick: (ms: number) => (clock += ms), now: () => clock };
}

function grantOf(w: ReturnType<typeof world>, endsIn: number, memberId = w.group.member_id, email = w.group.email) {
  return { accountId: ACCOUNT, groupId: w.group.id, groupName: w.group.name, memberId, memberEmail: email, grantedBy: 'ada@acme.example', reason: 'on-call weekend', endsAt: w.now() + endsIn };
}

const journal = (storage: ConsoleStorage) =>
  storage.prepare(`SELECT actor_label, action, resource_id, request FROM journal_entries WHERE action = 'remove_member'`).all() as Array<{ actor_label: string; request: string }>;

describe('time-bound memberships end on time', () => {
  let w: ReturnType<typeof world>;
  beforeEach(() => {
    w = world();
  });

  it('removes the person at the end, through the API, and journals who granted it and why', async () => {
    const ends = w.make();
    const [saved] = ends.grant([grantOf(w, 60_000)]);
    expect(w.alarm.state.wakes.at(-1)).toBe(T0 + 60_000);
    await w.alarm.fire();
    expect(w.isMember(w.group.id, w.group.member_id)).toBe(true);
    w.tick(60_000);
    await w.alarm.fire();
    expect(w.isMember(w.group.id, w.group.member_id)).toBe(false);
    const after = ends.get(ACCOUNT, saved!.id)!;
    expect(after.state).toBe('removed');
    const [entry] = journal(w.storage);
    expect(entry!.actor_label).toContain('ada@acme.example');
    expect(JSON.parse(entry!.request).time_bound.reason).toBe('on-call weekend');
    expect(w.alarm.state.wakes.at(-1)).toBeNull();
  });

  it('catches up at start an end that passed while the server was down', async () => {
    w.make().grant([grantOf(w, 60_000)]);
    w.tick(3 * 3_600_000);
    const restarted = w.make();
    restarted.start();
    expect(w.alarm.state.wakes.at(-1)).toBe(w.now());
    await w.alarm.fire();
    expect(w.isMember(w.group.id, w.group.member_id)).toBe(false);
  });

  it('ends many memberships that end at the same second, each once', async () => {
    const people = w.db
      .prepare('SELECT member_id AS id FROM user_group_members WHERE user_group_id = ? LIMIT 5')
      .all(w.group.id) as Array<{ id: string }>;
    const ends = w.make();
    ends.grant(people.map((p) => grantOf(w, 60_000, p.id, `${p.id}@x`)));
    w.tick(60_000);
    await Promise.all([w.alarm.fire(), w.alarm.fire(), ends.runDue()]);
    expect(people.every((p) => !w.isMember(w.group.id, p.id))).toBe(true);
    expect(w.deletes.length).toBe(people.length);
    expect(journal(w.storage).length).toBe(people.length);
  });

  it('retries a refused removal with back-off, says it is failing after repeated refusals, then removes', async () => {
    w = world({ failFirst: FAILING_AFTER_ATTEMPTS });
    const ends = w.make();
    const [saved] = ends.grant([grantOf(w, 60_000)]);
    w.tick(60_000);
    for (let i = 0; i < FAILING_AFTER_ATTEMPTS; i++) {
      await w.alarm.fire();
      const e = ends.get(ACCOUNT, saved!.id)!;
      expect(e.state).toBe('scheduled');
      expect(e.attempts).toBe(i + 1);
      expect(e.nextAttemptAt).toBeGreaterThan(w.now());
      w.tick(e.nextAttemptAt - w.now());
    }
    expect(ends.failing(ACCOUNT).map((e) => e.id)).toEqual([saved!.id]);
    expect(ends.findings(ACCOUNT)).toEqual([
      expect.objectContaining({ kind: 'time-bound-not-removed', severity: 'critical', title: `${w.group.email} is still in ${w.group.name} after their access ended` }),
    ]);
    await w.alarm.fire();
    expect(ends.get(ACCOUNT, saved!.id)!.state).toBe('removed');
    expect(ends.failing(ACCOUNT)).toEqual([]);
    expect(ends.findings(ACCOUNT)).toEqual([]);
    expect(w.isMember(w.group.id, w.group.member_id)).toBe(false);
  });

  it('waits for a 429’s Retry-After rather than its own back-off', async () => {
    w = world({ failFirst: 1, status: 429, retryAfter: '120' });
    const ends = w.make();
    const [saved] = ends.grant([grantOf(w, 60_000)]);
    w.tick(60_000);
    await w.alarm.fire();
    expect(ends.get(ACCOUNT, saved!.id)!.nextAttemptAt).toBe(w.now() + 120_000);
  });

  it('leaves someone added back after the grant, and says who did it', async () => {
    const ends = w.make();
    const [saved] = ends.grant([grantOf(w, 60_000)]);
    w.tick(30_000);
    insertEntry(w.storage, {
      accountId: ACCOUNT, at: new Date(Date.now() + 1000).toISOString(), source: 'dashboard', actorId: null, actorLabel: 'layla@acme.com', action: 'add_members',
      resourceType: 'user_group_members', resourceId: w.group.id, resourceName: w.group.name, success: true, after: [{ id: w.group.member_id }],
    });
    w.tick(30_000);
    await w.alarm.fire();
    const e = ends.get(ACCOUNT, saved!.id)!;
    expect(e.state).toBe('left');
    expect(e.outcome).toContain('layla@acme.com');
    expect(w.isMember(w.group.id, w.group.member_id)).toBe(true);
    expect(w.deletes).toEqual([]);
  });

  it('says there was nothing to remove when the person already left or the group was deleted', async () => {
    const ends = w.make();
    const [saved] = ends.grant([grantOf(w, 60_000)]);
    w.db.prepare('DELETE FROM user_group_members WHERE user_group_id = ? AND member_id = ?').run(w.group.id, w.group.member_id);
    w.tick(60_000);
    await w.alarm.fire();
    expect(ends.get(ACCOUNT, saved!.id)!.outcome).toMatch(/no longer in the group/);

    const again = w.make();
    const other = w.db.prepare('SELECT user_group_id AS g, member_id AS m FROM user_group_members WHERE user_group_id <> ? LIMIT 1').get(w.group.id) as { g: string; m: string };
    const [second] = again.grant([{ ...grantOf(w, 60_000, other.m), groupId: other.g }]);
    w.db.prepare('DELETE FROM user_groups WHERE id = ?').run(other.g);
    w.tick(60_000);
    await w.alarm.fire();
    expect(again.get(ACCOUNT, second!.id)!.outcome).toMatch(/group no longer exists|no longer in the group/);
  });

  it('does not touch a group the identity provider manages, and says where to remove the person', async () => {
    const ends = w.make();
    rememberScimManaged(w.storage, ACCOUNT, w.group.id, 'refusal');
    const [saved] = ends.grant([grantOf(w, 60_000)]);
    w.tick(60_000);
    await w.alarm.fire();
    expect(ends.get(ACCOUNT, saved!.id)!.outcome).toMatch(/identity provider/);
    expect(w.deletes).toEqual([]);
  });

  it('moves an end, ends it now, or makes it permanent: each a change of the one open end', async () => {
    const ends = w.make();
    const [saved] = ends.grant([grantOf(w, 60_000)]);
    const [again] = ends.grant([grantOf(w, 3_600_000)]);
    expect(again!.id).toBe(saved!.id);
    expect(ends.reschedule(ACCOUNT, saved!.id, w.now() + 7_200_000)!.endsAt).toBe(w.now() + 7_200_000);
    expect(ends.makePermanent(ACCOUNT, saved!.id, 'ada@acme.example')!.state).toBe('cancelled');
    w.tick(8_000_000);
    await w.alarm.fire();
    expect(w.isMember(w.group.id, w.group.member_id)).toBe(true);

    const [next] = ends.grant([grantOf(w, 3_600_000)]);
    expect(next!.id).not.toBe(saved!.id);
    expect((await ends.endNow(ACCOUNT, next!.id))!.state).toBe('removed');
    expect(w.isMember(w.group.id, w.group.member_id)).toBe(false);
  });
});
