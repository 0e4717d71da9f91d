import { sortFindings, type Finding } from './finding';
import { adminGrantFindings } from './rules/admin-rules';
import { emptyGroupFindings, pendingMemberFindings } from './rules/group-rules';
import { oauthFindings } from './rules/oauth-rules';
import { groupPolicyFindings, idleDenyFindings } from './rules/policy-rules';
import { missingZoneFindings, unusedResourceGroupFindings } from './rules/resource-rules';
import { ssoLockoutFindings, ssoStuckFindings } from './rules/sso-rules';
import type { AccessSnapshot } from './snapshot';
import { indexSnapshot } from './snapshot-index';

/** Every rule, each a pure function of the indexed snapshot. */
const RULES = [
  adminGrantFindings,
  emptyGroupFindings,
  pendingMemberFindings,
  unusedResourceGroupFindings,
  missingZoneFindings,
  groupPolicyFindings,
  idleDenyFindings,
  oauthFindings,
  ssoStuckFindings,
  ssoLockoutFindings,
];

export function analyze(snapshot: AccessSnapshot): Finding[] {
  const index = indexSnapshot(snapshot);
  return sortFindings(RULES.flatMap((rule) => rule(index)));
}
