import { pluralize } from './format';

/**
 * Why a pending invitee in a group is a risk, in one wording: the pending-member finding says it,
 * and so does every place that adds people to groups (paste, bulk add, the picker), before the add.
 */
export const PENDING_INVITEE_RISK = 'Whoever accepts an invitation gets this access at once, before anyone has checked that the right person joined.';

export const PENDING_INVITEE_FIX = 'Remove pending invitees from their groups until they accept, or resend the invitation to the right address.';

/** At the point of adding: "2 people have not accepted their invitation yet". */
export function pendingInviteesTitle(count: number): string {
  return `${pluralize(count, 'person', 'people')} ${count === 1 ? 'has' : 'have'} not accepted ${count === 1 ? 'their invitation' : 'their invitations'} yet`;
}
