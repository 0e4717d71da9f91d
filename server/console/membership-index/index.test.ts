import { describe, expect, it } from 'vitest';
import { indexOverSandbox, memberIn } from './test-support.ts';
import { createApp } from '../../runtime/node/app.ts';
import { loadConfig } from '../../config.ts';
import { openSandboxDb } from '../../runtime/node/open-sandbox-db.ts';
import { ACCOUNT } from '../../sandbox/test-support.ts';
import { openConsoleStore } from '../../runtime/node/open-console-store.ts';

describe('membership index', () => {
  it('is built from /client/v4 alone and answers every member’s groups as the API holds them', async () => {
    const t = indexOverSandbox();
    expect(t.index.status(ACCOUNT).state).toBe('building');
    await t.stepUntil(t.warm);
    expect(t.warm()).toBe(true);
    const members = t.db.prepare('SELECT id FROM account_members WHERE account_id = ?').all(ACCOUNT) as Array<{ id: string }>;
    for (const { id } of members) expect(t.indexed(id)).toEqual(t.truth(id));
    const groups = (t.db.prepare('SELECT count(*) AS n FROM user_groups WHERE account_id = ?').get(ACCOUNT) as { n: number }).n;
    // One call per page of members and of groups, then one per group: never one per member.
    expect(t.calls.filter((p) => p.endsWith('/members') && p.includes('/user_groups/')).length).toBe(groups);
    expect(t.index.status(ACCOUNT).last_build?.requests).toBe(t.calls.length);
    expect(t.index.queries.member(ACCOUNT, 'f'.repeat(32))).toBeNull();
  }, 30_000);

  it('counts each group’s members in one query, and says unknown (null) for a group not read yet', async () => {
    const t = indexOverSandbox();
    const groups = t.db.prepare('SELECT id FROM user_groups WHERE account_id = ? ORDER BY id LIMIT 20').all(ACCOUNT) as Array<{ id: string }>;
    const ids = groups.map((g) => g.id);
    expect(Object.values(t.index.queries.memberCounts(ACCOUNT, ids))).toEqual(ids.map(() => null));
    await t.stepUntil(t.warm);
    const truth = (id: string) => (t.db.prepare('SELECT count(*) AS n FROM user_group_members WHERE user_group_id = ?').get(id) as { n: number }).n;
    const counts = t.index.queries.memberCounts(ACCOUNT, ids);
    expect(ids.map((id) => counts[id])).toEqual(ids.map(truth));
    expect(ids.some((id) => truth(id) > 1)).toBe(true);
  }, 30_000);

  it('never spends more than its share: it pauses, then resumes as the window moves', async () => {
    const t = indexOverSandbox({ share: 0.01 }); // 12 requests per 5 minutes
    let worked = 0;
    for (let i = 0; i < 100; i++) if ((await t.index.builder.step(ACCOUNT)) === 'worked') worked++;
    expect(worked).toBe(2); // the burst: a fifth of 12
    expect(t.index.status(ACCOUNT).paused).toBe('pace');
    t.clock.now += 300_000;
    expect(await t.index.builder.step(ACCOUNT)).toBe('worked');
  });

  it('a refresh re-reads only the groups whose modified_on moved, and sees changes made elsewhere', async () => {
    const t = indexOverSandbox();
    await t.stepUntil(t.warm);
    const member = memberIn(t.db, 1);
    const [group] = t.truth(member);
    // Someone else (another admin, a script) removes the member directly through the API.
    const res = await t.sandbox.request(`/client/v4/accounts/${ACCOUNT}/iam/user_groups/${group}/members/${member}`, {
      method: 'DELETE',
      headers: { authorization: 'Bearer someone-else' },
    });
    expect(res.status).toBe(200);
    expect(t.indexed(member)).toContain(group); // not known until the next pass
    const before = t.calls.length;
    t.clock.now += 5 * 60_000;
    await t.stepUntil(() => t.index.status(ACCOUNT).state === 'refreshing', 5);
    await t.stepUntil(t.warm);
    expect(t.indexed(member)).toEqual(t.truth(member));
    const refreshCalls = t.calls.slice(before);
    expect(refreshCalls.filter((p) => p.includes('/user_groups/'))).toEqual([`/client/v4/accounts/${ACCOUNT}/iam/user_groups/${group}/members`]);
    expect(t.index.queries.member(ACCOUNT, member)?.member.last_change).not.toBeNull();
  }, 30_000);
});

