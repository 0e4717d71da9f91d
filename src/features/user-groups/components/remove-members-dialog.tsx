import type { GroupMember } from '@/api/user-groups/schema';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { pluralize } from '@/lib/format';

/** Confirms removing one or several members, naming each (the access they lose is this group's). */
export function RemoveMembersDialog({
  groupName,
  members,
  pending,
  onCancel,
  onConfirm,
}: {
  groupName: string;
  members: GroupMember[];
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const one = members.length === 1 ? members[0] : undefined;
  return (
    <ConfirmDialog
      open={members.length > 0}
      onOpenChange={(open) => (open ? undefined : onCancel())}
      title={one ? `Remove ${one.email ?? 'this member'} from “${groupName}”?` : `Remove ${pluralize(members.length, 'member')} from “${groupName}”?`}
      confirmLabel={one ? 'Remove member' : `Remove ${pluralize(members.length, 'member')}`}
      pending={pending}
      onConfirm={onConfirm}
    >
      <p>They lose the access this group gives them. They stay members of the account and of their other groups.</p>
      {!one ? (
        <ul className="ug-preview-list ug-compact">
          {members.slice(0, 20).map((m) => (
            <li key={m.id} className="mono">
              {m.email ?? m.id}
            </li>
          ))}
          {members.length > 20 ? <li className="muted">and {members.length - 20} more</li> : null}
        </ul>
      ) : null}
    </ConfirmDialog>
  );
}
