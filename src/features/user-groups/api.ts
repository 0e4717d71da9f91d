import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { isApiError, type ApiError } from '@/api/api-error';
import type { ApiResponse } from '@/api/client';
import { addGroupMembers, createUserGroup, deleteUserGroup, removeGroupMember, replaceGroupMembers, updateUserGroup } from '@/api/user-groups/endpoints';
import { userGroupKeys } from '@/api/user-groups/queries';
import type { GroupMember, PolicyInput, UserGroup } from '@/api/user-groups/schema';
import { retryAtText } from '@/components/ui/retry-countdown';
import { pluralize } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';
import { notify } from '@/stores/toasts';
import { mapSettled } from './lib/concurrency';
import { useGroupMutation } from './use-group-mutation';

/** The first message of an error, for a toast's description. */
export function describeError(error: unknown): string {
  if (isApiError(error)) return [...error.errors.map((e) => (e.code ? `${e.message} (code ${e.code})` : e.message)), retryAtText(error) ?? []].flat().join('; ');
  return error instanceof Error ? error.message : String(error);
}

/** A group changed: its detail, and every list page showing its name or dates. */
function invalidateGroup(qc: QueryClient, accountId: string, groupId: string) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: userGroupKeys.detail(accountId, groupId), exact: true }),
    qc.invalidateQueries({ queryKey: userGroupKeys.lists(accountId) }),
  ]);
}

/** A group's membership changed: its member queries, and the group (the API bumps modified_on). */
function invalidateMembership(qc: QueryClient, accountId: string, groupId: string) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: userGroupKeys.members(accountId, groupId) }),
    invalidateGroup(qc, accountId, groupId),
  ]);
}

export function useCreateUserGroup() {
  const accountId = useAccountId();
  const qc = useQueryClient();
  return useGroupMutation<UserGroup, ApiError, { name: string; policies?: PolicyInput[] }>({
    mutationFn: async (body) => (await createUserGroup(accountId, body)).result,
    onSuccess: async (group) => {
      qc.setQueryData(userGroupKeys.detail(accountId, group.id), group);
      notify.success(`Created “${group.name}”`);
      await qc.invalidateQueries({ queryKey: userGroupKeys.lists(accountId) });
    },
    // Failures are shown in the form, at the field the API points to; no toast on top.
  });
}

type ListPage = ApiResponse<UserGroup[]>;
interface RenameContext {
  previous: UserGroup | undefined;
  lists: Array<[QueryKey, ListPage | undefined]>;
}

/** Renames at once on screen (header, lists); a refused name puts the old one back. */
export function useRenameUserGroup(groupId: string) {
  const accountId = useAccountId();
  const qc = useQueryClient();
  const detailKey = userGroupKeys.detail(accountId, groupId);
  return useGroupMutation<UserGroup, ApiError, { name: string }, RenameContext>({
    mutationFn: async ({ name }) => (await updateUserGroup(accountId, groupId, { name })).result,
    onMutate: async ({ name }) => {
      await Promise.all([
        qc.cancelQueries({ queryKey: detailKey, exact: true }),
        qc.cancelQueries({ queryKey: userGroupKeys.lists(accountId) }),
      ]);
      const previous = qc.getQueryData<UserGroup>(detailKey);
      const lists = qc.getQueriesData<ListPage>({ queryKey: userGroupKeys.lists(accountId) });
      if (previous) qc.setQueryData<UserGroup>(detailKey, { ...previous, name });
      qc.setQueriesData<ListPage>({ queryKey: userGroupKeys.lists(accountId) }, (page) =>
        page ? { ...page, result: page.result.map((g) => (g.id === groupId ? { ...g, name } : g)) } : page,
      );
      return { previous, lists };
    },
    onError: (error, _vars, context) => {
      if (context?.previous) qc.setQueryData(detailKey, context.previous);
      for (const [key, page] of context?.lists ?? []) qc.setQueryData(key, page);
      notify.error(`Rename failed: the name is still “${context?.previous?.name ?? 'unchanged'}”`, describeError(error), `rename:${groupId}`);
    },
    onSuccess: (group) => {
      qc.setQueryData(detailKey, group);
      notify.success(`Renamed to “${group.name}”`, undefined, `rename:${groupId}`);
    },
    onSettled: () => invalidateGroup(qc, accountId, groupId),
  });
}

/** Deletes, then leaves the group's page (which can no longer load) for the list. */
export function useDeleteUserGroup(groupId: string) {
  const accountId = useAccountId();
  const qc = useQueryClient();
  const navigate = useNavigate();
  return useGroupMutation<{ id: string }, ApiError, { name: string }>({
    mutationFn: async () => (await deleteUserGroup(accountId, groupId)).result,
    onSuccess: async (_result, { name }) => {
      // Out of every cached list now, so the list we land on never shows it for a moment.
      qc.setQueriesData<ListPage>({ queryKey: userGroupKeys.lists(accountId) }, (page) => {
        if (!page || !page.result.some((g) => g.id === groupId)) return page;
        const info = page.resultInfo;
        return {
          ...page,
          result: page.result.filter((g) => g.id !== groupId),
          resultInfo: info ? { ...info, total_count: Math.max(0, (info.total_count ?? 1) - 1) } : info,
        };
      });
      void qc.invalidateQueries({ queryKey: userGroupKeys.lists(accountId) });
      notify.success(`Deleted “${name}”`);
      await navigate({ to: '/accounts/$accountId/groups', params: { accountId } });
      // Only once the page is gone: its queries would otherwise refetch a group that is not there.
      qc.removeQueries({ queryKey: userGroupKeys.detail(accountId, groupId), exact: true });
      qc.removeQueries({ queryKey: userGroupKeys.members(accountId, groupId) });
    },
    onError: (error, { name }) => notify.error(`Could not delete “${name}”`, describeError(error)),
  });
}

