import { ACCOUNT_COLUMN, type Outcome, type PolicyRef, type Reason } from '@/lib/effective-access';
import { describeKey, type KeyNames } from '@/lib/scope-keys';

/** How a resource column reads: "Account (all zones)", "acme.com" (its id on hover). */
export function columnLabel(key: string, names: KeyNames = {}): string {
  if (key === ACCOUNT_COLUMN) return names.accountName ? `${names.accountName} (account, all zones)` : 'Account (all zones)';
  return describeKey(key, names);
}

export const OUTCOME_LABEL: Record<Outcome, string> = { allow: 'Allowed', deny: 'Denied', none: 'Not granted' };

/** "Interns · Policy 2"; a member's own grant: "Member policy 1", "Role Administrator". */
export function policyRefLabel(ref: PolicyRef, { withGroup = true }: { withGroup?: boolean } = {}): string {
  if (ref.source === 'role') return ref.groupName;
  if (ref.source === 'member-policy') return `Member policy ${ref.position}`;
  return withGroup ? `${ref.groupName} · Policy ${ref.position}` : `Policy ${ref.position}`;
}

/**
 * "Interns · Policy 2 (deny, through Production zones)"; through an admin permission group:
 * "Break-glass Admins · Policy 1 (allow as Super Administrator - All Privileges, through Whole account)".
 */
export function reasonLabel(reason: Reason, options?: { withGroup?: boolean }): string {
  const as = reason.implied ? ` as ${reason.implied.name}` : '';
  return `${policyRefLabel(reason.policy, options)} (${reason.access}${as}, through ${reason.through.join(', ')})`;
}
