import { describe, expect, it } from 'vitest';
import { ACCOUNT } from './test-support.ts';
import { createIamSandbox, insertAccountMember } from './iam-test-fixtures.ts';

/** Today's schema: user_group_id is exactly 32 characters; member, permission and resource group ids at most 32 (TODAY.md row 28). */
describe('identifiers the schema bounds to 32 characters', () => {
  const iam = `/accounts/${ACCOUNT}/iam`;

  it('answers 7003 for a path id that is not 32 hex characters, before any lookup', async () => {
    const { call, createUserGroup } = createIamSandbox();
    const group = await createUserGroup({ name: 'Team' });
    const tooLong = 'a'.repeat(33);
    for (const path of [
      `${iam}/user_groups/${tooLong}`,
      `${iam}/user_groups/short`,
      `${iam}/user_groups/${tooLong}/members`,
      `${iam}/user_groups/${group.id}/members/${tooLong}`,
      `${iam}/permission_groups/${'b'.repeat(40)}`,
      `${iam}/resource_groups/not-hex-not-hex-not-hex-not-hex!`,
      `/accounts/${ACCOUNT}/members/${tooLong}`,
    ]) {
      const res = await call('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.body.errors[0], path).toMatchObject({ code: 7003, message: expect.stringContaining('perhaps your object identifier is invalid') });
    }
    // A well-formed id that names nothing is still "not found" (1003), not a routing error.
    const missing = await call('GET', `${iam}/user_groups/${'0'.repeat(32)}`);
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0]!.code).toBe(1003);
  });

  it('refuses body ids over 32 characters where the schema bounds them, at their pointer', async () => {
    const { call, db, createUserGroup } = createIamSandbox();
    const group = await createUserGroup({ name: 'Team' });
    insertAccountMember(db, { email: 'ann@example.com' });
    const members = await call('POST', `${iam}/user_groups/${group.id}/members`, [{ id: 'c'.repeat(33) }]);
    expect(members.status).toBe(400);
    expect(members.body.errors[0]).toMatchObject({ message: '[0].id: must be at most 32 characters', source: { pointer: '/0/id' } });

    const policies = await call('PUT', `${iam}/user_groups/${group.id}`, {
      policies: [{ id: 'p'.repeat(40), access: 'allow', permission_groups: [{ id: 'd'.repeat(33) }], resource_groups: [{ id: 'e'.repeat(33) }] }],
    });
    expect(policies.status).toBe(400);
    const pointers = policies.body.errors.map((e) => e.source?.pointer);
    expect(pointers).toEqual(['/policies/0/permission_groups/0/id', '/policies/0/resource_groups/0/id']);
  });
});
