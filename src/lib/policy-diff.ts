import { policyContentKey, resourceRefKey, type Access, type DraftPolicy, type ResourceRef } from './policy-draft';

/**
 * What a save changes in a group's policy set, policy by policy and entry by entry. Policies are
 * matched by id (a kept policy carries its id); a new policy with the same content as a removed
 * one counts as unchanged, since it grants exactly the same.
 */

export interface EntryChanges<T> {
  added: T[];
  removed: T[];
}

export interface ChangedPolicy {
  before: DraftPolicy;
  after: DraftPolicy;
  access: { from: Access; to: Access } | null;
  permissionGroups: EntryChanges<string>;
  resourceGroups: EntryChanges<ResourceRef>;
}

export interface PolicyDiff {
  added: DraftPolicy[];
  removed: DraftPolicy[];
  changed: ChangedPolicy[];
  unchanged: DraftPolicy[];
}

function entryChanges<T>(before: readonly T[], after: readonly T[], keyOf: (t: T) => string): EntryChanges<T> {
  const beforeKeys = new Set(before.map(keyOf));
  const afterKeys = new Set(after.map(keyOf));
  const unique = (list: readonly T[], skip: Set<string>) => {
    const seen = new Set<string>();
    return list.filter((t) => {
      const k = keyOf(t);
      if (skip.has(k) || seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };
  return { added: unique(after, beforeKeys), removed: unique(before, afterKeys) };
}

const same = (s: string) => s;

export function comparePolicy(before: DraftPolicy, after: DraftPolicy): ChangedPolicy | null {
  const access = before.access === after.access ? null : { from: before.access, to: after.access };
  const permissionGroups = entryChanges(before.permissionGroups, after.permissionGroups, same);
  const resourceGroups = entryChanges(before.resourceGroups, after.resourceGroups, resourceRefKey);
  const changed =
    access !== null ||
    permissionGroups.added.length + permissionGroups.removed.length + resourceGroups.added.length + resourceGroups.removed.length > 0;
  return changed ? { before, after, access, permissionGroups, resourceGroups } : null;
}

export function diffPolicies(before: readonly DraftPolicy[], after: readonly DraftPolicy[]): PolicyDiff {
  const diff: PolicyDiff = { added: [], removed: [], changed: [], unchanged: [] };
  const beforeById = new Map(before.filter((p) => p.id).map((p) => [p.id!, p]));
  const matched = new Set<string>();
  const unmatchedAfter: DraftPolicy[] = [];
  for (const p of after) {
    const prior = p.id ? beforeById.get(p.id) : undefined;
    if (!prior || matched.has(prior.id!)) {
      unmatchedAfter.push(p);
      continue;
    }
    matched.add(prior.id!);
    const change = comparePolicy(prior, p);
    if (change) diff.changed.push(change);
    else diff.unchanged.push(p);
  }
  // Removed policies, pooled by content, so an identical re-created policy cancels out.
  const removedByContent = new Map<string, DraftPolicy[]>();
  const removedOrder: DraftPolicy[] = [];
  for (const p of before) {
    if (p.id && matched.has(p.id)) continue;
    removedOrder.push(p);
    const content = policyContentKey(p);
    removedByContent.set(content, [...(removedByContent.get(content) ?? []), p]);
  }
  const cancelled = new Set<DraftPolicy>();
  for (const p of unmatchedAfter) {
    const twin = removedByContent.get(policyContentKey(p))?.shift();
    if (twin) {
      cancelled.add(twin);
      diff.unchanged.push(p);
    } else diff.added.push(p);
  }
  diff.removed = removedOrder.filter((p) => !cancelled.has(p));
  return diff;
}

export function diffIsEmpty(diff: PolicyDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

export function countChanges(diff: PolicyDiff): number {
  return diff.added.length + diff.removed.length + diff.changed.length;
}
