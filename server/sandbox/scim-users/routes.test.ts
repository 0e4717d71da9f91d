import { describe, expect, test } from 'vitest';
import { ACCOUNT, createTestSandbox } from '../test-support.ts';

describe('SCIM Users (read): a person’s groups in one request', () => {
  const { db, call } = createTestSandbox('default');
  const member = db
    .prepare(
      `SELECT am.id, am.user_id, am.email FROM account_members am
        WHERE am.account_id = ? AND (SELECT count(*) FROM user_group_members x WHERE x.member_id = am.id) >= 2 LIMIT 1`,
    )
    .get(ACCOUNT) as { id: string; user_id: string; email: string };
  const groupIds = (db.prepare('SELECT user_group_id AS id FROM user_group_members WHERE member_id = ?').all(member.id) as Array<{ id: string }>).map((r) => r.id).sort();

  test('filter userName eq finds the person, with every group id they are in', async () => {
    const res = await call('GET', `/accounts/${ACCOUNT}/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${member.email.toUpperCase()}"`)}`);
    expect(res.status).toBe(200);
    const body = res.body as unknown as { totalResults: number; Resources: Array<{ id: string; userName: string; groups: Array<{ value: string }> }> };
    expect(body.totalResults).toBe(1);
    expect(body.Resources[0]!.id).toBe(member.user_id);
    expect(body.Resources[0]!.groups.map((g) => g.value).sort()).toEqual(groupIds);
  });

  test('by user id; unknown ids and unsupported filters answer SCIM errors', async () => {
    const one = await call('GET', `/accounts/${ACCOUNT}/scim/v2/Users/${member.user_id}`);
    expect(one.status).toBe(200);
    expect((one.body as unknown as { userName: string }).userName).toBe(member.email);
    expect((await call('GET', `/accounts/${ACCOUNT}/scim/v2/Users/${'0'.repeat(32)}`)).status).toBe(404);
    const bad = await call('GET', `/accounts/${ACCOUNT}/scim/v2/Users?filter=${encodeURIComponent('displayName co "a"')}`);
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as { scimType: string }).scimType).toBe('invalidFilter');
  });
});
