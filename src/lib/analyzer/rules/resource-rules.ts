import { reachOf } from '../../resource-scope';
import { parseKey } from '../../scope-keys';
import type { Finding } from '../finding';
import type { SnapshotIndex } from '../snapshot-index';
import { policyObject } from './objects';

export function unusedResourceGroupFindings(index: SnapshotIndex): Finding[] {
  const used = new Set(index.snapshot.userGroups.flatMap((g) => (g.policies ?? []).flatMap((p) => (p.resource_groups ?? []).map((rg) => rg.id))));
  return index.snapshot.resourceGroups
    .filter((rg) => !used.has(rg.id))
    .map((rg) => ({
      id: `unused-resource-group:${rg.id}`,
      kind: 'unused-resource-group' as const,
      severity: 'info' as const,
      title: `Resource group ${index.resourceGroupLabel(rg)} is used by no policy`,
      why: 'An unused resource group grants nothing but clutters every picker, and someone may pick it later without knowing what it was for.',
      affected: [{ kind: 'resource-group' as const, id: rg.id, name: index.resourceGroupLabel(rg) }],
      fix: { action: 'Delete it, or use it in a policy.', target: { screen: 'resource-groups' as const } },
    }));
}

/** Policies reaching zones the account no longer has (only when the zones are known). */
export function missingZoneFindings(index: SnapshotIndex): Finding[] {
  const zones = index.snapshot.zones;
  if (!zones) return [];
  const known = new Set(zones.map((z) => z.id));
  const findings: Finding[] = [];
  for (const group of index.snapshot.userGroups) {
    for (const policy of index.policiesOf(group.id)) {
      const missing = new Set<string>();
      for (const rg of policy.resourceGroups) {
        for (const key of reachOf(rg.scope).zones) {
          const parsed = parseKey(key);
          if (parsed?.kind === 'zone' && !known.has(parsed.id)) missing.add(parsed.id);
        }
      }
      if (missing.size === 0) continue;
      const ids = [...missing].sort();
      findings.push({
        id: `policy-on-missing-zone:${policyObject(policy.ref).id}`,
        kind: 'policy-on-missing-zone',
        severity: 'warning',
        title: `${group.name} · Policy ${policy.ref.position} names ${ids.length === 1 ? 'a zone' : `${ids.length} zones`} that no longer exist`,
        why: 'A zone id can come back attached to a different domain, and until then the policy reads as if it protected something it does not.',
        affected: [policyObject(policy.ref), ...ids.map((id) => ({ kind: 'zone' as const, id, name: id }))],
        fix: { action: 'Remove the missing zones from the policy or its resource groups.', target: { screen: 'group-policies', groupId: group.id } },
      });
    }
  }
  return findings;
}
