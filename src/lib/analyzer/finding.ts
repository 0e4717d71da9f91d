/** What the analyzer reports: one problem, why it matters, what it touches and how to fix it. */

export type Severity = 'critical' | 'warning' | 'info';

export const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

export type FindingKind =
  | 'admin-grant'
  | 'group-without-members'
  | 'group-without-policies'
  | 'pending-member-with-access'
  | 'unused-resource-group'
  | 'policy-on-missing-zone'
  | 'policy-shadowed-by-deny'
  | 'policy-redundant'
  | 'deny-takes-nothing'
  | 'oauth-stale-rotated-secret'
  | 'oauth-public-unverified-uri'
  | 'sso-connector-stuck'
  | 'sso-lockout-risk'
  | 'time-bound-not-removed'
  | 'access-review-overdue'
  | 'admin-grant-not-reviewed';

/** An object a finding names; the SPA turns it into a link. */
export type AffectedObject =
  | { kind: 'user-group'; id: string; name: string }
  | { kind: 'policy'; id: string; name: string; groupId: string; position: number }
  | { kind: 'member'; id: string; name: string }
  | { kind: 'resource-group'; id: string; name: string }
  | { kind: 'zone'; id: string; name: string }
  | { kind: 'sso-connector'; id: string; name: string }
  | { kind: 'oauth-client'; id: string; name: string }
  | { kind: 'permission-group'; id: string; name: string };

/** Where the fix is made: a screen of the console, named by the object it belongs to. */
export type FixTarget =
  | { screen: 'group-members' | 'group-policies' | 'group-overview'; groupId: string }
  | { screen: 'resource-groups' }
  | { screen: 'sso-connector'; connectorId: string }
  | { screen: 'oauth-client'; clientId: string }
  | { screen: 'member'; memberId: string }
  | { screen: 'access-reviews' }
  | { screen: 'access-review'; reviewId: string };

export interface Finding {
  /** Stable across runs while the problem lasts: dismissals are kept by it. */
  id: string;
  kind: FindingKind;
  severity: Severity;
  title: string;
  /** One sentence: why this matters. */
  why: string;
  affected: AffectedObject[];
  fix: { action: string; target: FixTarget };
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id),
  );
}
