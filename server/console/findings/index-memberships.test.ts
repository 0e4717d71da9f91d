import { describe, expect, it } from 'vitest';
import { openSandboxDb } from '../../runtime/node/open-sandbox-db.ts';
import { createSandboxApi } from '../../sandbox/router.ts';
import { ACCOUNT } from '../../sandbox/test-support.ts';
import { createRequestBudget } from '../budget.ts';
import { createMembershipIndex } from '../membership-index/service.ts';
import { openConsoleStore } from '../../runtime/node/open-console-store.ts';
import { createApiReader } from './api-reader.ts';
import { indexMembershipSource } from './index-memberships.ts';
import { readSnapshot } from './snapshot-source.ts';

describe('memberships from the membership index', () => {
  it('answers unknown until the first pass, then every membership as the API holds it, and no members list', async () => {
    const db = openSandboxDb(':memory:', 'default');
    const sandbox = createSandboxApi({ db, verificationDelayMs: 0 });
    const storage = openConsoleStore(':memory:');
    const clock = { now: Date.parse('2026-12-01T09:00:00Z') };
    const handle = (request: Request) => {
      const headers = new Headers(request.headers);
      headers.set('authorization', 'Bearer console');
      return Promise.resolve(sandbox.fetch(new Request(request, { headers })));
    };
    const index = createMembershipIndex({ storage, budget: createRequestBudget({ share: 1, now: () => clock.now }), handle, background: false, now: () => clock.now });
    const source = indexMembershipSource(index, storage);
    expect(await source.memberships(ACCOUNT)).toBeNull();

    for (let i = 0; i < 5000 && index.status(ACCOUNT).state !== 'warm'; i++) {
      if ((await index.builder.step(ACCOUNT)) !== 'worked') clock.now += 1000;
    }
    const answer = await source.memberships(ACCOUNT);
    const truth = db.prepare('SELECT x.user_group_id AS g, x.member_id AS m FROM user_group_members x JOIN user_groups u ON u.id = x.user_group_id WHERE u.account_id = ? ORDER BY g, m').all(ACCOUNT) as Array<{ g: string; m: string }>;
    const got = answer!.memberships.flatMap((x) => x.memberIds.map((m) => ({ g: x.groupId, m }))).sort((a, b) => a.g.localeCompare(b.g) || a.m.localeCompare(b.m));
    expect(got).toEqual(truth);
    expect(answer!.members!.length).toBe((db.prepare('SELECT count(*) AS n FROM account_members WHERE account_id = ?').get(ACCOUNT) as { n: number }).n);

    const paths: string[] = [];
    const reader = createApiReader((path) => {
      paths.push(path.split('?')[0]!);
      return handle(new Request(`http://x/client/v4${path}`));
    });
    const read = await readSnapshot(reader, ACCOUNT, source);
    expect(read.membershipSource).toBe('index');
    expect(paths).not.toContain(`/accounts/${ACCOUNT}/members`);
    expect(paths.some((p) => p.includes('/user_groups/'))).toBe(false);
  });
});
