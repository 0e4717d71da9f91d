import { describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openConsoleStore } from '../../runtime/node/open-console-store.ts';
import { openSandboxDb } from '../../sandbox/db/open.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT } from '../../sandbox/db/seed.ts';
import type { AlarmFactory } from './service.ts';

const ORIGIN = 'http://127.0.0.1:3000';
const CONSOLE = { host: '127.0.0.1:3000', origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'x-iam-console': '1', 'content-type': 'application/json' };
const ENDS = `/console-api/accounts/${ACCOUNT}/membership-ends`;
const quietAlarm: AlarmFactory = { kind: 'process-timer', create: () => ({ wakeAt: () => {} }) };

function setup() {
  const db = openSandboxDb(':memory:', 'default');
  const app = createApp({
    config: loadConfig({ PORT: '3000', SANDBOX_RATE_LIMIT: 'off' }),
    db,
    consoleStorage: openConsoleStore(':memory:'),
    serveSpa: false,
    runtime: { alarm: quietAlarm },
  });
  const call = (method: string, path: string, body?: unknown) =>
    app.fetch(new Request(`${ORIGIN}${path}`, { method, headers: CONSOLE, body: body === undefined ? undefined : JSON.stringify(body) }));
  /** A group whose allow policy holds an admin permission group, and one whose policies hold none. */
  const groups = db
    .prepare(
      `SELECT g.id, MAX(CASE WHEN pg.name IN ('Administrator', 'Super Administrator - All Privileges') AND p.access = 'allow' THEN 1 ELSE 0 END) AS admin
         FROM user_groups g JOIN policies p ON p.user_group_id = g.id JOIN policy_permission_groups ppg ON ppg.policy_id = p.id
         JOIN permission_groups pg ON pg.id = ppg.permission_group_id WHERE g.account_id = ? GROUP BY g.id`,
    )
    .all(ACCOUNT) as Array<{ id: string; admin: number }>;
  const plain = groups.find((g) => !g.admin)!.id;
  const member = db
    .prepare('SELECT m.id, m.email FROM account_members m JOIN user_group_members gm ON gm.member_id = m.id WHERE gm.user_group_id = ? LIMIT 1')
    .get(plain) as { id: string; email: string };
  return { call, admin: groups.find((g) => g.admin)!.id, plain, member };
}

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

describe('/console-api/…/membership-ends', () => {
  it('asks why for a group that grants administrator access, and keeps the grant once given', async () => {
    const { call, admin, member } = setup();
    const refused = await call('POST', ENDS, { group_id: admin, members: [member], ends_at: inAnHour() });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { errors: Array<{ message: string; source?: { pointer: string } }> };
    expect(body.errors[0]!.message).toMatch(/administrator access/);
    expect(body.errors[0]!.source?.pointer).toBe('/reason');
    const saved = await call('POST', ENDS, { group_id: admin, members: [member], ends_at: inAnHour(), reason: 'incident INC-2231' });
    expect(saved.status).toBe(201);
    const list = (await (await call('GET', `${ENDS}?group=${admin}`)).json()) as { result: Array<{ member_id: string; reason: string; state: string }>; kept_by: string };
    expect(list.result).toEqual([expect.objectContaining({ member_id: member.id, reason: 'incident INC-2231', state: 'scheduled' })]);
    expect(list.kept_by).toBe('process-timer');
  });

  it('needs no reason for other groups, and refuses ends too soon, malformed ids and unknown groups', async () => {
    const { call, plain, member } = setup();
    expect((await call('POST', ENDS, { group_id: plain, members: [member], ends_at: inAnHour() })).status).toBe(201);
    const soon = await call('POST', ENDS, { group_id: plain, members: [member], ends_at: new Date(Date.now() + 5_000).toISOString() });
    expect(soon.status).toBe(400);
    expect(JSON.stringify(await soon.json())).toMatch(/30 seconds/);
    expect((await call('POST', ENDS, { group_id: 'x'.repeat(8000), members: [member], ends_at: inAnHour() })).status).toBe(400);
    expect((await call('POST', ENDS, { group_id: 'f'.repeat(32), members: [member], ends_at: inAnHour() })).status).toBe(404);
  });

  it('ends early through the API, and a second change to an ended grant is refused', async () => {
    const { call, plain, member } = setup();
    const created = (await (await call('POST', ENDS, { group_id: plain, members: [member], ends_at: inAnHour() })).json()) as { result: Array<{ id: string }> };
    const id = created.result[0]!.id;
    const ended = (await (await call('POST', `${ENDS}/${id}/end-now`)).json()) as { result: { state: string } };
    expect(ended.result.state).toBe('removed');
    const members = (await (await call('GET', `/client/v4/accounts/${ACCOUNT}/iam/user_groups/${plain}/members?per_page=50`)).json()) as { result: Array<{ id: string }> | null };
    expect((members.result ?? []).map((m) => m.id)).not.toContain(member.id);
    expect((await call('PUT', `${ENDS}/${id}`, { ends_at: inAnHour() })).status).toBe(409);
  });
});
