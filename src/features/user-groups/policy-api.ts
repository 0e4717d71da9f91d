import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ApiError } from '@/api/api-error';
import { listAccountMembers } from '@/api/account-members/endpoints';
import { addGroupMembers, createUserGroup, updateUserGroup } from '@/api/user-groups/endpoints';
import { createResourceGroup, deleteResourceGroup } from '@/api/resource-groups/endpoints';
import { resourceGroupKeys } from '@/api/resource-groups/queries';
import { userGroupKeys, userGroupQuery } from '@/api/user-groups/queries';
import type { PolicyInput, UserGroup } from '@/api/user-groups/schema';
import type { ResourceGroup, ScopeInput } from '@/api/resource-groups/schema';
import { useAccountId } from '@/stores/current-account';
import { resolveEmailsIndexFirst } from './lib/resolve-emails';
import { accountMemberAsPerson, askIndex } from './use-membership-preview';
import { useGroupMutation } from './use-group-mutation';

/**
 * The policy composer's calls. The API has no ETag, so a save is protected by reading the group
 * again right before the PUT (see readGroupFresh) and comparing modified_on with the draft's base.
 */

/** The group as the API holds it now, bypassing any cached copy; the cache takes the answer. */
export function readGroupFresh(qc: QueryClient, accountId: string, groupId: string): Promise<UserGroup> {
  return qc.fetchQuery({ ...userGroupQuery(accountId, groupId), staleTime: 0 });
}

/** A group's policies or membership changed: its detail, list pages and the all-groups scan. */
export function invalidateGroupEverywhere(qc: QueryClient, accountId: string, groupId: string) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: userGroupKeys.detail(accountId, groupId), exact: true }),
    qc.invalidateQueries({ queryKey: userGroupKeys.lists(accountId) }),
    qc.invalidateQueries({ queryKey: userGroupKeys.allPages(accountId) }),
  ]);
}

/** PUT the whole policy set. Errors are placed on the cards by the caller; no toast here. */
export function useSavePolicies(groupId: string) {
  const accountId = useAccountId();
  const qc = useQueryClient();
  return useGroupMutation<UserGroup, ApiError, { policies: PolicyInput[]; revertOf?: string }>({
    mutationFn: async ({ revertOf, ...body }) => (await updateUserGroup(accountId, groupId, body, { revertOf })).result,
    onSuccess: async (group) => {
      qc.setQueryData(userGroupKeys.detail(accountId, groupId), group);
      await Promise.all([
        qc.invalidateQueries({ queryKey: userGroupKeys.lists(accountId) }),
        qc.invalidateQueries({ queryKey: userGroupKeys.allPages(accountId) }),
        // Inline scopes create (and orphaned ones drop) anonymous resource groups.
        qc.invalidateQueries({ queryKey: resourceGroupKeys.list(accountId) }),
      ]);
    },
  });
}

/**
 * Undoes what a discarded draft created: its named resource groups, one DELETE each (a draft
 * creates a handful at most). Answers which could not be deleted, so the admin is told.
 */
export async function deleteDraftResourceGroups(qc: QueryClient, accountId: string, groups: Array<{ id: string; name: string }>) {
  const failed: string[] = [];
  for (const g of groups) await deleteResourceGroup(accountId, g.id).catch(() => failed.push(g.name));
  await qc.invalidateQueries({ queryKey: resourceGroupKeys.list(accountId) });
  return { deleted: groups.length - failed.length, failed };
}

/** After a draft's policies are saved: the members its import said to add, in one request. */
export async function addMembersAfterSave(qc: QueryClient, accountId: string, groupId: string, memberIds: string[]) {
  if (!memberIds.length) return;
  try {
    await addGroupMembers(accountId, groupId, memberIds);
  } finally {
    await Promise.all([invalidateGroupEverywhere(qc, accountId, groupId), qc.invalidateQueries({ queryKey: userGroupKeys.members(accountId, groupId) })]);
  }
}

