import { describe, expect, it } from 'vitest';
import { indexOverSandbox, memberIn } from './test-support.ts';
import { ACCOUNT } from '../../sandbox/test-support.ts';

describe('membership index while it builds', () => {
  it('says how much of the account it has read, against the API’s own totals', async () => {
    const t = indexOverSandbox();
    expect(t.index.status(ACCOUNT).totals).toEqual({ members: null, groups: null });
    await t.index.builder.step(ACCOUNT); // the first page of groups
    const status = t.index.status(ACCOUNT);
    expect(status.totals.groups).toBe(t.count('SELECT count(*) AS n FROM user_groups WHERE account_id = ?'));
    expect(status.progress.groups_indexed).toBe(0);
    await t.stepUntil(() => t.index.status(ACCOUNT).members_listed);
    expect(t.index.status(ACCOUNT).totals.members).toBe(t.count('SELECT count(*) AS n FROM account_members WHERE account_id = ?'));
    // Nobody's groups are known yet: every row says so instead of "no groups".
    const page = t.index.queries.searchMembers(ACCOUNT, { sort: 'email', direction: 'asc', page: 1, perPage: 5 });
    expect(page.members.every((m) => !m.groups_known)).toBe(true);
    const { progress } = t.index.status(ACCOUNT);
    expect(t.index.queries.member(ACCOUNT, page.members[0]!.id)?.groups_unread).toBe(progress.groups - progress.groups_indexed);
  });

  it('reads the groups that grant admin right after the group list, before members and the other groups', async () => {
    const t = indexOverSandbox();
    await t.index.builder.step(ACCOUNT); // the group list's one page
    const { admin_groups } = t.index.status(ACCOUNT).progress;
    expect(admin_groups).toBeGreaterThan(0);
    for (let i = 0; i < admin_groups; i++) await t.index.builder.step(ACCOUNT);
    const status = t.index.status(ACCOUNT);
    expect(status.progress.admin_groups_indexed).toBe(admin_groups);
    expect(status.progress.groups_indexed).toBe(admin_groups);
    expect(status.members_listed).toBe(false);
  });

  it('someone searching gets the member list at once, ahead of the admin groups', async () => {
    const t = indexOverSandbox();
    await t.index.builder.step(ACCOUNT);
    t.index.builder.hurry(ACCOUNT);
    await t.stepUntil(() => t.index.status(ACCOUNT).members_listed);
    expect(t.index.status(ACCOUNT).progress.groups_indexed).toBe(0);
  });

  it('a person opened before anything is read: their groups in two requests, right, then read first', async () => {
    const t = indexOverSandbox();
    await t.index.builder.step(ACCOUNT); // the group list's first (only) page
    const person = memberIn(t.db, 2);
    const before = t.calls.length;
    expect(await t.index.lookup.lookUp(ACCOUNT, person)).toBe('looked-up');
    expect(t.calls.length - before).toBe(2); // their member record, their SCIM user
    const found = t.index.queries.member(ACCOUNT, person)!;
    expect(found.member.groups_known).toBe(true);
    expect(found.groups.map((g) => g.id).sort()).toEqual(t.truth(person));
    // Their groups are the first whose members are read, right after the group list.
    const next = t.truth(person).length;
    const start = t.calls.length;
    for (let i = 0; i < next; i++) await t.index.builder.step(ACCOUNT);
    expect(t.calls.slice(start).map((p) => p.split('/')[7]).sort()).toEqual(t.truth(person));
  });

  it('without SCIM the person’s page names how many groups are still unread, not "no groups"', async () => {
    const t = indexOverSandbox({ scim: false });
    await t.stepUntil(() => t.index.status(ACCOUNT).members_listed);
    const person = memberIn(t.db, 2);
    expect(await t.index.lookup.lookUp(ACCOUNT, person)).toBe('no-scim');
    const found = t.index.queries.member(ACCOUNT, person)!;
    expect(found.member.groups_known).toBe(false);
    expect(found.groups_unread).toBeGreaterThan(0);
    expect(t.index.status(ACCOUNT).person_lookups.scim).toBe(false);
  });

  it('sorts and filters the whole list of groups, unread groups last with no count', async () => {
    const t = indexOverSandbox();
    await t.stepUntil(() => t.index.status(ACCOUNT).phase === 'memberships');
    const building = t.index.queries.listGroups(ACCOUNT, { sort: 'members', direction: 'desc', page: 1, perPage: 500 });
    expect(building.unread).toBeGreaterThan(0);
    expect(building.groups.at(-1)!.member_count).toBeNull();
    await t.stepUntil(() => t.index.status(ACCOUNT).state === 'warm');
    const sizes = t.db
      .prepare(
        `SELECT g.id, (SELECT count(*) FROM user_group_members x WHERE x.user_group_id = g.id) AS n FROM user_groups g
          WHERE g.account_id = ? ORDER BY n DESC`,
      )
      .all(ACCOUNT) as Array<{ id: string; n: number }>;
    const warm = t.index.queries.listGroups(ACCOUNT, { sort: 'members', direction: 'desc', page: 1, perPage: 500 });
    expect(warm.unread).toBe(0);
    expect(warm.groups.map((g) => g.member_count)).toEqual(sizes.map((s) => s.n));
    const empty = t.index.queries.listGroups(ACCOUNT, { sort: 'name', direction: 'asc', filter: 'empty', page: 1, perPage: 500 });
    expect(empty.total).toBe(sizes.filter((s) => s.n === 0).length);
    const admin = t.index.queries.listGroups(ACCOUNT, { sort: 'policies', direction: 'desc', filter: 'admin', page: 1, perPage: 500 });
    expect(admin.total).toBe(t.index.status(ACCOUNT).progress.admin_groups);
    expect(admin.groups.every((g) => g.grants_admin)).toBe(true);
  });

  it('checks a paste against the index: members found, the rest unknown', async () => {
    const t = indexOverSandbox();
    await t.stepUntil(() => t.index.status(ACCOUNT).members_listed);
    const [a, b] = t.db.prepare('SELECT email FROM account_members WHERE account_id = ? LIMIT 2').all(ACCOUNT) as Array<{ email: string }>;
    const before = t.calls.length;
    const answer = t.index.queries.resolveEmails(ACCOUNT, [a!.email.toUpperCase(), ` ${b!.email} `, 'nobody@nowhere.example']);
    expect(answer.found.map((m) => m.email).sort()).toEqual([a!.email, b!.email].sort());
    expect(answer.unknown).toEqual(['nobody@nowhere.example']);
    expect(t.calls.length).toBe(before);
  });
});
