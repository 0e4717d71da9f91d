import { cellAt, computeEffectiveAccess, diffAccess, resourceGroupReach, type AccessMatrix, type AccessPolicy, type PolicyRef } from '../../effective-access';
import type { Finding } from '../finding';
import type { SnapshotIndex } from '../snapshot-index';
import { groupObject, policyObject, sameRef } from './objects';

/** The matrix columns a policy reaches: all of them when one of its resource groups is account-wide. */
function columnsReached(policy: AccessPolicy, matrix: AccessMatrix): string[] {
  const reaches = policy.resourceGroups.map(resourceGroupReach);
  if (reaches.some((r) => r.accountWide)) return matrix.columns.map((c) => c.key);
  return [...new Set(reaches.flatMap((r) => [...r.zones, ...r.other]))];
}

const isComplete = (p: AccessPolicy) => p.permissionGroups.length > 0 && p.resourceGroups.length > 0;

/**
 * A policy that reaches some resource and names a permission group no other policy of the group
 * names decides that cell alone: removing it changes an outcome, so it cannot be redundant. Most
 * policies are like that; this spares computing the group's access without each of them.
 */
function decidesAlone(policy: AccessPolicy, others: readonly AccessPolicy[]): boolean {
  const reachesSomething = policy.resourceGroups.some((rg) => {
    const reach = resourceGroupReach(rg);
    return reach.accountWide || reach.zones.length > 0 || reach.other.length > 0;
  });
  if (!reachesSomething) return false;
  const named = new Set(others.flatMap((p) => p.permissionGroups.map((pg) => pg.id)));
  return policy.permissionGroups.some((pg) => !named.has(pg.id));
}

/** The denies that take back every cell an allow policy gives, or null when something of it survives. */
export function shadowingDenies(policy: AccessPolicy, matrix: AccessMatrix): PolicyRef[] | null {
  const columns = columnsReached(policy, matrix);
  const deciders: PolicyRef[] = [];
  for (const pg of policy.permissionGroups) {
    for (const column of columns) {
      const cell = cellAt(matrix, pg.id, column);
      if (cell.outcome !== 'deny') return null;
      for (const r of cell.decidedBy) if (!deciders.some((d) => sameRef(d, r.policy))) deciders.push(r.policy);
    }
  }
  return deciders;
}

/**
 * Within one group: allows fully taken back by a deny, and allows that another allow already
 * covers (removing them changes no outcome). Checked from the last policy back, so of two
 * identical policies only the later one is reported.
 */
export function groupPolicyFindings(index: SnapshotIndex): Finding[] {
  const findings: Finding[] = [];
  for (const group of index.snapshot.userGroups) {
    const policies = index.policiesOf(group.id).filter(isComplete);
    if (policies.length < 2) continue;
    const full = computeEffectiveAccess(policies);
    let kept = policies;
    let keptAccess = full;
    for (const policy of [...policies].reverse()) {
      if (policy.access !== 'allow') continue;
      const denies = shadowingDenies(policy, full);
      if (denies) {
        findings.push({
          id: `policy-shadowed-by-deny:${policyObject(policy.ref).id}`,
          kind: 'policy-shadowed-by-deny',
          severity: 'warning',
          title: `${group.name} · Policy ${policy.ref.position} is fully taken back by a deny`,
          why: 'Deny wins over allow, so this policy grants nothing at all while it reads as if it granted something.',
          affected: [policyObject(policy.ref), ...denies.map(policyObject), groupObject(group)],
          fix: { action: 'Remove the allow, or narrow the deny to what it should take away.', target: { screen: 'group-policies', groupId: group.id } },
        });
        continue;
      }
      const without = kept.filter((p) => !sameRef(p.ref, policy.ref));
      if (decidesAlone(policy, without)) continue;
      const withoutAccess = computeEffectiveAccess(without);
      if (diffAccess(keptAccess, withoutAccess).length > 0) continue;
      kept = without;
      keptAccess = withoutAccess;
      const coveredBy = policies.filter((p) => p.access === 'allow' && !sameRef(p.ref, policy.ref) && without.includes(p));
      findings.push({
        id: `policy-redundant:${policyObject(policy.ref).id}`,
        kind: 'policy-redundant',
        severity: 'info',
        title: `${group.name} · Policy ${policy.ref.position} adds nothing the group's other policies do not already give`,
        why: 'A redundant policy makes the group harder to read and keeps granting after someone narrows the policy that really decides.',
        affected: [policyObject(policy.ref), ...coveredBy.map((p) => policyObject(p.ref)), groupObject(group)],
        fix: { action: 'Remove the policy; the group keeps exactly the same access.', target: { screen: 'group-policies', groupId: group.id } },
      });
    }
  }
  return findings;
}

/**
 * Denies that take nothing away from anyone: for no member of the group does the deny decide a
 * cell that some allow (of any of their groups) would otherwise grant. Groups without members
 * are left to the "no members" finding.
 */
export function idleDenyFindings(index: SnapshotIndex): Finding[] {
  const findings: Finding[] = [];
  for (const group of index.snapshot.userGroups) {
    const denies = index.policiesOf(group.id).filter((p) => p.access === 'deny' && isComplete(p));
    const members = index.membersOf(group.id);
    if (denies.length === 0 || members.length === 0) continue;
    const active = new Set<number>();
    for (const memberId of members) {
      const matrix = index.matrixOfMember(memberId);
      for (const row of matrix.cells.values()) {
        for (const cell of row.values()) {
          if (cell.outcome !== 'deny' || cell.overridden.length === 0) continue;
          for (const r of cell.decidedBy) if (r.policy.groupId === group.id) active.add(r.policy.position);
        }
      }
      if (denies.every((d) => active.has(d.ref.position))) break;
    }
    for (const deny of denies) {
      if (active.has(deny.ref.position)) continue;
      findings.push({
        id: `deny-takes-nothing:${policyObject(deny.ref).id}`,
        kind: 'deny-takes-nothing',
        severity: 'info',
        title: `${group.name} · Policy ${deny.ref.position} denies what none of its members is given`,
        why: 'A deny that overrides no allow protects nothing today; if it guards against a future grant, say so, otherwise it only adds noise.',
        affected: [policyObject(deny.ref), groupObject(group)],
        fix: { action: 'Remove the deny, or check it names the permission groups and resources you meant.', target: { screen: 'group-policies', groupId: group.id } },
      });
    }
  }
  return findings;
}