/** The composer's "new resource group" when saved as a named, reusable group. */
export function useCreateResourceGroup() {
  const accountId = useAccountId();
  const qc = useQueryClient();
  return useGroupMutation<ResourceGroup, ApiError, { name: string; scope: ScopeInput }>({
    mutationFn: async (body) => (await createResourceGroup(accountId, body)).result,
    onSuccess: async (group) => {
      qc.setQueryData<ResourceGroup[]>(resourceGroupKeys.list(accountId), (list) => (list ? [...list, group] : list));
      await qc.invalidateQueries({ queryKey: resourceGroupKeys.list(accountId) });
    },
  });
}

/**
 * The account members behind an import's emails, in as few requests as the membership previews
 * use (search when the server honours it, else every page).
 */
export async function findAccountMembersByEmail(accountId: string, emails: string[]): Promise<Array<{ id: string; email: string }>> {
  const { found } = await resolveEmailsIndexFirst(emails, askIndex(accountId), async (params) => {
    const { result, resultInfo } = await listAccountMembers(accountId, params);
    return { people: result.map(accountMemberAsPerson), total: resultInfo?.total_count };
  });
  return [...found.values()].map((p) => ({ id: p.id, email: p.email }));
}

export interface ApplyImportInput {
  target: { kind: 'this-group'; groupId: string } | { kind: 'new-group'; name: string };
  /** Named resource groups to create first, by the id they had in the file. */
  createGroups: Array<{ sourceId: string; name: string; scope: ScopeInput }>;
  /** Builds the policies once the new resource groups have ids. */
  policies: (created: ReadonlyMap<string, string>) => PolicyInput[];
  memberIds: string[];
}

export interface ApplyImportResult {
  /** The group the import went to (created for a new-group import). */
  groupId: string;
  /** For this-group imports: the policies to load into the composer (not saved yet). */
  policies: PolicyInput[];
  /** The named resource groups the import created (this-group imports track them in the draft). */
  createdGroups: Array<{ id: string; name: string }>;
  addedMembers: number;
}

/**
 * Applies an import after its dry run. Into this group, the policies go to the composer as a draft
 * (reviewed and saved like any edit); into a new group, it is created with them. Members are added
 * (never removed) in one request.
 */
export function useApplyImport() {
  const accountId = useAccountId();
  const qc = useQueryClient();
  return useGroupMutation<ApplyImportResult, ApiError, ApplyImportInput>({
    mutationFn: async ({ target, createGroups, policies, memberIds }) => {
      const created = new Map<string, string>();
      const createdGroups: Array<{ id: string; name: string }> = [];
      for (const g of createGroups) {
        const { result } = await createResourceGroup(accountId, { name: g.name, scope: g.scope });
        created.set(g.sourceId, result.id);
        createdGroups.push({ id: result.id, name: g.name });
      }
      const built = policies(created);
      let groupId: string;
      if (target.kind === 'new-group') {
        const { result } = await createUserGroup(accountId, { name: target.name, policies: built });
        groupId = result.id;
        qc.setQueryData(userGroupKeys.detail(accountId, groupId), result);
      } else groupId = target.groupId;
      if (memberIds.length) await addGroupMembers(accountId, groupId, memberIds);
      return { groupId, policies: built, createdGroups, addedMembers: memberIds.length };
    },
    onSettled: async (result, _error, input) => {
      await qc.invalidateQueries({ queryKey: resourceGroupKeys.list(accountId) });
      const groupId = result?.groupId ?? (input.target.kind === 'this-group' ? input.target.groupId : undefined);
      if (groupId) {
        await Promise.all([
          invalidateGroupEverywhere(qc, accountId, groupId),
          qc.invalidateQueries({ queryKey: userGroupKeys.members(accountId, groupId) }),
        ]);
      } else await qc.invalidateQueries({ queryKey: userGroupKeys.lists(accountId) });
    },
  });
}
