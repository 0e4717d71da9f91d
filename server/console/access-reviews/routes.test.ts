import { describe, expect, it } from 'vitest';
import { createApp } from '../../runtime/node/app.ts';
import { loadConfig } from '../../config.ts';
import { openConsoleStore } from '../../runtime/node/open-console-store.ts';
import { openSandboxDb } from '../../runtime/node/open-sandbox-db.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT } from '../../sandbox/db/seed.ts';
import { runAsActor } from '../actor.ts';
import { createRequestBudget } from '../budget.ts';
import type { AlarmFactory } from '../membership-ends/service.ts';
import { createAccessReviewsApi } from './routes.ts';
import { createAccessReviews } from './service.ts';
import { createReviewStore } from './store.ts';
import { insertEntry } from '../journal/store.ts';

const ORIGIN = 'http://127.0.0.1:3000';
const CONSOLE = { host: '127.0.0.1:3000', origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'x-iam-console': '1', 'content-type': 'application/json' };
const REVIEWS = `/console-api/accounts/${ACCOUNT}/access-reviews`;
const quietAlarm: AlarmFactory = { kind: 'process-timer', create: () => ({ wakeAt: () => {} }) };

type Item = { id: string; group_id: string; member_id: string; member_email: string; decision: string | null; outcome: string | null };

function setup() {
  const db = openSandboxDb(':memory:', 'default');
  const storage = openConsoleStore(':memory:');
  const app = createApp({ config: loadConfig({ PORT: '3000', SANDBOX_RATE_LIMIT: 'off' }), db, consoleStorage: storage, serveSpa: false, runtime: { alarm: quietAlarm } });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.fetch(new Request(`${ORIGIN}${path}`, { method, headers: CONSOLE, body: body === undefined ? undefined : JSON.stringify(body) }));
    return { status: res.status, text: await res.clone().text(), json: (await res.json().catch(() => null)) as any };
  };
  const groups = db
    .prepare(
      `SELECT g.id, COUNT(gm.member_id) AS n FROM user_groups g JOIN user_group_members gm ON gm.user_group_id = g.id
        WHERE g.account_id = ? AND g.name NOT LIKE 'Okta%' GROUP BY g.id HAVING n BETWEEN 2 AND 6 ORDER BY g.name LIMIT 3`,
    )
    .all(ACCOUNT) as Array<{ id: string; n: number }>;
  const inGroup = (g: string, m: string) => Boolean(db.prepare('SELECT 1 FROM user_group_members WHERE user_group_id = ? AND member_id = ?').get(g, m));
  return { call, groups, inGroup, db, storage };
}

