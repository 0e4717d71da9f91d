import { adminLevelOf, type NamedPermissionGroup } from '../../../src/lib/effective-access.ts';
import type { ConsoleStorage } from '../storage.ts';

/** What the index keeps per account member (the account-members list's fields). */
export interface IndexedMember {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  status: string;
  /** JSON `{roles, policies}` the member holds directly; null when none. */
  direct_grants?: string | null;
}

/** A user group as the list answers it, minus the members the index adds. */
export interface IndexedGroup {
  id: string;
  name: string;
  created_on: string;
  modified_on: string;
  policies: unknown[];
}

export type Phase = 'members' | 'groups' | 'memberships' | 'idle';

export interface AccountState {
  phase: Phase;
  page: number;
  sweep: number;
  sweepStartedAt: number;
  sweepRequests: number;
  membersListedAt: number | null;
  completedAt: number | null;
  lastBuildRequests: number | null;
  lastBuildMs: number | null;
  /** How many members and groups the API says there are (null until its list answered). */
  membersTotal: number | null;
  groupsTotal: number | null;
}

/** Whether a group's policies allow an admin permission group (Decision 7): such groups are read first. */
export function grantsAdmin(policies: unknown[]): boolean {
  return policies.some((p) => {
    const policy = p as { access?: string; permission_groups?: NamedPermissionGroup[] } | null;
    return policy?.access !== 'deny' && (policy?.permission_groups ?? []).some((pg) => adminLevelOf(pg) !== null);
  });
}

