import { describe, expect, it } from 'vitest';
import { ACCOUNT, BEARER, createTestSandbox } from '../../sandbox/test-support.ts';
import { openConsoleStore } from '../../runtime/node/open-console-store.ts';
import { createApiReader } from '../findings/api-reader.ts';
import type { MembershipSource } from '../findings/snapshot-source.ts';
import { parseHcl } from '../../../src/lib/terraform/hcl-parser.ts';
import { loadBaseline } from '../../../src/lib/terraform/baseline.ts';
import { compareBaseline, type LiveSide } from '../../../src/lib/terraform/drift.ts';
import { isTfType, unknownAttributes } from '../../../src/lib/terraform/provider-schema.ts';
import { createTerraformApi } from './routes.ts';

/**
 * The round trip on SANDBOX_SEED=large (10,000+ groups, 5,200 members): the whole account in one
 * file, read in list pages (never a request per group), parsed back with no drift, and one
 * change reported as exactly that change. Memberships come from the sandbox's tables, as the
 * warm membership index would give them.
 */
function indexLike(db: ReturnType<typeof createTestSandbox>['db']): MembershipSource {
  return {
    async memberships(accountId) {
      const byGroup = new Map<string, string[]>();
      for (const row of db.prepare('SELECT m.user_group_id AS g, m.member_id AS m FROM user_group_members m JOIN user_groups g ON g.id = m.user_group_id WHERE g.account_id = ?').all(accountId) as Array<{ g: string; m: string }>) {
        byGroup.set(row.g, [...(byGroup.get(row.g) ?? []), row.m]);
      }
      const members = (db.prepare('SELECT id, email, status FROM account_members WHERE account_id = ?').all(accountId) as Array<{ id: string; email: string; status: string }>).map((m) => ({
        id: m.id,
        email: m.email,
        status: m.status === 'pending' ? ('pending' as const) : ('accepted' as const),
      }));
      return { memberships: [...byGroup].map(([groupId, memberIds]) => ({ groupId, memberIds })), members, source: 'test' };
    },
  };
}

describe('Terraform round trip on the large seed', () => {
  it('exports 10,000+ groups in one file within a few dozen requests, reads back with no drift, then reports exactly one change', { timeout: 240_000 }, async () => {
    const sandbox = createTestSandbox('large');
    const asked: string[] = [];
    const reader = () =>
      createApiReader((path) => {
        asked.push(path.split('?')[0]!);
        return Promise.resolve(sandbox.api.request(`/client/v4${path}`, { headers: BEARER }));
      });
    const api = createTerraformApi({ reader, memberships: indexLike(sandbox.db), storage: openConsoleStore(':memory:') });
    const res = await api.request(`/accounts/${ACCOUNT}/terraform`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const groupCount = (sandbox.db.prepare('SELECT COUNT(*) AS n FROM user_groups WHERE account_id = ?').get(ACCOUNT) as { n: number }).n;
    expect(groupCount).toBeGreaterThanOrEqual(10_000);
    expect(Number(res.headers.get('x-terraform-requests'))).toBeLessThan(60);
    expect(asked.filter((p) => /\/user_groups\/[0-9a-f]{32}/.test(p))).toEqual([]);

    const parsed = parseHcl(text);
    const resources = parsed.blocks.filter((b) => b.type === 'resource');
    expect(resources.filter((b) => b.labels[0] === 'cloudflare_user_group').length).toBeGreaterThan(groupCount * 0.9);
    for (const b of resources) {
      const type = b.labels[0]!;
      expect(isTfType(type)).toBe(true);
      if (isTfType(type)) expect(unknownAttributes(type, Object.fromEntries(Object.entries(b.body.attributes).map(([k, a]) => [k, a.value])))).toEqual([]);
    }
    const baseline = loadBaseline(text, ACCOUNT);
    expect(baseline.ok).toBe(true);
    if (!baseline.ok) return;
    const live = async (): Promise<LiveSide> => ((await (await api.request(`/accounts/${ACCOUNT}/terraform?format=json`)).json()) as { result: LiveSide }).result;
    expect(compareBaseline(baseline.baseline.resources, await live()).filter((d) => d.status !== 'same')).toEqual([]);

    const group = baseline.baseline.resources.find((r) => r.type === 'cloudflare_user_group' && r.policies.length > 0)!;
    const updated = await sandbox.call('PUT', `/accounts/${ACCOUNT}/iam/user_groups/${group.id}`, { policies: [] });
    expect(updated.status).toBe(200);
    const changed = compareBaseline(baseline.baseline.resources, await live()).filter((d) => d.status !== 'same');
    expect(changed.map((d) => d.key)).toEqual([`cloudflare_user_group:${group.id}`]);
    expect(changed[0]!.changes.every((c) => c.field.startsWith('policies') && c.live === '(none)')).toBe(true);
  });
});
