import { sortFindings, type Finding } from './finding';
import { adminGrantFindings } from './rules/admin-rules';
import { emptyGroupFindings, pendingMemberFindings } from './rules/group-rules';
import { oauthFindings } from './rules/oauth-rules';
import { groupPolicyFindings, idleDenyFindings } from './rules/policy-rules';
import { missingZoneFindings, unusedResourceGroupFindings } from './rules/resource-rules';
import { ssoLockoutFindings, ssoStuckFindings } from './rules/sso-rules';
import type { AccessSnapshot } from './snapshot';
import { indexSnapshot } from './snapshot-index';

/** Every rule, each a pure function of the indexed snapshot; some need to know who is in which group. */
const RULES = [
  { rule: adminGrantFindings, needsMemberships: true },
  { rule: emptyGroupFindings, needsMemberships: true },
  { rule: pendingMemberFindings, needsMemberships: true },
  { rule: unusedResourceGroupFindings, needsMemberships: false },
  { rule: missingZoneFindings, needsMemberships: false },
  { rule: groupPolicyFindings, needsMemberships: false },
  { rule: idleDenyFindings, needsMemberships: true },
  { rule: oauthFindings, needsMemberships: false },
  { rule: ssoStuckFindings, needsMemberships: false },
  { rule: ssoLockoutFindings, needsMemberships: true },
];

/** The rules' findings one rule at a time, so a server can let other requests run in between. */
export function* analysisSteps(snapshot: AccessSnapshot): Generator<Finding[]> {
  const index = indexSnapshot(snapshot);
  const known = snapshot.memberships !== null;
  for (const { rule, needsMemberships } of RULES) if (known || !needsMemberships) yield rule(index);
}

export function analyze(snapshot: AccessSnapshot): Finding[] {
  return sortFindings([...analysisSteps(snapshot)].flat());
}