describe('access reviews', () => {
  it('reviews three groups: every membership decided, the removals applied and journaled, the evidence lists every decision', async () => {
    const { call, groups, inGroup, storage } = setup();
    const started = await call('POST', REVIEWS, { name: 'Q4 admin review', group_ids: groups.map((g) => g.id), due_at: '2026-12-31' });
    expect(started.status, started.text).toBe(201);
    const id = started.json.result.id as string;
    const review = (await call('GET', `${REVIEWS}/${id}`)).json.result as { items: Item[]; reviewers: string[] };
    expect(review.items.length).toBe(groups.reduce((n, g) => n + g.n, 0));
    expect(review.reviewers).toEqual(['the local admin']);

    // Applying with a decision missing is refused; a removal needs a reason.
    expect((await call('POST', `${REVIEWS}/${id}/apply`)).status).toBe(409);
    const [first, second, ...rest] = review.items;
    expect((await call('PUT', `${REVIEWS}/${id}/items/${first!.id}`, { decision: 'remove' })).json.errors[0].source.pointer).toBe('/reason');
    expect((await call('PUT', `${REVIEWS}/${id}/items/${first!.id}`, { decision: 'remove', reason: 'left the team' })).status).toBe(200);
    expect((await call('PUT', `${REVIEWS}/${id}/items/${second!.id}`, { decision: 'remove', reason: 'contract ended' })).status).toBe(200);
    for (const item of rest) expect((await call('PUT', `${REVIEWS}/${id}/items/${item.id}`, { decision: 'keep' })).status).toBe(200);

    const applied = await call('POST', `${REVIEWS}/${id}/apply`);
    expect(applied.status, applied.text).toBe(200);
    expect(inGroup(first!.group_id, first!.member_id)).toBe(false);
    expect(inGroup(second!.group_id, second!.member_id)).toBe(false);
    for (const item of rest) expect(inGroup(item.group_id, item.member_id)).toBe(true);
    const journaled = storage.prepare(`SELECT actor_label FROM journal_entries WHERE action = 'remove_member' AND source = 'console'`).all() as Array<{ actor_label: string }>;
    expect(journaled.map((j) => j.actor_label)).toEqual([expect.stringContaining('Q4 admin review'), expect.stringContaining('Q4 admin review')]);

    const csv = await call('GET', `${REVIEWS}/${id}/evidence.csv`);
    const lines = csv.text.trim().split('\r\n');
    expect(lines.length).toBe(review.items.length + 1);
    expect(lines.filter((l) => l.includes(',remove,')).length).toBe(2);
    expect(csv.text).toContain('left the team');
    // Final once applied.
    expect((await call('PUT', `${REVIEWS}/${id}/items/${first!.id}`, { decision: 'keep' })).status).toBe(409);
  });

  it('someone removed after the review started is reported as already gone, not removed again; the rest applies', async () => {
    const { call, groups, inGroup, db, storage } = setup();
    const started = await call('POST', REVIEWS, { name: 'Leavers', group_ids: [groups[0]!.id], due_at: '2026-12-31' });
    const id = started.json.result.id as string;
    const [gone, stays] = (await call('GET', `${REVIEWS}/${id}`)).json.result.items as Item[];
    db.prepare('DELETE FROM user_group_members WHERE user_group_id = ? AND member_id = ?').run(gone!.group_id, gone!.member_id);
    await call('PUT', `${REVIEWS}/${id}/items/${gone!.id}`, { decision: 'remove', reason: 'left' });
    await call('PUT', `${REVIEWS}/${id}/items/${stays!.id}`, { decision: 'remove', reason: 'left too' });
    for (const item of ((await call('GET', `${REVIEWS}/${id}`)).json.result.items as Item[]).slice(2)) {
      await call('PUT', `${REVIEWS}/${id}/items/${item.id}`, { decision: 'keep' });
    }
    const applied = await call('POST', `${REVIEWS}/${id}/apply`);
    expect(applied.status, applied.text).toBe(200);
    const items = (await call('GET', `${REVIEWS}/${id}`)).json.result.items as Item[];
    expect(items.find((i) => i.id === gone!.id)!.outcome).toMatch(/^Already gone/);
    expect(items.find((i) => i.id === stays!.id)!.outcome).toBe('Removed');
    expect(inGroup(stays!.group_id, stays!.member_id)).toBe(false);
    // Only the real removal is in History.
    expect(storage.prepare(`SELECT COUNT(*) AS n FROM journal_entries WHERE action = 'remove_member' AND source = 'console'`).get()).toEqual({ n: 1 });
  });

  it('shows beside each membership when it last changed and by whom, and the person’s own last change, from History; the evidence keeps both', async () => {
    const { call, groups, db, storage } = setup();
    const group = groups[0]!;
    const newcomer = db
      .prepare(
        `SELECT m.id, m.email FROM account_members m WHERE m.account_id = ? AND m.status = 'accepted'
          AND m.id NOT IN (SELECT member_id FROM user_group_members WHERE user_group_id = ?) LIMIT 1`,
      )
      .get(ACCOUNT, group.id) as { id: string; email: string };
    // Added through the console: journaled as the console's write.
    const added = await call('POST', `/client/v4/accounts/${ACCOUNT}/iam/user_groups/${group.id}/members`, [{ id: newcomer.id }]);
    expect(added.status, added.text).toBe(200);
    // The person's own latest change, as the audit log would bring it into History.
    const now = new Date(Date.now() + 1000).toISOString();
    insertEntry(storage, { accountId: ACCOUNT, at: now, source: 'dashboard', actorId: null, actorLabel: newcomer.email.toUpperCase(), action: 'update', resourceType: 'resource_group', resourceId: 'a'.repeat(32), resourceName: 'Prod zones', success: true, before: null, after: null });

    const started = await call('POST', REVIEWS, { name: 'Context', group_ids: [group.id], due_at: '2026-12-31' });
    const id = started.json.result.id as string;
    const items = (await call('GET', `${REVIEWS}/${id}`)).json.result.items as Array<Item & { last_change: { by: string; action: string } | null; last_activity: { at: string; action: string; resource_name: string | null } | null }>;
    const row = items.find((i) => i.member_id === newcomer.id)!;
    expect(row.last_change).toMatchObject({ action: 'add_members' });
    expect(row.last_change!.by).not.toBe('');
    expect(row.last_activity).toEqual({ at: now, action: 'update', resource_type: 'resource_group', resource_name: 'Prod zones' });

    const csv = (await call('GET', `${REVIEWS}/${id}/evidence.csv`)).text.split('\r\n');
    expect(csv[0]).toContain('membership_last_changed,membership_last_changed_by,member_last_activity');
    expect(csv.find((l) => l.includes(newcomer.email))).toContain(now);
  });

  it('refuses a review of no group, of an unknown group, or with a malformed due date, keeping nothing', async () => {
    const { call } = setup();
    expect((await call('POST', REVIEWS, { name: 'x', group_ids: [], due_at: '2026-12-31' })).status).toBe(400);
    expect((await call('POST', REVIEWS, { name: 'x', group_ids: ['f'.repeat(32)], due_at: '2026-12-31' })).status).toBe(404);
    expect((await call('POST', REVIEWS, { name: 'x', group_ids: ['f'.repeat(32)], due_at: 'soon' })).status).toBe(400);
    expect((await call('GET', REVIEWS)).json.result).toEqual([]);
  });

  it('a review page asked again after each decision brings History up to date once, not once per decision', async () => {
    const { storage } = setup();
    const reviews = createAccessReviews({ storage, handle: async () => Response.json({ success: true, result: [] }), budget: createRequestBudget() });
    const id = createReviewStore(storage).create(
      { accountId: ACCOUNT, name: 'refresh', groups: [], reviewers: ['the local admin'], dueAt: '2026-12-31', createdBy: 'the local admin' },
      [{ groupId: 'a'.repeat(32), groupName: 'G', grantsAdmin: false, memberId: 'b'.repeat(32), memberEmail: 'x@acme.example', memberStatus: 'accepted' }],
    );
    const refreshes: string[] = [];
    const api = createAccessReviewsApi(reviews, async (_request, accountId) => void refreshes.push(accountId));
    const page = () => api.request(`/accounts/${ACCOUNT}/access-reviews/${id}`);
    for (let i = 0; i < 3; i++) expect((await page()).status).toBe(200);
    expect(refreshes).toEqual([ACCOUNT]);
    // The evidence is always read fresh.
    expect((await api.request(`/accounts/${ACCOUNT}/access-reviews/${id}/evidence.csv`)).status).toBe(200);
    expect(refreshes).toEqual([ACCOUNT, ACCOUNT]);
  });

  it('in team mode only the named reviewers decide', () => {
    const { storage } = setup();
    const reviews = createAccessReviews({ storage, handle: async () => Response.json({ success: true, result: [] }), budget: createRequestBudget() });
    const id = createReviewStore(storage).create(
      { accountId: ACCOUNT, name: 'team', groups: [], reviewers: ['li@acme.example'], dueAt: '2026-12-31', createdBy: 'ada@acme.example' },
      [{ groupId: 'a'.repeat(32), groupName: 'G', grantsAdmin: true, memberId: 'b'.repeat(32), memberEmail: 'x@acme.example', memberStatus: 'accepted' }],
    );
    const [item] = reviews.get(ACCOUNT, id)!.items;
    expect(() => runAsActor({ email: 'mallory@acme.example', via: 'cloudflare-access' }, () => reviews.decide(ACCOUNT, id, item!.id, 'keep', '', 'mallory@acme.example', true))).toThrow(/Only this review's reviewers/);
    expect(reviews.decide(ACCOUNT, id, item!.id, 'keep', '', 'LI@acme.example', true).decision).toBe('keep');
  });

  it('quotes evidence cells that a spreadsheet would run as formulas', async () => {
    const { call, groups } = setup();
    const id = (await call('POST', REVIEWS, { name: '=HYPERLINK("x")', group_ids: [groups[0]!.id], due_at: '2026-12-31' })).json.result.id;
    const csv = (await call('GET', `${REVIEWS}/${id}/evidence.csv`)).text;
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
