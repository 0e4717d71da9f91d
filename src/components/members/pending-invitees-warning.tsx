import { PENDING_INVITEE_RISK, pendingInviteesTitle } from '@/lib/pending-invitees';

/**
 * Said where people are about to be added to groups, when some have not accepted their invitation:
 * the same risk the pending-member finding names, before it exists instead of after.
 */
export function PendingInviteesWarning({ emails }: { emails: readonly string[] }) {
  if (emails.length === 0) return null;
  return (
    <div className="banner banner-warning" role="note" aria-label="Pending invitations">
      <strong>{pendingInviteesTitle(emails.length)}:</strong> {emails.join(', ')}. {PENDING_INVITEE_RISK} Add them once they have
      accepted, or check that each address is the right person’s.
    </div>
  );
}
