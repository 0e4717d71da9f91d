import { ACCOUNT_COLUMN, type Outcome, type PolicyRef, type Reason } from '../../lib/effective-access';
import { describeKey, type KeyNames } from '../../lib/scope-keys';

/** How a resource column reads: "Account (all zones)", "acme.com" (its id on hover). */
export function columnLabel(key: string, names: KeyNames = {}): string {
  if (key === ACCOUNT_COLUMN) return names.accountName ? `${names.accountName} (account, all zones)` : 'Account (all zones)';
  return describeKey(key, names);
}

export const OUTCOME_LABEL: Record<Outcome, string> = { allow: 'Allowed', deny: 'Denied', none: 'Not granted' };

export function policyRefLabel(ref: PolicyRef, { withGroup = true }: { withGroup?: boolean } = {}): string {
  return withGroup ? `${ref.groupName} · Policy ${ref.position}` : `Policy ${ref.position}`;
}

/** "Interns · Policy 2 (deny, through Production zones)". */
export function reasonLabel(reason: Reason, options?: { withGroup?: boolean }): string {
  return `${policyRefLabel(reason.policy, options)} (${reason.access}, through ${reason.through.join(', ')})`;
}
