import type { PolicyRef } from '../../effective-access';
import type { AffectedObject } from '../finding';
import type { SnapshotMember, SnapshotUserGroup } from '../snapshot';

/** Small constructors so every rule names objects the same way (and the SPA links them alike). */

export const groupObject = (g: SnapshotUserGroup): AffectedObject => ({ kind: 'user-group', id: g.id, name: g.name });

export const memberObject = (m: SnapshotMember): AffectedObject => ({ kind: 'member', id: m.id, name: m.email });

export const policyKey = (ref: PolicyRef) => ref.policyId ?? `${ref.groupId}#${ref.position}`;

export const policyObject = (ref: PolicyRef): AffectedObject => ({
  kind: 'policy',
  id: policyKey(ref),
  name: `${ref.groupName} · Policy ${ref.position}`,
  groupId: ref.groupId,
  position: ref.position,
});

export const sameRef = (a: PolicyRef, b: PolicyRef) => a.groupId === b.groupId && a.position === b.position;

export const DAY_MS = 86_400_000;

/** Whole days between an ISO time and the snapshot's now (NaN-safe: unknown → 0). */
export function ageMs(now: string, then: string | undefined): number {
  const ms = Date.parse(now) - Date.parse(then ?? '');
  return Number.isFinite(ms) ? ms : 0;
}

