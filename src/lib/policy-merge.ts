import { comparePolicy } from './policy-diff';
import { newPolicyKey, resourceRefKey, type DraftPolicy, type ResourceRef } from './policy-draft';

/**
 * Three-way merge of a group's policies: `base` is what the editor opened, `theirs` what the API
 * holds now (a colleague saved in between), `mine` the draft. Their version is the starting point
 * and my changes are replayed on it, entry by entry, so neither side's work is lost. Where both
 * touched the same thing in incompatible ways, mine wins and a conflict says so, for the admin to
 * check in the review before saving.
 */

export interface MergeConflict {
  /** The policy in the merged result the conflict is about (its key), if it is still there. */
  policyKey?: string;
  message: string;
}

export interface MergeResult {
  merged: DraftPolicy[];
  conflicts: MergeConflict[];
}

function applyEntries<T>(theirs: readonly T[], added: readonly T[], removed: readonly T[], keyOf: (t: T) => string): T[] {
  const drop = new Set(removed.map(keyOf));
  const out = theirs.filter((t) => !drop.has(keyOf(t)));
  const present = new Set(out.map(keyOf));
  for (const t of added) {
    const k = keyOf(t);
    if (!present.has(k)) {
      present.add(k);
      out.push(t);
    }
  }
  return out;
}

const sameString = (s: string) => s;

export function mergePolicies(base: readonly DraftPolicy[], theirs: readonly DraftPolicy[], mine: readonly DraftPolicy[]): MergeResult {
  const conflicts: MergeConflict[] = [];
  const baseById = new Map(base.filter((p) => p.id).map((p) => [p.id!, p]));
  const mineById = new Map(mine.filter((p) => p.id).map((p) => [p.id!, p]));
  const merged: DraftPolicy[] = [];
  const label = (p: DraftPolicy, i: number) => `Policy ${i + 1} (${p.access})`;

  theirs.forEach((their, i) => {
    const baseVersion = their.id ? baseById.get(their.id) : undefined;
    if (!baseVersion) {
      merged.push(their); // they added it: keep
      return;
    }
    const myVersion = mineById.get(their.id!);
    if (!myVersion) {
      // I removed it. If they changed it meanwhile, keep theirs and say so.
      if (comparePolicy(baseVersion, their)) {
        merged.push(their);
        conflicts.push({
          policyKey: their.key,
          message: `${label(their, i)}: you removed it, but they changed it since; their version is kept. Remove it again if it should go.`,
        });
      }
      return;
    }
    const mineChange = comparePolicy(baseVersion, myVersion);
    if (!mineChange) {
      merged.push(their);
      return;
    }
    const theirChange = comparePolicy(baseVersion, their);
    let access = their.access;
    if (mineChange.access) {
      if (theirChange?.access && theirChange.access.to !== mineChange.access.to) {
        conflicts.push({
          policyKey: myVersion.key,
          message: `${label(their, i)}: they set it to ${their.access} and you to ${myVersion.access}; yours is kept.`,
        });
      }
      access = mineChange.access.to;
    }
    merged.push({
      key: myVersion.key,
      id: their.id,
      access,
      permissionGroups: applyEntries(
        their.permissionGroups,
        mineChange.permissionGroups.added,
        mineChange.permissionGroups.removed,
        sameString,
      ),
      resourceGroups: applyEntries<ResourceRef>(
        their.resourceGroups,
        mineChange.resourceGroups.added,
        mineChange.resourceGroups.removed,
        resourceRefKey,
      ),
    });
  });

  const theirIds = new Set(theirs.flatMap((p) => (p.id ? [p.id] : [])));
  mine.forEach((p, i) => {
    const baseVersion = p.id ? baseById.get(p.id) : undefined;
    if (!baseVersion) {
      // Mine is new: add it (an id unknown to the base cannot be kept).
      const { id: _id, ...rest } = p;
      merged.push(rest);
      return;
    }
    if (theirIds.has(p.id!)) return; // handled above
    // They removed a policy I kept: if I changed it, keep my version as a new policy.
    if (comparePolicy(baseVersion, p)) {
      const { id: _id, ...rest } = p;
      const copy = { ...rest, key: merged.some((m) => m.key === p.key) ? newPolicyKey() : p.key };
      merged.push(copy);
      conflicts.push({
        policyKey: copy.key,
        message: `Your policy ${i + 1} (${p.access}): they removed it, but you changed it; yours is kept as a new policy.`,
      });
    }
  });
  return { merged, conflicts };
}

/**
 * "Overwrite theirs": keep my draft as is, but drop ids the API no longer has (they removed
 * those policies), which it would refuse; such a policy is sent as new.
 */
export function rebaseOnto(theirs: readonly DraftPolicy[], mine: readonly DraftPolicy[]): DraftPolicy[] {
  const ids = new Set(theirs.flatMap((p) => (p.id ? [p.id] : [])));
  return mine.map((p) => {
    if (!p.id || ids.has(p.id)) return p;
    const { id: _id, ...rest } = p;
    return rest;
  });
}
