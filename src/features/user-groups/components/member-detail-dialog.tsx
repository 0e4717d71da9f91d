import { useQuery } from '@tanstack/react-query';
import { groupMemberQuery } from '@/api/user-groups/queries';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { formatDateTime } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';
import { CopyButton } from '@/components/ui/copy-button';
import { MemberStatusBadge } from './member-status-badge';

/** One member of the group (GET …/members/{member_id}); opened from the list, kept in the URL. */
export function MemberDetailDialog({
  groupId,
  memberId,
  onClose,
  onRemove,
}: {
  groupId: string;
  memberId: string;
  onClose: () => void;
  onRemove: (member: { id: string; email?: string }) => void;
}) {
  const accountId = useAccountId();
  const { data: member, error, isPending, refetch } = useQuery(groupMemberQuery(accountId, groupId, memberId));
  const name = [member?.user?.first_name, member?.user?.last_name].filter(Boolean).join(' ');

  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={member ? name || member.email || 'Member' : 'Member'}
      description={member?.email && name ? member.email : undefined}
      footer={
        <>
          {member ? (
            <button type="button" className="btn ug-btn-danger-outline" onClick={() => onRemove(member)}>
              Remove from group
            </button>
          ) : null}
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      {isPending ? <p role="status">Loading…</p> : null}
      {error ? (
        <ErrorBanner error={error} title="This member could not be loaded (they may have been removed from the group)" onRetry={() => void refetch()} />
      ) : null}
      {member ? (
        <dl className="details">
          <dt>Name</dt>
          <dd>{name || <span className="muted">Not set</span>}</dd>
          <dt>Email</dt>
          <dd className="mono">{member.email ?? member.user?.email ?? '—'}</dd>
          <dt>Status</dt>
          <dd>
            <MemberStatusBadge status={member.status} />{' '}
            <span className="muted">
              {member.status === 'pending' ? 'Invited to the account, not accepted yet.' : member.status === 'accepted' ? 'Active account member.' : ''}
            </span>
          </dd>
          <dt>Added to group</dt>
          <dd>{member.created_at ? <time dateTime={member.created_at}>{formatDateTime(member.created_at)}</time> : '—'}</dd>
          <dt>Member ID</dt>
          <dd className="ug-id-row">
            <code className="mono">{member.id}</code>
            <CopyButton value={member.id} label="Copy member ID" />
          </dd>
          {member.user?.id ? (
            <>
              <dt>User ID</dt>
              <dd className="ug-id-row">
                <code className="mono">{member.user.id}</code>
                <CopyButton value={member.user.id} label="Copy user ID" />
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </Dialog>
  );
}
