import { describe, expect, it } from 'vitest';
import { openSandboxDb } from '../../runtime/node/open-sandbox-db.ts';
import { createSandboxApi } from '../../sandbox/router.ts';
import { ACCOUNT } from '../../sandbox/test-support.ts';
import { createRequestBudget } from '../budget.ts';
import { openConsoleStore } from '../../runtime/node/open-console-store.ts';
import { toToday } from '../today-shapes.ts';
import { createMembershipIndex } from './service.ts';

describe('membership index on today\'s API shapes', () => {
  it('builds from one-object scopes and `result: null` for empty groups, as the API holds them', async () => {
    const db = openSandboxDb(':memory:', 'default');
    const sandbox = createSandboxApi({ db, verificationDelayMs: 0 });
    const clock = { now: Date.parse('2026-12-01T09:00:00Z') };
    const nulls: string[] = [];
    const index = createMembershipIndex({
      storage: openConsoleStore(':memory:'),
      budget: createRequestBudget({ share: 1, now: () => clock.now }),
      handle: async (request) => {
        const headers = new Headers(request.headers);
        headers.set('authorization', 'Bearer console');
        const path = new URL(request.url).pathname.replace(/^\/client\/v4/, '');
        const today = await toToday(await sandbox.fetch(new Request(request, { headers })), path);
        const body = (await today.clone().json()) as { result: unknown };
        if (body.result === null) nulls.push(path);
        return today;
      },
      background: false,
      now: () => clock.now,
    });
    index.ensure(ACCOUNT);
    for (let i = 0; i < 5000 && index.status(ACCOUNT).state !== 'warm'; i++) {
      if ((await index.builder.step(ACCOUNT)) !== 'worked') clock.now += 1000;
    }
    expect(index.status(ACCOUNT).state).toBe('warm');
    expect(nulls.length).toBeGreaterThan(0); // the seed has empty groups: they answered `result: null`
    const row = db.prepare('SELECT member_id AS id FROM user_group_members GROUP BY member_id HAVING count(*) >= 2 LIMIT 1').get() as { id: string };
    const truth = (db.prepare('SELECT user_group_id AS id FROM user_group_members WHERE member_id = ? ORDER BY id').all(row.id) as Array<{ id: string }>).map((r) => r.id);
    expect((index.queries.member(ACCOUNT, row.id)?.groups ?? []).map((g) => g.id).sort()).toEqual(truth);
  });
});
