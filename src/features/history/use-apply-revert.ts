import { useQueryClient } from '@tanstack/react-query';
import { useGuardedMutation } from '@/api/use-guarded-mutation';
import { historyKeys } from '@/api/history/queries';
import { addGroupMembers, createUserGroup, deleteUserGroup, replaceGroupMembers, updateUserGroup } from '@/api/user-groups/endpoints';
import { userGroupKeys } from '@/api/user-groups/queries';
import type { HistoryEntry } from '@/api/history/schema';
import { useAccountId } from '@/stores/current-account';
import type { RecreateRequest } from './lib/recreate-group';

/** A reviewed revert, ready to send: each is one or two writes, all marked as reverting `entry`. */
export type RevertWrite =
  | { kind: 'members'; groupId: string; memberIds: string[] }
  | { kind: 'recreate-group'; request: RecreateRequest }
  | { kind: 'rename'; groupId: string; name: string }
  | { kind: 'delete-group'; groupId: string };

/** Sends a reviewed revert; the journal records it as a new entry linked to the one it undoes. */
export function useApplyRevert(entry: HistoryEntry) {
  const accountId = useAccountId();
  const qc = useQueryClient();
  const options = { revertOf: entry.id };
  return useGuardedMutation({
    mutationFn: async (write: RevertWrite): Promise<{ groupId: string | null }> => {
      switch (write.kind) {
        case 'members':
          await replaceGroupMembers(accountId, write.groupId, write.memberIds, options);
          return { groupId: write.groupId };
        case 'rename':
          await updateUserGroup(accountId, write.groupId, { name: write.name }, options);
          return { groupId: write.groupId };
        case 'delete-group':
          await deleteUserGroup(accountId, write.groupId, options);
          return { groupId: null };
        case 'recreate-group': {
          const { name, policies, memberIds } = write.request;
          const { result } = await createUserGroup(accountId, { name, policies }, options);
          if (memberIds.length) await addGroupMembers(accountId, result.id, memberIds, options);
          return { groupId: result.id };
        }
      }
    },
    onSettled: () =>
      Promise.all([qc.invalidateQueries({ queryKey: userGroupKeys.all(accountId) }), qc.invalidateQueries({ queryKey: historyKeys.all(accountId) })]),
  });
}
