import { describe, expect, it } from 'vitest';
import { normalizeState } from '../../console/journal/normalize-state.ts';
import { ACCOUNT, createTestSandbox } from '../test-support.ts';
import { DELETED_GROUP_NAME } from './seed-history.ts';
import { SEED_BASE_TIME } from './seed-random.ts';

/**
 * The seeded past (seed-history.ts): a year of audit log that agrees with the seeded objects, so
 * History, revert and "last change" work on first start.
 */

const audit = `/accounts/${ACCOUNT}/audit_logs`;
const YEAR_AGO = new Date(SEED_BASE_TIME - 365 * 86_400_000).toISOString();

async function everyEntry(call: ReturnType<typeof createTestSandbox>['call']) {
  const all: any[] = [];
  for (let page = 1; ; page++) {
    const res = await call('GET', `${audit}?direction=asc&per_page=1000&page=${page}`);
    all.push(...res.body.result);
    if (res.body.result.length < 1000) return all;
  }
}

describe('the seeded past (default seed)', () => {
  const { call, db } = createTestSandbox('default');

  it('holds a year of changes by several admins in the dashboard and by API tokens, in time order', async () => {
    const entries = await everyEntry(call);
    expect(entries.length).toBeGreaterThan(100);
    expect(entries.map((e) => e.when)).toEqual([...entries.map((e) => e.when)].sort());
    expect(entries.every((e) => e.when >= YEAR_AGO || e.interface === 'SCIM')).toBe(true);
    const dashboard = new Set(entries.filter((e) => e.interface === 'UI').map((e) => e.actor.email));
    const tokens = new Set(entries.map((e) => e.metadata.token_name).filter(Boolean));
    expect(dashboard.size).toBeGreaterThanOrEqual(3);
    expect([...tokens].some((name) => /terraform/i.test(name))).toBe(true);
    // Okta's SCIM creations stay as they were.
    expect(entries.filter((e) => e.interface === 'SCIM').map((e) => e.newValueJson.name).sort()).toEqual(['Okta · Finance', 'Okta · Platform Engineers']);
    const kinds = new Set(entries.map((e) => `${e.resource.type}:${e.action.type}`));
    for (const kind of ['user_group:create', 'user_group:update', 'user_group:delete', 'user_group_members:add_members', 'user_group_members:remove_member', 'resource_group:create', 'sso_connector:create', 'sso_connector:begin_verification', 'oauth_client:rotate_secret']) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it("leaves every group as the API answers it now: its newest entry's state, at its modified_on", async () => {
    const entries = await everyEntry(call);
    const groups = (await call('GET', `/accounts/${ACCOUNT}/iam/user_groups?per_page=500`)).body.result as Array<{ id: string; name: string; modified_on: string; policies: unknown[] }>;
    let checked = 0;
    for (const group of groups) {
      const own = entries.filter((e) => e.resource.id === group.id);
      // Okta's groups change through SCIM, beyond what this log records.
      if (!own.length || own.some((e) => e.interface === 'SCIM')) continue;
      checked++;
      expect(Date.parse(own.at(-1).when), group.name).toBe(Date.parse(group.modified_on));
      const lastState = own.filter((e) => e.resource.type === 'user_group').at(-1);
      if (lastState) expect({ name: lastState.newValueJson.name, policies: lastState.newValueJson.policies }, group.name).toEqual({ name: group.name, policies: group.policies });
      const lastMembers = own.filter((e) => e.resource.type === 'user_group_members').at(-1);
      if (lastMembers) {
        const now = (await call('GET', `/accounts/${ACCOUNT}/iam/user_groups/${group.id}/members?per_page=500`)).body.result ?? [];
        expect(lastMembers.newValueJson.map((m: { id: string }) => m.id).sort(), group.name).toEqual(now.map((m: { id: string }) => m.id).sort());
      }
    }
    expect(checked).toBeGreaterThan(20);
    // Members are added when their membership says they joined.
    const adds = entries.filter((e) => e.action.type === 'add_members' && e.resource.id !== undefined);
    const joined = db.prepare('SELECT created_at FROM user_group_members WHERE user_group_id = ? AND member_id = ?');
    for (const add of adds.slice(-20)) {
      for (const { id } of JSON.parse(JSON.stringify(add.newValueJson)).filter((m: { id: string }) => !add.oldValueJson.some((b: { id: string }) => b.id === m.id))) {
        const row = joined.get(add.resource.id, id) as { created_at: string } | undefined;
        if (row) expect(Date.parse(row.created_at)).toBe(Date.parse(add.when));
      }
    }
  });

  it('has a change of every kind the console reverts, in the states History reads', async () => {
    const entries = (await everyEntry(call)).map((e) => ({ ...e, before: normalizeState(e.resource.type, e.oldValueJson) as any, after: normalizeState(e.resource.type, e.newValueJson) as any }));
    const updates = entries.filter((e) => e.resource.type === 'user_group' && e.action.type === 'update');
    const samePolicies = (e: any) => JSON.stringify(e.before.policies) === JSON.stringify(e.after.policies);
    expect(updates.some((e) => !samePolicies(e)), 'a policy change').toBe(true);
    expect(updates.some((e) => samePolicies(e) && e.before.name !== e.after.name), 'a rename').toBe(true);
    const existing = new Set((db.prepare('SELECT id FROM user_groups').all() as Array<{ id: string }>).map((g) => g.id));
    expect(entries.some((e) => e.action.type === 'create' && e.resource.type === 'user_group' && existing.has(e.resource.id) && e.interface !== 'SCIM'), 'a creation').toBe(true);
    expect(entries.some((e) => e.action.type === 'remove_member' && e.before.length === e.after.length + 1), 'a removal').toBe(true);
    const deletion = entries.find((e) => e.action.type === 'delete' && e.resource.type === 'user_group');
    expect(deletion?.before).toMatchObject({ name: DELETED_GROUP_NAME, policies: [{ access: 'allow' }] });
    expect(existing.has(deletion!.resource.id)).toBe(false);
    expect(db.prepare('SELECT 1 FROM user_groups WHERE name = ?').get(DELETED_GROUP_NAME)).toBeUndefined();
  });
});
