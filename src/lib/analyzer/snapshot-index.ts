import { computeEffectiveAccess, groupAccessPolicies, memberAccessPolicies, type AccessMatrix, type AccessPolicy } from '../effective-access';
import { resourceGroupLabel, type KeyNames, type ScopeLike } from '../scope-keys';
import type { AccessSnapshot, SnapshotMember, SnapshotUserGroup } from './snapshot';

/**
 * Lookups every rule and the simulator need, built once per snapshot: members by id, the groups
 * of each member, each group's policies in the model's terms, and a member's combined matrix
 * (cached by the set of groups, since many people share the same groups).
 */
export interface SnapshotIndex {
  snapshot: AccessSnapshot;
  groupById: Map<string, SnapshotUserGroup>;
  memberById: Map<string, SnapshotMember>;
  membersOf: (groupId: string) => readonly string[];
  groupsOf: (memberId: string) => readonly string[];
  policiesOf: (groupId: string) => AccessPolicy[];
  /** What a member holds directly (member policies, legacy roles); [] for most people. */
  directPoliciesOf: (memberId: string) => AccessPolicy[];
  /** Members holding anything directly, for "who can" (they need no group). */
  directHolders: readonly string[];
  /** A member's access: their groups' policies and their own grants together. */
  matrixOfMember: (memberId: string) => AccessMatrix;
  /** How a resource group reads in answers and findings (see resourceGroupLabelIn). */
  resourceGroupLabel: (rg: { id: string; name?: string; scope?: ScopeLike[] }) => string;
}

/**
 * Zone domains from the snapshot's own zone list: "acme.io", or "Unknown zone 0854…545f" when the
 * account has no such zone; while the zones are unknown (`zones: null`), the short id.
 */
export function snapshotKeyNames(snapshot: Pick<AccessSnapshot, 'accountId' | 'zones'>): KeyNames {
  const zones = snapshot.zones ? new Map(snapshot.zones.map((z) => [z.id, z.name])) : null;
  return {
    accountId: snapshot.accountId,
    zone: (zoneId) => {
      if (!zones) return undefined;
      const name = zones.get(zoneId);
      return name ? { state: 'found', name } : { state: 'missing' };
    },
  };
}

/**
 * A resource group as answers and findings name it: its name, unless that is a scope key (the
 * anonymous group an inline scope creates is named by its account key, which reads as
 * account-wide), then what it covers, zones by domain.
 */
export function resourceGroupLabelIn(snapshot: Pick<AccessSnapshot, 'accountId' | 'zones'>) {
  const names = snapshotKeyNames(snapshot);
  return (rg: { id: string; name?: string; scope?: ScopeLike[] }) => resourceGroupLabel(rg, names);
}

export function memberLabel(member: SnapshotMember | undefined, id: string): string {
  return member?.email ?? id;
}

export function indexSnapshot(snapshot: AccessSnapshot): SnapshotIndex {
  const groupById = new Map(snapshot.userGroups.map((g) => [g.id, g]));
  const memberById = new Map(snapshot.members.map((m) => [m.id, m]));
  const members = new Map<string, readonly string[]>();
  const groups = new Map<string, string[]>();
  for (const { groupId, memberIds } of snapshot.memberships ?? []) {
    if (!groupById.has(groupId)) continue; // a stale index entry for a deleted group grants nothing
    const unique = [...new Set(memberIds)];
    members.set(groupId, unique);
    for (const memberId of unique) {
      const list = groups.get(memberId) ?? [];
      list.push(groupId);
      groups.set(memberId, list);
    }
  }
  for (const list of groups.values()) list.sort();

  const labelOf = resourceGroupLabelIn(snapshot);
  const policyCache = new Map<string, AccessPolicy[]>();
  const policiesOf = (groupId: string) => {
    let policies = policyCache.get(groupId);
    if (!policies) {
      const group = groupById.get(groupId);
      policies = group ? groupAccessPolicies(group, labelOf) : [];
      policyCache.set(groupId, policies);
    }
    return policies;
  };
  const catalogue = new Map((snapshot.permissionGroups ?? []).map((pg) => [pg.name.trim().toLowerCase(), pg.id]));
  const direct = new Map<string, AccessPolicy[]>();
  for (const m of snapshot.members) {
    if (!m.roles?.length && !m.policies?.length) continue;
    const policies = memberAccessPolicies(m, {
      accountId: snapshot.accountId,
      labelOf,
      permissionGroupIdOf: (name) => catalogue.get(name.trim().toLowerCase()),
    });
    if (policies.length) direct.set(m.id, policies);
  }
  const directPoliciesOf = (memberId: string) => direct.get(memberId) ?? [];

  const matrixCache = new Map<string, AccessMatrix>();
  const groupsOf = (memberId: string) => groups.get(memberId) ?? [];
  const matrixOfMember = (memberId: string) => {
    const ids = groupsOf(memberId);
    // People with the same groups share a matrix; someone with grants of their own has theirs.
    const own = direct.get(memberId);
    const key = own ? `${ids.join(',')}|${memberId}` : ids.join(',');
    let matrix = matrixCache.get(key);
    if (!matrix) {
      matrix = computeEffectiveAccess(own ? [...ids.flatMap(policiesOf), ...own] : ids.flatMap(policiesOf));
      matrixCache.set(key, matrix);
    }
    return matrix;
  };
  return {
    snapshot,
    groupById,
    memberById,
    membersOf: (id) => members.get(id) ?? [],
    groupsOf,
    policiesOf,
    directPoliciesOf,
    directHolders: [...direct.keys()],
    matrixOfMember,
    resourceGroupLabel: labelOf,
  };
}
