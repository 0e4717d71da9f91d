import { describe, expect, it } from 'vitest';
import { ACCOUNT, BEARER, createTestSandbox } from '../../sandbox/test-support.ts';
import { openConsoleStore } from '../../runtime/node/open-console-store.ts';
import { toToday } from '../today-shapes.ts';
import { createApiReader } from './api-reader.ts';
import { createFindingsApi } from './routes.ts';
import { sandboxMembershipSource } from './test-support.ts';

function findingsApi(shape: 'sandbox' | 'today') {
  const sandbox = createTestSandbox('default');
  const seen: string[] = [];
  const reader = () =>
    createApiReader(async (path) => {
      const response = await sandbox.api.request(`/client/v4${path}`, { headers: BEARER });
      if (shape === 'sandbox') return response;
      const bare = path.split('?')[0]!;
      const today = await toToday(response, bare);
      seen.push(bare);
      return today;
    });
  return { api: createFindingsApi({ reader, memberships: sandboxMembershipSource(sandbox.db), storage: openConsoleStore(':memory:') }), seen };
}

/**
 * Before the server read through the SPA's parsing boundary, a resource group's one-object
 * `scope` made every findings call fail with "(scopes ?? []) is not iterable".
 */
describe('findings on today\'s API shapes', () => {
  it('answers 200 with the same findings as on the 2024 shapes', async () => {
    const today = findingsApi('today');
    const res = await today.api.request(`/accounts/${ACCOUNT}/findings`);
    const body = (await res.json()) as { findings: Array<{ id: string; kind: string }>; errors?: unknown };
    expect(res.status, JSON.stringify(body.errors)).toBe(200);
    expect(today.seen).toContain(`/accounts/${ACCOUNT}/iam/resource_groups`);

    const base = (await (await findingsApi('sandbox').api.request(`/accounts/${ACCOUNT}/findings`)).json()) as typeof body;
    expect(body.findings.map((f) => f.id).sort()).toEqual(base.findings.map((f) => f.id).sort());
    expect(new Set(body.findings.map((f) => f.kind))).toContain('unused-resource-group');
  });

  it('the simulator answers "who can" the same on both', async () => {
    const ask = async (shape: 'sandbox' | 'today') => {
      const { api } = findingsApi(shape);
      const catalogue = createTestSandbox('default');
      const pgs = (await catalogue.call('GET', `/accounts/${ACCOUNT}/iam/permission_groups?name=${encodeURIComponent('Super Administrator - All Privileges')}`)).body.result[0];
      const res = await api.request(`/accounts/${ACCOUNT}/simulate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'who', permission_group_id: pgs.id, resource: 'account' }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { result: { allowed: Array<{ member: { email: string } }> } };
      return body.result.allowed.map((a) => a.member.email).sort();
    };
    const today = await ask('today');
    expect(today).toContain('jordan.alvarez@acme.com');
    expect(today).toEqual(await ask('sandbox'));
  });
});
