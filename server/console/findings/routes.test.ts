import { describe, expect, it } from 'vitest';
import { ACCOUNT, BEARER, createTestSandbox } from '../../sandbox/test-support.ts';
import { openConsoleStore } from '../open-store.ts';
import { createApiReader } from './api-reader.ts';
import { createFindingsApi } from './routes.ts';
import { noMembershipSource, sandboxMembershipSource } from './test-support.ts';

function setup(withMemberships = true) {
  const sandbox = createTestSandbox('default');
  const reader = () => createApiReader((path) => Promise.resolve(sandbox.api.request(`/client/v4${path}`, { headers: BEARER })));
  const storage = openConsoleStore(':memory:');
  const api = createFindingsApi({ reader, memberships: withMemberships ? sandboxMembershipSource(sandbox.db) : noMembershipSource, storage });
  const json = async (method: string, path: string, body?: unknown) => {
    const res = await api.request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
    return { status: res.status, body: (await res.json()) as any };
  };
  return { sandbox, json };
}

const FINDINGS = `/accounts/${ACCOUNT}/findings`;

describe('findings endpoint', () => {
  it('finds at least six kinds of problem in the default seed, reading lists and no group one by one', async () => {
    const { json } = setup();
    const { status, body } = await json('GET', FINDINGS);
    expect(status).toBe(200);
    const kinds = new Set(body.findings.map((f: { kind: string }) => f.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(6);
    for (const kind of ['admin-grant', 'group-without-members', 'group-without-policies', 'pending-member-with-access', 'unused-resource-group', 'sso-lockout-risk']) {
      expect(kinds).toContain(kind);
    }
    // Lists only: user groups, members, resource groups, SSO, OAuth, permission groups (pages), zones.
    expect(body.stats.requests).toBeLessThanOrEqual(15);
    expect(body.memberships.source).toBe('sandbox');
    expect(body.open_count).toBe(body.findings.length);
  });

  it('keeps a dismissal with its reason per account, and restores it', async () => {
    const { json } = setup();
    const first = (await json('GET', FINDINGS)).body.findings[0];
    expect((await json('PUT', `${FINDINGS}/${encodeURIComponent(first.id)}/dismissal`, { reason: '  ' })).status).toBe(400);
    const put = await json('PUT', `${FINDINGS}/${encodeURIComponent(first.id)}/dismissal`, { reason: 'Accepted risk: break-glass' });
    expect(put.status).toBe(200);
    const after = (await json('GET', FINDINGS)).body;
    expect(after.findings.find((f: { id: string }) => f.id === first.id).dismissal.reason).toBe('Accepted risk: break-glass');
    expect(after.open_count).toBe(after.findings.length - 1);
    expect((await json('DELETE', `${FINDINGS}/${encodeURIComponent(first.id)}/dismissal`)).status).toBe(200);
    expect((await json('DELETE', `${FINDINGS}/${encodeURIComponent(first.id)}/dismissal`)).status).toBe(404);
    expect((await json('GET', FINDINGS)).body.open_count).toBe(after.findings.length);
  });

  it('a fix in the account makes its finding disappear', async () => {
    const { json, sandbox } = setup();
    const unused = (await json('GET', FINDINGS)).body.findings.find((f: { kind: string }) => f.kind === 'unused-resource-group');
    const rgId = unused.affected[0].id;
    expect((await sandbox.call('DELETE', `/accounts/${ACCOUNT}/iam/resource_groups/${rgId}`)).status).toBe(200);
    const ids = (await json('GET', FINDINGS)).body.findings.map((f: { id: string }) => f.id);
    expect(ids).not.toContain(unused.id);
  });

  it('stays silent about memberships when no source can answer', async () => {
    const { json } = setup(false);
    const { body } = await json('GET', FINDINGS);
    expect(body.memberships.source).toBe('unavailable');
    expect(body.findings.map((f: { kind: string }) => f.kind)).not.toContain('group-without-members');
    expect(body.findings.map((f: { kind: string }) => f.kind)).toContain('unused-resource-group');
  });

  it('refuses a malformed account id', async () => {
    const { json } = setup();
    expect((await json('GET', '/accounts/nope/findings')).status).toBe(400);
  });
});

describe('simulate endpoint', () => {
  it('answers both questions on the seed, and says "no such member" for an unknown one', async () => {
    const { json, sandbox } = setup();
    const pgs = await sandbox.call('GET', `/accounts/${ACCOUNT}/iam/permission_groups`, undefined);
    expect(pgs.status).toBe(200);
    const superAdmin = (await sandbox.call('GET', `/accounts/${ACCOUNT}/iam/permission_groups?name=${encodeURIComponent('Super Administrator - All Privileges')}`)).body.result[0];
    const who = await json('POST', `/accounts/${ACCOUNT}/simulate`, { question: 'who', permission_group_id: superAdmin.id, resource: 'account' });
    expect(who.status).toBe(200);
    const owner = who.body.result.allowed.find((a: { member: { email: string } }) => a.member.email === 'jordan.alvarez@acme.com');
    expect(owner.decidedBy[0].policy.groupName).toBe('Break-glass Admins');
    const can = await json('POST', `/accounts/${ACCOUNT}/simulate`, { question: 'can', member_id: owner.member.id, permission_group_id: superAdmin.id, resource: 'account' });
    expect(can.body.result.outcome).toBe('allow');
    const byEmail = await json('POST', `/accounts/${ACCOUNT}/simulate`, { question: 'can', member_id: 'Jordan.Alvarez@acme.com', permission_group_id: superAdmin.id, resource: 'account' });
    expect(byEmail.body.result.member.id).toBe(owner.member.id);
    const missing = await json('POST', `/accounts/${ACCOUNT}/simulate`, { question: 'can', member_id: 'f'.repeat(32), permission_group_id: superAdmin.id, resource: 'account' });
    expect(missing.status).toBe(404);
    expect((await json('POST', `/accounts/${ACCOUNT}/simulate`, { question: 'maybe' })).status).toBe(400);
  });
});