/** The index's SQL, one place; the builder, the write hook and the routes call these. */
export function createIndexStore(storage: ConsoleStorage) {
  const q = (sql: string) => storage.prepare(sql);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

  function account(accountId: string, now: number): AccountState {
    let row = q('SELECT * FROM membership_index_accounts WHERE account_id = ?').get(accountId);
    if (!row) {
      q("INSERT INTO membership_index_accounts (account_id, phase, sweep_started_at) VALUES (?, 'groups', ?)").run(accountId, now);
      row = q('SELECT * FROM membership_index_accounts WHERE account_id = ?').get(accountId)!;
    }
    return {
      phase: row.phase as Phase,
      page: Number(row.page),
      sweep: Number(row.sweep),
      sweepStartedAt: Number(row.sweep_started_at),
      sweepRequests: Number(row.sweep_requests),
      membersListedAt: num(row.members_listed_at),
      completedAt: num(row.completed_at),
      lastBuildRequests: num(row.last_build_requests),
      lastBuildMs: num(row.last_build_ms),
      membersTotal: num(row.members_total),
      groupsTotal: num(row.groups_total),
    };
  }

  return {
    storage,
    account,
    known: (accountId: string) => Boolean(q('SELECT 1 FROM membership_index_accounts WHERE account_id = ?').get(accountId)),
    setPhase(accountId: string, phase: Phase, page = 1) {
      q('UPDATE membership_index_accounts SET phase = ?, page = ? WHERE account_id = ?').run(phase, page, accountId);
    },
    countRequest(accountId: string) {
      q('UPDATE membership_index_accounts SET sweep_requests = sweep_requests + 1 WHERE account_id = ?').run(accountId);
    },
    startSweep(accountId: string, now: number) {
      q(
        `UPDATE membership_index_accounts SET phase = 'groups', page = 1, sweep = sweep + 1, sweep_started_at = ?, sweep_requests = 0
          WHERE account_id = ?`,
      ).run(now, accountId);
    },
    /** What the API says the whole lists hold (their first page's total_count). */
    setTotal(accountId: string, list: 'members' | 'groups', total: number) {
      q(`UPDATE membership_index_accounts SET ${list === 'members' ? 'members_total' : 'groups_total'} = ? WHERE account_id = ?`).run(total, accountId);
    },
    finishSweep(accountId: string, now: number) {
      const state = account(accountId, now);
      storage.transaction(() => {
        q('DELETE FROM membership_index_groups WHERE account_id = ? AND sweep < ?').run(accountId, state.sweep);
        q(
          `DELETE FROM membership_index_memberships WHERE account_id = ?
            AND group_id NOT IN (SELECT group_id FROM membership_index_groups WHERE account_id = ?)`,
        ).run(accountId, accountId);
        q(
          `UPDATE membership_index_accounts SET phase = 'idle', page = 1, completed_at = ?, last_build_requests = sweep_requests,
            last_build_ms = ? - sweep_started_at WHERE account_id = ?`,
        ).run(now, now, accountId);
      });
    },
    upsertMembers(accountId: string, sweep: number, members: IndexedMember[]) {
      const upsert = q(
        `INSERT INTO membership_index_members (account_id, member_id, email, first_name, last_name, status, direct_grants, sweep)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, member_id) DO UPDATE SET
          email = excluded.email, first_name = excluded.first_name, last_name = excluded.last_name,
          status = excluded.status, direct_grants = excluded.direct_grants, sweep = excluded.sweep`,
      );
      storage.transaction(() => {
        for (const m of members) upsert.run(accountId, m.id, m.email, m.first_name, m.last_name, m.status, m.direct_grants ?? null, sweep);
      });
    },
    /** The members pass is complete: people it did not see have left the account. */
    finishMembers(accountId: string, sweep: number, now: number) {
      storage.transaction(() => {
        q('DELETE FROM membership_index_members WHERE account_id = ? AND sweep < ?').run(accountId, sweep);
        q('DELETE FROM membership_index_memberships WHERE account_id = ? AND member_id NOT IN (SELECT member_id FROM membership_index_members WHERE account_id = ?)').run(accountId, accountId);
        q('UPDATE membership_index_accounts SET members_listed_at = ? WHERE account_id = ?').run(now, accountId);
      });
    },
    upsertGroups(accountId: string, sweep: number, groups: IndexedGroup[]) {
      const upsert = q(
        `INSERT INTO membership_index_groups (account_id, group_id, name, created_on, modified_on, policies, grants_admin, sweep)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, group_id) DO UPDATE SET
          name = excluded.name, created_on = excluded.created_on, modified_on = excluded.modified_on,
          policies = excluded.policies, grants_admin = excluded.grants_admin, sweep = excluded.sweep`,
      );
      storage.transaction(() => {
        for (const g of groups) {
          const policies = g.policies ?? [];
          upsert.run(accountId, g.id, g.name, g.created_on, g.modified_on, JSON.stringify(policies), grantsAdmin(policies) ? 1 : 0, sweep);
        }
      });
    },
    /**
     * The next group, in id order after `after`, whose members the index does not hold for its
     * current modified_on (the primary key keeps this a short range scan at 10,000 groups).
     */
    nextStaleGroup(accountId: string, after = '', only?: { adminOnly?: boolean; groupId?: string }): { id: string; modifiedOn: string; synced: boolean } | null {
      const narrow = only?.groupId ? ' AND group_id = ?' : only?.adminOnly ? ' AND grants_admin = 1' : '';
      const row = q(
        `SELECT group_id, modified_on, synced_modified_on FROM membership_index_groups
          WHERE account_id = ? AND group_id > ? AND (synced_modified_on IS NULL OR synced_modified_on <> modified_on)${narrow}
          ORDER BY group_id LIMIT 1`,
      ).get(accountId, after, ...(only?.groupId ? [only.groupId] : []));
      return row ? { id: String(row.group_id), modifiedOn: String(row.modified_on), synced: row.synced_modified_on !== null } : null;
    },
    /** Whether the index has this group (listed, or fetched for a person looked up). */
    hasGroup: (accountId: string, groupId: string) => Boolean(q('SELECT 1 FROM membership_index_groups WHERE account_id = ? AND group_id = ?').get(accountId, groupId)),
    /**
     * A person's groups as read directly (SCIM Users): their memberships become exactly these,
     * known as of `now`, whatever of the rest of the account is still unread.
     */
    recordPersonLookup(accountId: string, memberId: string, groupIds: string[], now: number) {
      storage.transaction(() => {
        q(`DELETE FROM membership_index_memberships WHERE account_id = ? AND member_id = ?
            AND group_id NOT IN (SELECT value FROM json_each(?))`).run(accountId, memberId, JSON.stringify(groupIds));
        const insert = q('INSERT OR IGNORE INTO membership_index_memberships (account_id, group_id, member_id) VALUES (?, ?, ?)');
        for (const id of groupIds) insert.run(accountId, id, memberId);
        q(
          `INSERT INTO membership_index_person_lookups (account_id, member_id, looked_up_at) VALUES (?, ?, ?)
            ON CONFLICT (account_id, member_id) DO UPDATE SET looked_up_at = excluded.looked_up_at`,
        ).run(accountId, memberId, now);
      });
    },
    personLookedUpAt(accountId: string, memberId: string): number | null {
      return num(q('SELECT looked_up_at FROM membership_index_person_lookups WHERE account_id = ? AND member_id = ?').get(accountId, memberId)?.looked_up_at);
    },
    /**
     * Sets a group's members to exactly `memberIds`. When the group was indexed before, the people
     * who joined or left get `changedAt` as their last change.
     */
    replaceMemberships(accountId: string, groupId: string, memberIds: string[], syncedModifiedOn: string | null, changedAt: number | null) {
      storage.transaction(() => {
        const before = new Set(
          q('SELECT member_id FROM membership_index_memberships WHERE account_id = ? AND group_id = ?')
            .all(accountId, groupId)
            .map((r) => String(r.member_id)),
        );
        const after = new Set(memberIds);
        const touched = [...after].filter((id) => !before.has(id)).concat([...before].filter((id) => !after.has(id)));
        q('DELETE FROM membership_index_memberships WHERE account_id = ? AND group_id = ?').run(accountId, groupId);
        const insert = q('INSERT OR IGNORE INTO membership_index_memberships (account_id, group_id, member_id) VALUES (?, ?, ?)');
        for (const id of after) insert.run(accountId, groupId, id);
        if (changedAt !== null) {
          const mark = q('UPDATE membership_index_members SET last_change = ? WHERE account_id = ? AND member_id = ?');
          for (const id of touched) mark.run(changedAt, accountId, id);
        }
        if (syncedModifiedOn !== null) {
          q('UPDATE membership_index_groups SET synced_modified_on = ? WHERE account_id = ? AND group_id = ?').run(syncedModifiedOn, accountId, groupId);
        }
      });
    },
    /** Whether the index holds this group's members for its current modified_on. */
    groupSynced: (accountId: string, groupId: string) =>
      Boolean(
        q('SELECT 1 FROM membership_index_groups WHERE account_id = ? AND group_id = ? AND synced_modified_on = modified_on').get(accountId, groupId),
      ),
    groupMemberIds: (accountId: string, groupId: string) =>
      q('SELECT member_id FROM membership_index_memberships WHERE account_id = ? AND group_id = ?')
        .all(accountId, groupId)
        .map((r) => String(r.member_id)),
    beginWrite(token: string, accountId: string, groupId: string, now: number) {
      q('INSERT OR REPLACE INTO membership_index_inflight (token, account_id, group_id, started_at) VALUES (?, ?, ?, ?)').run(token, accountId, groupId, now);
    },
    endWrite(token: string) {
      q('DELETE FROM membership_index_inflight WHERE token = ?').run(token);
    },
    /**
     * After a crash: the groups a write was in flight for are no longer known (their members are
     * read again) and their accounts start a new pass, so the index does not say "warm" over them.
     */
    recoverInterruptedWrites(now: number): Array<{ accountId: string; groupId: string }> {
      const rows = q('SELECT DISTINCT account_id, group_id FROM membership_index_inflight').all().map((r) => ({ accountId: String(r.account_id), groupId: String(r.group_id) }));
      storage.transaction(() => {
        for (const { accountId, groupId } of rows) {
          q('UPDATE membership_index_groups SET synced_modified_on = NULL WHERE account_id = ? AND group_id = ?').run(accountId, groupId);
        }
        for (const accountId of new Set(rows.map((r) => r.accountId))) {
          q(
            `UPDATE membership_index_accounts SET phase = 'groups', page = 1, sweep = sweep + 1, sweep_started_at = ?, sweep_requests = 0
              WHERE account_id = ?`,
          ).run(now, accountId);
        }
        q('DELETE FROM membership_index_inflight').run();
      });
      return rows;
    },
    deleteGroup(accountId: string, groupId: string) {
      storage.transaction(() => {
        q('DELETE FROM membership_index_memberships WHERE account_id = ? AND group_id = ?').run(accountId, groupId);
        q('DELETE FROM membership_index_groups WHERE account_id = ? AND group_id = ?').run(accountId, groupId);
      });
    },
    progress(accountId: string) {
      const row = q(
        `SELECT count(*) AS groups, coalesce(sum(synced_modified_on IS NOT NULL AND synced_modified_on = modified_on), 0) AS synced,
            coalesce(sum(grants_admin), 0) AS admin,
            coalesce(sum(grants_admin AND synced_modified_on IS NOT NULL AND synced_modified_on = modified_on), 0) AS admin_synced
          FROM membership_index_groups WHERE account_id = ?`,
      ).get(accountId)!;
      const members = q('SELECT count(*) AS n FROM membership_index_members WHERE account_id = ?').get(accountId)!;
      return {
        groups: Number(row.groups),
        groupsSynced: Number(row.synced),
        adminGroups: Number(row.admin),
        adminGroupsSynced: Number(row.admin_synced),
        members: Number(members.n),
      };
    },
  };
}

export type IndexStore = ReturnType<typeof createIndexStore>;
