import { sortFindings, type Finding } from './finding';
import { adminGrantFindings } from './rules/admin-rules';
import { emptyGroupFindings, pendingMemberFindings } from './rules/group-rules';
import { oauthFindings } from './rules/oauth-rules';
import { groupPolicyFindings, idleDenyFindings } from './rules/policy-rules';
import { missingZoneFindings, unusedResourceGroupFindings } from './rules/resource-rules';
import { ssoLockoutFindings, ssoStuckFindings } from './rules/sso-rules';
import type { SnapshotPart } from './posture';
import type { AccessSnapshot } from './snapshot';
import { indexSnapshot, type SnapshotIndex } from './snapshot-index';

/**
 * Every rule, each a pure function of the indexed snapshot, with the parts of the snapshot it
 * reads: a rule runs once all of them are known (the home page shows the cheap ones first).
 */
const ACCESS: SnapshotPart[] = ['userGroups', 'memberships', 'members', 'resourceGroups', 'permissionGroups'];
const RULES: Array<{ rule: (index: SnapshotIndex) => Finding[]; needs: SnapshotPart[] }> = [
  { rule: adminGrantFindings, needs: ACCESS },
  { rule: emptyGroupFindings, needs: ['userGroups', 'memberships'] },
  { rule: pendingMemberFindings, needs: ACCESS },
  { rule: unusedResourceGroupFindings, needs: ['userGroups', 'resourceGroups'] },
  { rule: missingZoneFindings, needs: ['userGroups', 'resourceGroups', 'zones'] },
  { rule: groupPolicyFindings, needs: ['userGroups', 'resourceGroups', 'permissionGroups'] },
  { rule: idleDenyFindings, needs: ACCESS },
  { rule: oauthFindings, needs: ['oauthClients'] },
  { rule: ssoStuckFindings, needs: ['ssoConnectors'] },
  { rule: ssoLockoutFindings, needs: [...ACCESS, 'ssoConnectors'] },
];

export const ALL_PARTS: ReadonlySet<SnapshotPart> = new Set(['userGroups', 'memberships', 'members', 'resourceGroups', 'zones', 'ssoConnectors', 'oauthClients', 'permissionGroups']);

/**
 * The rules' findings one rule at a time, so a server can let other requests run in between;
 * only the rules whose parts are all `known` (memberships count as known only when not null).
 */
export function* analysisSteps(snapshot: AccessSnapshot, known: ReadonlySet<SnapshotPart> = ALL_PARTS): Generator<Finding[]> {
  const index = indexSnapshot(snapshot);
  const has = (part: SnapshotPart) => known.has(part) && (part !== 'memberships' || snapshot.memberships !== null);
  for (const { rule, needs } of RULES) if (needs.every(has)) yield rule(index);
}

export function analyze(snapshot: AccessSnapshot): Finding[] {
  return sortFindings([...analysisSteps(snapshot)].flat());
}
