import { accountMemberSchema } from '../../../src/api/account-members/schema.ts';
import { groupMemberSchema, userGroupSchema } from '../../../src/api/user-groups/schema.ts';
import type { RequestBudget } from '../budget.ts';
import { V4CallFailed, type V4Client } from '../v4-client.ts';
import type { IndexedGroup, IndexedMember, IndexStore } from './store.ts';

/**
 * Builds and refreshes the membership index one request at a time, each within the budget.
 * The account-wide answer comes from the groups' member lists (the account member carries roles
 * and direct policies, never user groups), so a pass is, each list at the largest page its
 * operation permits (iam-openapi.json: members 5–50, user groups 1–500, group members 1–500):
 *
 *   1. user groups with their policies (10,027 groups: 21 requests), so every group, its
 *      policies and dates are known first, and which groups grant admin;
 *   2. the members of the groups a person asked about is in (see person-lookup.ts), then of the
 *      admin groups;
 *   3. account members (5,200: 104 requests; at once, before step 2, when someone opens Members);
 *   4. the members of every other group whose `modified_on` differs from the one indexed, by id
 *      (all of them on the first pass; on a refresh only the groups that changed).
 *
 * Step 3 is one request per group (plus one per further 500 members): there is no call in the
 * schema that lists several groups' members at once. The position is stored, so a restart
 * resumes where it stopped.
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
  /** Groups to read before any other, per account (a person someone asked about is in them). */
  const wanted = new Map<string, string[]>();
  /**
   * Accounts whose member and group lists someone is waiting on (a search, a person opened
   * before the lists were read): those list pages go as reads for a view, not paced.
   */
  const urgent = new Set<string>();
  const versionOf = (accountId: string, groupId: string) => writeVersions.get(`${accountId}/${groupId}`) ?? 0;

  async function listMembers(accountId: string, page: number, sweep: number) {
    const res = await client.get(`/accounts/${accountId}/members`, accountMemberSchema, { page, per_page: PAGE.members });
    if (page === 1 && res.totalCount !== null) store.setTotal(accountId, 'members', res.totalCount);
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
      store.setPhase(accountId, 'memberships');
    } else store.setPhase(accountId, 'members', page + 1);
  }

  async function listGroups(accountId: string, page: number, sweep: number) {
    const res = await client.get(`/accounts/${accountId}/iam/user_groups`, userGroupSchema, { page, per_page: PAGE.groups });
    if (page === 1 && res.totalCount !== null) store.setTotal(accountId, 'groups', res.totalCount);
    // Kept in the internal model (scope arrays, normalized meta), whichever era answered.
    const groups: IndexedGroup[] = res.result.map((g) => ({ id: g.id, name: g.name, created_on: g.created_on, modified_on: g.modified_on, policies: g.policies ?? [] }));
    store.upsertGroups(accountId, sweep, groups);
    const last = res.result.length < PAGE.groups || (res.totalPages !== null && page >= res.totalPages);
    store.setPhase(accountId, last ? 'members' : 'groups', last ? 1 : page + 1);
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
    // The groups someone asked about, then the admin groups, go before the member list too (the
    // list is read at once instead when someone opens Members): 21 + 259 requests on the large seed,
    // inside the first five minutes' share, where the member list first would push them past it.
    const groupsFirst = state.phase === 'members' && !urgent.has(accountId);
    if (!work && (state.phase === 'memberships' || groupsFirst)) {
      const next = state.phase === 'memberships' ? nextGroup(accountId) : priorityGroup(accountId);
      if (!next && state.phase === 'memberships') {
        cursors.delete(accountId);
        store.finishSweep(accountId, now());
        return 'worked';
      }
      if (next) {
        work = { groupId: next.id, modifiedOn: next.modifiedOn, synced: next.synced, page: 1, ids: [], writeVersion: versionOf(accountId, next.id) };
        partial.set(accountId, work);
      }
    }
    const listing = !work && (state.phase === 'members' || state.phase === 'groups');
    if (listing && urgent.has(accountId)) {
      try {
        budget.spendForView();
      } catch {
        return 'paused';
      }
    } else if (!budget.trySpend()) return 'paused';
    store.countRequest(accountId);
    try {
      if (work) await listGroupMembers(accountId, work);
      else if (state.phase === 'groups') await listGroups(accountId, state.page, state.sweep);
      else if (state.phase === 'members') {
        await listMembers(accountId, state.page, state.sweep);
        if (store.account(accountId, now()).phase !== 'members') urgent.delete(accountId);
      }
    } catch (error) {
      // A 429 has already paused the budget; the same step runs again when it allows.
      if (error instanceof V4CallFailed && error.status === 429) return 'paused';
      throw error;
    }
    return 'worked';
  }

  /** A group to read before all others: one a person asked about is in, else an admin group. */
  function priorityGroup(accountId: string) {
    const queue = wanted.get(accountId) ?? [];
    while (queue.length) {
      const next = store.nextStaleGroup(accountId, '', { groupId: queue[0]! });
      if (next) return next;
      queue.shift();
    }
    return store.nextStaleGroup(accountId, '', { adminOnly: true });
  }

  /** The next group to read: a priority one, else the next by id. */
  function nextGroup(accountId: string) {
    const first = priorityGroup(accountId);
    if (first) return first;
    const next = store.nextStaleGroup(accountId, cursors.get(accountId) ?? '') ?? store.nextStaleGroup(accountId);
    if (next) cursors.set(accountId, next.id);
    return next;
  }

  return {
    step,
    /** Reads these groups' members before any other (a person someone asked about is in them). */
    want(accountId: string, groupIds: readonly string[]) {
      const queue = wanted.get(accountId) ?? [];
      wanted.set(accountId, [...groupIds.filter((id) => !queue.includes(id)), ...queue]);
    },
    /** Someone waits on the member list (a search): its pages go at once, not paced. */
    hurry: (accountId: string) => urgent.add(accountId),
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
