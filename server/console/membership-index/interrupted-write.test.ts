import { describe, expect, it } from 'vitest';
import { openSandboxDb } from '../../runtime/node/open-sandbox-db.ts';
import { createSandboxApi } from '../../sandbox/router.ts';
import { ACCOUNT } from '../../sandbox/test-support.ts';
import { createRequestBudget } from '../budget.ts';
import { openConsoleStore } from '../../runtime/node/open-console-store.ts';
import { createMembershipIndex } from './service.ts';

/**
 * kill -9 between a membership write reaching the API and its answer reaching the index: the
 * index must not go on saying "warm" over a group whose members it no longer knows.
 */
describe('membership index after a crash mid-write', () => {
  it('marks the group of a write in flight unknown, and starts a new pass, instead of staying warm', async () => {
    const db = openSandboxDb(':memory:', 'default');
    const sandbox = createSandboxApi({ db, verificationDelayMs: 0 });
    const storage = openConsoleStore(':memory:');
    const clock = { now: Date.parse('2026-12-01T09:00:00Z') };
    const start = () =>
      createMembershipIndex({
        storage,
        budget: createRequestBudget({ share: 1, now: () => clock.now }),
        handle: (request) => {
          const headers = new Headers(request.headers);
          headers.set('authorization', 'Bearer console');
          return Promise.resolve(sandbox.fetch(new Request(request, { headers })));
        },
        background: false,
        now: () => clock.now,
      });
    const index = start();
    index.ensure(ACCOUNT);
    for (let i = 0; i < 5000 && index.status(ACCOUNT).state !== 'warm'; i++) {
      if ((await index.builder.step(ACCOUNT)) !== 'worked') clock.now += 1000;
    }
    expect(index.status(ACCOUNT).state).toBe('warm');
    const { group_id: group, member_id: member } = db
      .prepare('SELECT m.user_group_id AS group_id, m.member_id FROM user_group_members m JOIN user_groups g ON g.id = m.user_group_id WHERE g.account_id = ? LIMIT 1')
      .get(ACCOUNT) as { group_id: string; member_id: string };

    // The removal is sent; the API applies it; the process dies before the answer is observed.
    index.beginWrite(new Request(`http://console.internal/client/v4/accounts/${ACCOUNT}/iam/user_groups/${group}/members/${member}`, { method: 'DELETE' }));
    db.prepare('DELETE FROM user_group_members WHERE user_group_id = ? AND member_id = ?').run(group, member);

    const restarted = start();
    expect(restarted.status(ACCOUNT).state).not.toBe('warm');
    expect(restarted.queries.memberCounts(ACCOUNT, [group])[group]).toBeNull();
    for (let i = 0; i < 5000 && restarted.status(ACCOUNT).state !== 'warm'; i++) {
      if ((await restarted.builder.step(ACCOUNT)) !== 'worked') clock.now += 1000;
    }
    expect(restarted.queries.member(ACCOUNT, member)?.groups.map((g) => g.id) ?? []).not.toContain(group);
  });

  it('a write whose answer arrived leaves nothing behind', async () => {
    const db = openSandboxDb(':memory:', 'default');
    const storage = openConsoleStore(':memory:');
    const index = createMembershipIndex({ storage, budget: createRequestBudget({ share: 1 }), handle: () => Promise.reject(new Error('unused')), background: false });
    const request = new Request(`http://console.internal/client/v4/accounts/${ACCOUNT}/iam/user_groups/${'a'.repeat(32)}/members`, { method: 'POST' });
    index.beginWrite(request);
    await index.observe(request, Response.json({ success: true, result: [] }));
    expect(storage.prepare('SELECT count(*) AS n FROM membership_index_inflight').get()?.n).toBe(0);
    db.close();
  });
});