export interface AddMembersResult {
  members: GroupMember[];
  /** How many the preview said were new; the POST answers every requested member. */
  newCount: number;
}

/** Adds many members in ONE request (the API takes a list). */
export function useAddGroupMembers(groupId: string) {
  const accountId = useAccountId();
  const qc = useQueryClient();
  return useGroupMutation<GroupMember[], ApiError, { ids: string[] }>({
    mutationFn: async ({ ids }) => (await addGroupMembers(accountId, groupId, ids)).result,
    onSuccess: (_members, { ids }) => notify.success(`Added ${pluralize(ids.length, 'member')}`),
    // Errors point at /i/id items: the dialog names the people; the toast says it failed.
    onError: (error) => notify.error('Could not add members', describeError(error)),
    onSettled: () => invalidateMembership(qc, accountId, groupId),
  });
}

export function useReplaceGroupMembers(groupId: string) {
  const accountId = useAccountId();
  const qc = useQueryClient();
  return useGroupMutation<GroupMember[], ApiError, { ids: string[]; added: number; removed: number }>({
    mutationFn: async ({ ids }) => (await replaceGroupMembers(accountId, groupId, ids)).result,
    onSuccess: (_members, { added, removed }) =>
      notify.success('Membership replaced', `${pluralize(added, 'member')} added, ${pluralize(removed, 'member')} removed`),
    onError: (error) => notify.error('Could not replace the membership', describeError(error)),
    onSettled: () => invalidateMembership(qc, accountId, groupId),
  });
}

type MemberPage = ApiResponse<GroupMember[]>;

/** Some removals failed: which, and why. Successful ones stay removed. */
export class PartialRemovalError extends Error {
  constructor(
    readonly removed: GroupMember[],
    readonly failed: Array<{ member: GroupMember; error: unknown }>,
  ) {
    super(failed.map((f) => `${f.member.email ?? f.member.id}: ${describeError(f.error)}`).join('; '));
    this.name = 'PartialRemovalError';
  }
}

/**
 * Removes members one DELETE each (the API has no bulk delete; a PUT of "everyone else" would
 * overwrite a colleague's concurrent additions). The rows leave the table at once and come back
 * if their removal fails.
 */
export function useRemoveGroupMembers(groupId: string) {
  const accountId = useAccountId();
  const qc = useQueryClient();
  const membersKey = userGroupKeys.members(accountId, groupId);
  return useGroupMutation<GroupMember[], Error, { members: GroupMember[] }, { snapshot: Array<[QueryKey, unknown]> }>({
    mutationFn: async ({ members }) => {
      const settled = await mapSettled(members, 4, (m) => removeGroupMember(accountId, groupId, m.id));
      const failed = settled.flatMap((s, i) => (s.status === 'rejected' ? [{ member: members[i]!, error: s.reason }] : []));
      const removed = members.filter((_, i) => settled[i]!.status === 'fulfilled');
      if (failed.length) throw new PartialRemovalError(removed, failed);
      return removed;
    },
    onMutate: async ({ members }) => {
      await qc.cancelQueries({ queryKey: membersKey });
      const snapshot = qc.getQueriesData({ queryKey: membersKey });
      const gone = new Set(members.map((m) => m.id));
      qc.setQueriesData<MemberPage | GroupMember[]>({ queryKey: membersKey }, (data) => {
        if (!data) return data;
        if (Array.isArray(data)) return data.filter((m) => !gone.has(m.id)); // the "all members" cache
        if (!('result' in data) || !Array.isArray(data.result)) return data; // a member detail
        const result = data.result.filter((m) => !gone.has(m.id));
        const dropped = data.result.length - result.length;
        const info = data.resultInfo;
        return {
          ...data,
          result,
          resultInfo: info ? { ...info, count: result.length, total_count: Math.max(0, (info.total_count ?? 0) - dropped) } : info,
        };
      });
      return { snapshot };
    },
    onSuccess: (removed) => notify.success(removed.length === 1 ? `Removed ${removed[0]!.email ?? 'the member'}` : `Removed ${pluralize(removed.length, 'member')}`),
    onError: (error, { members }, context) => {
      for (const [key, data] of context?.snapshot ?? []) qc.setQueryData(key, data);
      const who = members.length === 1 ? (members[0]!.email ?? 'the member') : pluralize(members.length, 'member');
      if (error instanceof PartialRemovalError && error.removed.length > 0) {
        notify.error(
          `Removed ${error.removed.length} of ${members.length}; ${pluralize(error.failed.length, 'member')} could not be removed`,
          error.message,
        );
      } else {
        notify.error(`Could not remove ${who}`, error instanceof PartialRemovalError ? error.message : describeError(error));
      }
    },
    onSettled: (_data, _error, { members }) => {
      for (const m of members) qc.removeQueries({ queryKey: userGroupKeys.member(accountId, groupId, m.id), exact: true });
      return invalidateMembership(qc, accountId, groupId);
    },
  });
}
