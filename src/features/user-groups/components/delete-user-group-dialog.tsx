import { useQuery } from '@tanstack/react-query';
import { groupMembersQuery } from '@/api/user-groups/queries';
import type { UserGroup } from '@/api/user-groups/schema';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { pluralize } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';
import { useDeleteUserGroup } from '../api';
import { MEMBER_COUNT_PARAMS } from '../search-params';

/** Deleting takes the group's policies and memberships with it: say so, and ask for the name. */
export function DeleteUserGroupDialog({ group, open, onOpenChange }: { group: UserGroup; open: boolean; onOpenChange: (open: boolean) => void }) {
  const accountId = useAccountId();
  const remove = useDeleteUserGroup(group.id);
  const members = useQuery({ ...groupMembersQuery(accountId, group.id, MEMBER_COUNT_PARAMS), enabled: open });
  const memberCount = members.data?.resultInfo?.total_count;
  const policyCount = group.policies?.length ?? 0;

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) remove.reset();
        onOpenChange(next);
      }}
      title={`Delete “${group.name}”?`}
      confirmLabel="Delete group"
      typeToConfirm={group.name}
      pending={remove.isPending}
      onConfirm={() => remove.mutate({ name: group.name })}
    >
      <p>
        Its {pluralize(policyCount, 'policy', 'policies')} will be deleted and its{' '}
        {memberCount === undefined ? 'members' : pluralize(memberCount, 'member')} will lose the access this group gives them.
        The people stay members of the account. To undo it, revert the deletion in History: the group comes back, with a new id.
      </p>
      {remove.isError ? <ErrorBanner error={remove.error} title="The group was not deleted" /> : null}
    </ConfirmDialog>
  );
}
