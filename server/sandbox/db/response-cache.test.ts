import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSandboxDb } from '../db/open.ts';
import { createSandboxApi } from '../router.ts';
import { ACCOUNT, BEARER } from '../test-support.ts';
import { loadPolicies } from '../user-groups/policies.ts';

/**
 * The per-group JSON cache (response-cache.ts) never serves a group as it was before a write:
 * each case warms the cache with GETs, changes what a group's answer embeds by another path,
 * and expects the next GET to match what the database holds (hydrated without the cache).
 */

const dir = mkdtempSync(join(tmpdir(), 'iam-json-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const groups = `/client/v4/accounts/${ACCOUNT}/iam/user_groups`;
const rgs = `/client/v4/accounts/${ACCOUNT}/iam/resource_groups`;

function sandboxOnFile(name: string) {
  const path = join(dir, `${name}.db`);
  const db = openSandboxDb(path, 'default');
  const api = createSandboxApi({ db, verificationDelayMs: 0 });
  const get = async (path: string) => (await (await api.request(path, { headers: BEARER })).json()) as any;
  const send = async (method: string, path: string, body: unknown) =>
    (await api.request(path, { method, headers: { ...BEARER, 'content-type': 'application/json' }, body: JSON.stringify(body) })).status;
  return { path, db, api, get, send };
}

/** A group whose policies use a resource group by id, and that resource group. */
function groupUsingResourceGroup(db: Database.Database) {
  return db
    .prepare(
      `SELECT p.user_group_id AS groupId, prg.resource_group_id AS rgId FROM policy_resource_groups prg
         JOIN policies p ON p.id = prg.policy_id JOIN resource_groups rg ON rg.id = prg.resource_group_id
        WHERE rg.meta IS NULL LIMIT 1`,
    )
    .get() as { groupId: string; rgId: string };
}

const policiesInDb = (db: Database.Database, id: string) => JSON.parse(JSON.stringify(loadPolicies(db, [id], 'today').get(id)));

describe('user group JSON cache', () => {
  it('shows a renamed resource group inside every cached group that uses it', async () => {
    const s = sandboxOnFile('rename-rg');
    const { groupId, rgId } = groupUsingResourceGroup(s.db);
    await s.get(`${groups}?per_page=100`);
    await s.get(`${groups}/${groupId}`);
    expect(await s.send('PUT', `${rgs}/${rgId}`, { name: 'Renamed while cached' })).toBe(200);
    const one = (await s.get(`${groups}/${groupId}`)).result;
    const listed = (await s.get(`${groups}?per_page=100`)).result.find((g: { id: string }) => g.id === groupId);
    for (const group of [one, listed]) {
      expect(group.policies).toEqual(policiesInDb(s.db, groupId));
      expect(JSON.stringify(group)).toContain('Renamed while cached');
    }
  });

  it('follows writes that bypass the routes on the same connection (links, policies, names)', async () => {
    const s = sandboxOnFile('raw-sql');
    const { groupId } = groupUsingResourceGroup(s.db);
    await s.get(`${groups}/${groupId}`);
    const policy = s.db.prepare('SELECT id FROM policies WHERE user_group_id = ? ORDER BY position LIMIT 1').get(groupId) as { id: string };
    s.db.prepare('DELETE FROM policy_permission_groups WHERE policy_id = ? AND position > 0').run(policy.id);
    expect((await s.get(`${groups}/${groupId}`)).result.policies).toEqual(policiesInDb(s.db, groupId));
    s.db.prepare("UPDATE policies SET access = CASE access WHEN 'allow' THEN 'deny' ELSE 'allow' END WHERE id = ?").run(policy.id);
    expect((await s.get(`${groups}/${groupId}`)).result.policies).toEqual(policiesInDb(s.db, groupId));
    s.db.prepare('UPDATE user_groups SET name = ? WHERE id = ?').run('Renamed by SQL', groupId);
    expect((await s.get(`${groups}/${groupId}`)).result.name).toBe('Renamed by SQL');
    s.db.prepare('DELETE FROM policies WHERE user_group_id = ?').run(groupId);
    expect((await s.get(`${groups}/${groupId}`)).result.policies).toEqual([]);
  });

  it('follows a policy change that bypasses the routes in a remembered list page', async () => {
    const s = sandboxOnFile('raw-sql-list');
    const { groupId } = groupUsingResourceGroup(s.db);
    const listed = async () => (await s.get(`${groups}?per_page=100`)).result.find((g: { id: string }) => g.id === groupId);
    await listed();
    await listed(); // the whole answer is remembered now
    // No write to user_groups itself: only the policy rows change.
    s.db.prepare("UPDATE policies SET access = CASE access WHEN 'allow' THEN 'deny' ELSE 'allow' END WHERE user_group_id = ?").run(groupId);
    expect((await listed()).policies).toEqual(policiesInDb(s.db, groupId));
    s.db.prepare('DELETE FROM policies WHERE user_group_id = ?').run(groupId);
    expect((await listed()).policies).toEqual([]);
  });

  it('answers a repeated GET from what it answered, without running its queries again', async () => {
    const s = sandboxOnFile('answers');
    const { groupId } = groupUsingResourceGroup(s.db);
    const ran: string[] = [];
    const prepare = s.db.prepare.bind(s.db);
    s.db.prepare = ((sql: string) => (ran.push(sql), prepare(sql))) as typeof s.db.prepare;
    const reads = [`${groups}?per_page=20`, `${groups}/${groupId}`, `${groups}/${groupId}/members?per_page=5`, rgs];
    const routeQueries = () => ran.filter((sql) => /FROM (user_groups|user_group_members|resource_groups)\b/.test(sql));
    const first = [];
    for (const path of reads) first.push(await (await s.api.request(path, { headers: BEARER })).text());
    expect(routeQueries().length).toBeGreaterThan(0);
    ran.length = 0;
    for (const [i, path] of reads.entries()) expect(await (await s.api.request(path, { headers: BEARER })).text()).toBe(first[i]);
    expect(routeQueries()).toEqual([]);
  });

  it('answers 404 for the members of a group deleted after its page was remembered', async () => {
    const s = sandboxOnFile('members-of-deleted');
    const { id: groupId } = s.db
      .prepare('SELECT ugm.user_group_id AS id FROM user_group_members ugm JOIN user_groups ug ON ug.id = ugm.user_group_id WHERE ug.account_id = ? LIMIT 1')
      .get(ACCOUNT) as { id: string };
    const members = () => s.api.request(`${groups}/${groupId}/members`, { headers: BEARER });
    expect((await members()).status).toBe(200);
    expect((await members()).status).toBe(200);
    s.db.prepare('DELETE FROM user_groups WHERE id = ?').run(groupId);
    expect((await members()).status).toBe(404);
    expect((await s.api.request(`${groups}/${groupId}`, { headers: BEARER })).status).toBe(404);
  });

  it('follows a write committed by another process on the same file', async () => {
    const s = sandboxOnFile('other-process');
    const { groupId } = groupUsingResourceGroup(s.db);
    expect((await s.get(`${groups}/${groupId}`)).result.name).not.toBe('Renamed elsewhere');
    const other = new Database(s.path); // another connection: its writes fire none of our triggers
    other.prepare('UPDATE user_groups SET name = ? WHERE id = ?').run('Renamed elsewhere', groupId);
    other.prepare('DELETE FROM policies WHERE user_group_id = ?').run(groupId);
    other.close();
    const after = (await s.get(`${groups}/${groupId}`)).result;
    expect(after.name).toBe('Renamed elsewhere');
    expect(after.policies).toEqual([]);
  });

  it('counts a group added or removed by any path in the next total_count', async () => {
    const s = sandboxOnFile('counts');
    const total = async () => (await s.get(`${groups}?per_page=5&fuzzy_name=a`)).result_info.total_count as number;
    const before = await total();
    expect(await total()).toBe(before); // remembered
    expect(await s.send('POST', groups, { name: 'A counted group' })).toBe(200);
    expect(await total()).toBe(before + 1);
    s.db.prepare("DELETE FROM user_groups WHERE name = 'A counted group'").run();
    expect(await total()).toBe(before);
    const other = new Database(s.path);
    other
      .prepare("INSERT INTO user_groups (id, account_id, name, created_on, modified_on) VALUES (?, ?, 'Another a', 't', 't')")
      .run('e'.repeat(32), ACCOUNT);
    other.close();
    expect(await total()).toBe(before + 1);
  });

  it('serves a remembered page in the order and membership the database holds after any write', async () => {
    const s = sandboxOnFile('pages');
    const page = async () => (await s.get(`${groups}?per_page=5`)).result.map((g: { name: string }) => g.name) as string[];
    const inDb = () =>
      (s.db.prepare(`SELECT name FROM user_groups WHERE account_id = ? ORDER BY name COLLATE NOCASE, id LIMIT 5`).all(ACCOUNT) as Array<{ name: string }>).map((r) => r.name);
    expect(await page()).toEqual(inDb());
    expect(await page()).toEqual(inDb()); // remembered
    expect(await s.send('POST', groups, { name: '0 first by name' })).toBe(200);
    expect((await page())[0]).toBe('0 first by name');
    const last = (await s.get(`${groups}?per_page=5`)).result[4] as { id: string };
    s.db.prepare('UPDATE user_groups SET name = ? WHERE id = ?').run('zz moved away by SQL', last.id);
    expect(await page()).toEqual(inDb());
    const other = new Database(s.path);
    other.prepare("UPDATE user_groups SET name = '00 renamed elsewhere' WHERE name = '0 first by name'").run();
    other.close();
    expect((await page())[0]).toBe('00 renamed elsewhere');
    expect(await page()).toEqual(inDb());
  });

  it("serves a remembered page of a group's members as the database holds it after any write", async () => {
    const s = sandboxOnFile('member-pages');
    const { id: groupId } = s.db
      .prepare('SELECT user_group_id AS id FROM user_group_members GROUP BY user_group_id ORDER BY COUNT(*) DESC LIMIT 1')
      .get() as { id: string };
    const page = async () => {
      const body = await s.get(`${groups}/${groupId}/members?per_page=3`);
      return { emails: body.result.map((m: { email: string }) => m.email) as string[], total: body.result_info.total_count as number };
    };
    const inDb = () => ({
      emails: (
        s.db
          .prepare(
            `SELECT am.email FROM user_group_members ugm JOIN account_members am ON am.id = ugm.member_id
              WHERE ugm.user_group_id = ? ORDER BY am.email COLLATE NOCASE, am.id LIMIT 3`,
          )
          .all(groupId) as Array<{ email: string }>
      ).map((r) => r.email),
      total: (s.db.prepare('SELECT COUNT(*) AS n FROM user_group_members WHERE user_group_id = ?').get(groupId) as { n: number }).n,
    });
    expect(await page()).toEqual(inDb());
    expect(await page()).toEqual(inDb()); // remembered
    const first = s.db.prepare('SELECT member_id FROM user_group_members WHERE user_group_id = ? LIMIT 1').get(groupId) as { member_id: string };
    s.db.prepare("UPDATE account_members SET email = '0-renamed@example.com' WHERE id = ?").run(first.member_id);
    expect((await page()).emails[0]).toBe('0-renamed@example.com');
    expect(await s.send('DELETE', `${groups}/${groupId}/members/${first.member_id}`, undefined)).toBe(200);
    expect(await page()).toEqual(inDb());
    const other = new Database(s.path);
    other.prepare('DELETE FROM user_group_members WHERE user_group_id = ? AND member_id IN (SELECT member_id FROM user_group_members WHERE user_group_id = ? LIMIT 1)').run(groupId, groupId);
    other.close();
    expect(await page()).toEqual(inDb());
  });

  it('serves a remembered resource-group list as the database holds it after any write', async () => {
    const s = sandboxOnFile('resource-group-list');
    const listed = async () => (await s.get(rgs)).result.map((rg: { name: string }) => rg.name) as string[];
    const inDb = () =>
      (s.db.prepare('SELECT name FROM resource_groups WHERE account_id = ? ORDER BY name COLLATE NOCASE, id').all(ACCOUNT) as Array<{ name: string }>).map((r) => r.name);
    expect(await listed()).toEqual(inDb());
    expect(await listed()).toEqual(inDb()); // remembered
    const { id: rgId } = (await s.get(rgs)).result[0] as { id: string };
    expect(await s.send('PUT', `${rgs}/${rgId}`, { name: 'zz renamed through the API' })).toBe(200);
    expect((await listed()).at(-1)).toBe('zz renamed through the API');
    s.db
      .prepare(
        `INSERT INTO resource_groups (id, account_id, name, scope_key, scope_objects, meta, created_on, modified_on)
         SELECT ?, account_id, '0 added by SQL', scope_key, scope_objects, meta, created_on, modified_on FROM resource_groups WHERE id = ?`,
      )
      .run('d'.repeat(32), rgId);
    expect((await listed())[0]).toBe('0 added by SQL');
    const other = new Database(s.path);
    other.prepare('DELETE FROM resource_groups WHERE id = ?').run('d'.repeat(32));
    other.close();
    expect(await listed()).toEqual(inDb());
  });

  it('keeps the members pages and the resource-group list remembered while a group is renamed', async () => {
    const s = sandboxOnFile('lists-by-kind');
    const { id: groupId } = s.db
      .prepare('SELECT user_group_id AS id FROM user_group_members GROUP BY user_group_id ORDER BY COUNT(*) DESC LIMIT 1')
      .get() as { id: string };
    // The SQL the list handlers run, seen through the connection they share.
    const ran: string[] = [];
    const prepare = s.db.prepare.bind(s.db);
    s.db.prepare = ((sql: string) => (ran.push(sql), prepare(sql))) as typeof s.db.prepare;
    const listsRead = async () => {
      ran.length = 0;
      await s.get(`${groups}/${groupId}/members?per_page=3`);
      await s.get(rgs);
      await s.get(`${groups}?per_page=5`);
      return {
        members: ran.filter((sql) => sql.includes('FROM user_group_members ugm')).length,
        resourceGroups: ran.filter((sql) => sql.startsWith('SELECT * FROM resource_groups WHERE account_id')).length,
        groups: ran.filter((sql) => sql.includes('FROM user_groups WHERE') && !sql.includes('id = ? AND account_id')).length,
      };
    };
    expect(await listsRead()).toEqual({ members: 2, resourceGroups: 1, groups: 2 }); // total and page each
    expect(await listsRead()).toEqual({ members: 0, resourceGroups: 0, groups: 0 });
    expect(await s.send('PUT', `${groups}/${groupId}`, { name: 'Renamed with its lists remembered' })).toBe(200);
    expect(await listsRead()).toEqual({ members: 0, resourceGroups: 0, groups: 2 });
    const names = (await s.get(`${groups}?per_page=100`)).result.map((g: { name: string }) => g.name);
    expect(names).toContain('Renamed with its lists remembered');
    // A membership change still reaches the group pages: the group's modified_on moves with it.
    const member = s.db.prepare('SELECT member_id FROM user_group_members WHERE user_group_id = ? LIMIT 1').get(groupId) as { member_id: string };
    expect(await s.send('DELETE', `${groups}/${groupId}/members/${member.member_id}`, undefined)).toBe(200);
    // (the audit recorder's own read of the members after the write may have remembered the total)
    const afterRemoval = await listsRead();
    expect(afterRemoval).toMatchObject({ resourceGroups: 0, groups: 2 });
    expect(afterRemoval.members).toBeGreaterThan(0);
  });

  it('answers the same bytes as the uncached answer did', async () => {
    const s = sandboxOnFile('same-bytes');
    const cold = await (await s.api.request(`${groups}?per_page=50`, { headers: BEARER })).text();
    const warm = await (await s.api.request(`${groups}?per_page=50`, { headers: BEARER })).text();
    expect(warm).toBe(cold);
    const parsed = JSON.parse(warm);
    expect(Object.keys(parsed)).toEqual(['success', 'errors', 'messages', 'result', 'result_info']);
    expect(parsed.result.length).toBeGreaterThan(20);
  });
});