describe('membership index in the app', () => {
  const dashboard = { 'x-iam-console': '1', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' };

  it('the console’s own writes update it at once; /console-api serves it; "no such member" is a 404', async () => {
    const db = openSandboxDb(':memory:', 'default');
    const app = createApp({ config: loadConfig({ SANDBOX_RATE_LIMIT: 'off' }), db, consoleStorage: openConsoleStore(':memory:'), serveSpa: false });
    const base = `/console-api/accounts/${ACCOUNT}`;
    const status = async () => (await (await app.request(`${base}/membership-index`, { headers: dashboard })).json()) as { state: string };
    for (let i = 0; i < 800 && (await status()).state !== 'warm'; i++) await new Promise((r) => setTimeout(r, 25));
    expect((await status()).state).toBe('warm');

    const ungrouped = db
      .prepare('SELECT id FROM account_members WHERE account_id = ? AND id NOT IN (SELECT member_id FROM user_group_members) LIMIT 1')
      .get(ACCOUNT) as { id: string };
    const group = db.prepare('SELECT id, name FROM user_groups WHERE account_id = ? LIMIT 1').get(ACCOUNT) as { id: string; name: string };
    const add = await app.request(`/client/v4/accounts/${ACCOUNT}/iam/user_groups/${group.id}/members`, {
      method: 'POST',
      headers: dashboard,
      body: JSON.stringify([{ id: ungrouped.id }]),
    });
    expect(add.status).toBe(200);
    const member = (await (await app.request(`${base}/members/${ungrouped.id}`, { headers: dashboard })).json()) as {
      groups: Array<{ id: string; policies: unknown[] }>;
      member: { last_change: string | null };
    };
    expect(member.groups.map((g) => g.id)).toEqual([group.id]);
    expect(member.member.last_change).not.toBeNull();

    const search = (await (await app.request(`${base}/members?group=${group.id}&per_page=200`, { headers: dashboard })).json()) as {
      members: Array<{ id: string; groups: Array<{ name: string }> }>;
    };
    expect(search.members.find((m) => m.id === ungrouped.id)?.groups.map((g) => g.name)).toEqual([group.name]);

    await app.request(`/client/v4/accounts/${ACCOUNT}/iam/user_groups/${group.id}/members/${ungrouped.id}`, { method: 'DELETE', headers: dashboard });
    const after = (await (await app.request(`${base}/members/${ungrouped.id}`, { headers: dashboard })).json()) as { groups: unknown[] };
    expect(after.groups).toEqual([]);

    const counted = await app.request(`${base}/membership-index/member-counts`, { method: 'POST', headers: dashboard, body: JSON.stringify({ group_ids: [group.id] }) });
    const groupSize = (db.prepare('SELECT count(*) AS n FROM user_group_members WHERE user_group_id = ?').get(group.id) as { n: number }).n;
    expect(((await counted.json()) as { counts: Record<string, number> }).counts).toEqual({ [group.id]: groupSize });
    const tooMany = Array.from({ length: 501 }, () => group.id);
    expect((await app.request(`${base}/membership-index/member-counts`, { method: 'POST', headers: dashboard, body: JSON.stringify({ group_ids: tooMany }) })).status).toBe(400);

    // Names for a page of a group's members: "First Last", null without one, absent when not indexed.
    const someone = db.prepare("SELECT id, first_name, last_name FROM account_members WHERE account_id = ? AND first_name IS NOT NULL AND first_name != '' LIMIT 1").get(ACCOUNT) as {
      id: string;
      first_name: string;
      last_name: string;
    };
    const named = await app.request(`${base}/membership-index/member-names`, { method: 'POST', headers: dashboard, body: JSON.stringify({ member_ids: [someone.id, 'f'.repeat(32)] }) });
    expect(((await named.json()) as { names: Record<string, string | null> }).names).toEqual({ [someone.id]: `${someone.first_name} ${someone.last_name}`.trim() });
    expect((await app.request(`${base}/membership-index/member-names`, { method: 'POST', headers: dashboard, body: JSON.stringify({ member_ids: ['x'] }) })).status).toBe(400);

    const missing = await app.request(`${base}/members/${'e'.repeat(32)}`, { headers: dashboard });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toBe('No such member in this account');
  }, 30_000);
});
