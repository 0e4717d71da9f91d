import { accountMemberSchema } from '../../../src/api/accounts/schema.ts';
import { groupMemberSchema, userGroupSchema } from '../../../src/api/user-groups/schema.ts';
import type { RequestBudget } from '../budget.ts';
import { V4CallFailed, type V4Client } from '../v4-client.ts';
import type { IndexedGroup, IndexedMember, IndexStore } from './store.ts';

/**
 * Builds and refreshes the membership index one request at a time, each within the budget.
 * Cloudflare has no "groups of a member" call (the SDK's account member carries roles and direct
 * policies, never user groups; a group's members list is the only source), so a pass is:
 *
 *   1. account members, 50 a page;  2. user groups with their policies, 500 a page;
 *   3. the members of every group whose `modified_on` differs from the one indexed (all of
 *      them on the first pass; on a refresh only the groups that changed).
 *
 * The position is stored, so a restart resumes where it stopped.
 */
export const PAGE = { members: 50, groups: 500, groupMembers: 500 } as const;

export type StepResult = 'worked' | 'paused' | 'idle';

interface PartialGroup {
  groupId: string;
  modifiedOn: string;
  synced: boolean;
  page: number;
  ids: string[];
  writeVersion: number;
}

/** The roles and member policies a member holds directly, kept for the analyzer (null: none). */
export function directGrantsOf(m: { roles?: unknown[] | null; policies?: unknown[] | null }): string | null {
  const roles = Array.isArray(m.roles) ? m.roles : [];
  const policies = Array.isArray(m.policies) ? m.policies : [];
  return roles.length || policies.length ? JSON.stringify({ roles, policies }) : null;
}

export function createIndexBuilder(deps: {
  store: IndexStore;
  client: V4Client;
  budget: RequestBudget;
  refreshMs: number;
  now?: () => number;
}) {
  const { store, client, budget, refreshMs } = deps;
  const now = deps.now ?? Date.now;
  const partial = new Map<string, PartialGroup>();
  /** Bumped by the console's own writes, so a group listing that started before one is not kept. */
  const writeVersions = new Map<string, number>();
  const refreshWanted = new Set<string>();
  /** Where the memberships phase has got to (group ids ascending); from the start after a restart. */
  const cursors = new Map<string, string>();
  const versionOf = (accountId: string, groupId: string) => writeVersions.get(`${accountId}/${groupId}`) ?? 0;

  async function listMembers(accountId: string, page: number, sweep: number) {
    const res = await client.get(`/accounts/${accountId}/members`, accountMemberSchema, { page, per_page: PAGE.members });
    const members: IndexedMember[] = res.result.map((m) => ({
      id: m.id,
      email: m.user?.email ?? m.email ?? '',
      first_name: m.user?.first_name ?? null,
      last_name: m.user?.last_name ?? null,
      status: m.status ?? 'accepted',
      direct_grants: directGrantsOf(m),
    }));
    store.upsertMembers(accountId, sweep, members);
    const last = res.result.length < PAGE.members || (res.totalPages !== null && page >= res.totalPages);
    if (last) {
      store.finishMembers(accountId, sweep, now());
      store.setPhase(accountId, 'groups');
    } else store.setPhase(accountId, 'members', page + 1);
  }

  async function listGroups(accountId: string, page: number, sweep: number) {
    const res = await client.get(`/accounts/${accountId}/iam/user_groups`, userGroupSchema, { page, per_page: PAGE.groups });
    // Kept in the internal model (scope arrays, normalized meta), whichever era answered.
    const groups: IndexedGroup[] = res.result.map((g) => ({ id: g.id, name: g.name, created_on: g.created_on, modified_on: g.modified_on, policies: g.policies ?? [] }));
    store.upsertGroups(accountId, sweep, groups);
    const last = res.result.length < PAGE.groups || (res.totalPages !== null && page >= res.totalPages);
    store.setPhase(accountId, last ? 'memberships' : 'groups', last ? 1 : page + 1);
  }

  async function listGroupMembers(accountId: string, work: PartialGroup) {
    const path = `/accounts/${accountId}/iam/user_groups/${work.groupId}/members`;
    try {
      const res = await client.get(path, groupMemberSchema, { page: work.page, per_page: PAGE.groupMembers });
      work.ids.push(...res.result.map((m) => m.id));
      if (res.result.length === PAGE.groupMembers && (res.totalPages === null || work.page < res.totalPages)) {
        work.page += 1;
        return;
      }
    } catch (error) {
      // The group was deleted since it was listed: forget it.
      if (error instanceof V4CallFailed && error.status === 404) {
        partial.delete(accountId);
        store.deleteGroup(accountId, work.groupId);
        return;
      }
      throw error;
    }
    partial.delete(accountId);
    if (versionOf(accountId, work.groupId) !== work.writeVersion) return; // a console write came in between: list again
    // On a refresh, whoever joined or left did so around the group's new modified_on.
    store.replaceMemberships(accountId, work.groupId, work.ids, work.modifiedOn, work.synced ? Date.parse(work.modifiedOn) || now() : null);
  }

  async function step(accountId: string): Promise<StepResult> {
    let state = store.account(accountId, now());
    if (state.phase === 'idle') {
      const due = state.completedAt === null || now() - state.completedAt >= refreshMs || refreshWanted.has(accountId);
      if (!due) return 'idle';
      refreshWanted.delete(accountId);
      store.startSweep(accountId, now());
      state = store.account(accountId, now());
    }
    let work = partial.get(accountId);
    if (state.phase === 'memberships' && !work) {
      const next = store.nextStaleGroup(accountId, cursors.get(accountId) ?? '') ?? store.nextStaleGroup(accountId);
      if (!next) {
        cursors.delete(accountId);
        store.finishSweep(accountId, now());
        return 'worked';
      }
      cursors.set(accountId, next.id);
      work = { groupId: next.id, modifiedOn: next.modifiedOn, synced: next.synced, page: 1, ids: [], writeVersion: versionOf(accountId, next.id) };
      partial.set(accountId, work);
    }
    if (!budget.trySpend()) return 'paused';
    store.countRequest(accountId);
    try {
      if (state.phase === 'members') await listMembers(accountId, state.page, state.sweep);
      else if (state.phase === 'groups') await listGroups(accountId, state.page, state.sweep);
      else if (work) await listGroupMembers(accountId, work);
    } catch (error) {
      // A 429 has already paused the budget; the same step runs again when it allows.
      if (error instanceof V4CallFailed && error.status === 429) return 'paused';
      throw error;
    }
    return 'worked';
  }

  return {
    step,
    /** Starts a pass now (the "refresh" button), unless one is under way. */
    requestRefresh: (accountId: string) => refreshWanted.add(accountId),
    /** The console itself changed this group's members: an in-flight listing of it is stale. */
    noteWrite(accountId: string, groupId: string) {
      const key = `${accountId}/${groupId}`;
      writeVersions.set(key, (writeVersions.get(key) ?? 0) + 1);
    },
  };
}

export type IndexBuilder = ReturnType<typeof createIndexBuilder>;
