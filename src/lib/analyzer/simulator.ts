import { ACCOUNT_COLUMN, cellAt, type Outcome, type Reason } from '../effective-access';
import type { PolicyRequest } from '../policy-draft';
import { isInlineRef } from '../policy-draft';
import { resourceGroupLabel } from '../scope-keys';
import { indexSnapshot, type SnapshotIndex } from './snapshot-index';
import type { AccessSnapshot, SnapshotMember, SnapshotPolicy } from './snapshot';

/**
 * What-if questions over a snapshot, with the same model as the Access matrix: "can this member
 * use this permission group here?" and "who can?". Both take an optional draft: a group's unsaved
 * policies (the composer's PUT body), which replace that group's saved ones for the answer.
 */

/** `account` (account-wide) or a zone key (com.cloudflare.api.account.zone.<id>). */
export type SimResource = string;
export const ACCOUNT_RESOURCE = ACCOUNT_COLUMN;

export interface SimDraft {
  groupId: string;
  policies: readonly PolicyRequest[];
}

/** A draft's policies in the snapshot's terms: ids resolved to the resource groups' scopes. */
export function draftPolicies(snapshot: AccessSnapshot, draft: SimDraft): SnapshotPolicy[] {
  const rgs = new Map(snapshot.resourceGroups.map((rg) => [rg.id, rg]));
  const pgs = new Map((snapshot.permissionGroups ?? []).map((pg) => [pg.id, pg.name]));
  return draft.policies.map((p) => ({
    ...(p.id ? { id: p.id } : {}),
    access: p.access,
    permission_groups: p.permission_groups.map((pg) => ({ id: pg.id, name: pgs.get(pg.id) ?? pg.id })),
    resource_groups: p.resource_groups.map((ref, i) => {
      if (isInlineRef(ref)) return { id: `inline-${i + 1}`, name: resourceGroupLabel({ id: '', scope: [ref.scope] }), scope: [ref.scope] };
      const rg = rgs.get(ref.id);
      // An id the account does not have reaches nothing: scope [] says so.
      return { id: ref.id, name: rg?.name ?? ref.id, scope: rg?.scope ?? [] };
    }),
  }));
}

export function withDraft(snapshot: AccessSnapshot, draft?: SimDraft): AccessSnapshot {
  if (!draft) return snapshot;
  const policies = draftPolicies(snapshot, draft);
  return { ...snapshot, userGroups: snapshot.userGroups.map((g) => (g.id === draft.groupId ? { ...g, policies } : g)) };
}

export interface CanAnswer {
  member: SnapshotMember | null;
  outcome: Outcome;
  /** The member's groups, by name. */
  groups: Array<{ id: string; name: string }>;
  /** The deciding policies: every deny if any, else every allow. */
  decidedBy: Reason[];
  /** Allows a deny takes back. */
  overridden: Reason[];
}

function answerFor(index: SnapshotIndex, memberId: string, permissionGroupId: string, resource: SimResource) {
  return cellAt(index.matrixOfMember(memberId), permissionGroupId, resource);
}

export function canMemberUse(
  snapshot: AccessSnapshot,
  question: { memberId: string; permissionGroupId: string; resource: SimResource },
  draft?: SimDraft,
): CanAnswer {
  const index = indexSnapshot(withDraft(snapshot, draft));
  const member = index.memberById.get(question.memberId) ?? null;
  const cell = answerFor(index, question.memberId, question.permissionGroupId, question.resource);
  return {
    member,
    outcome: cell.outcome,
    groups: index.groupsOf(question.memberId).map((id) => ({ id, name: index.groupById.get(id)?.name ?? id })),
    decidedBy: cell.decidedBy,
    overridden: cell.overridden,
  };
}

export interface WhoAnswer {
  allowed: Array<{ member: SnapshotMember; decidedBy: Reason[] }>;
  /** People some group would give it to, whom a deny stops. */
  denied: Array<{ member: SnapshotMember; decidedBy: Reason[]; overridden: Reason[] }>;
}

export function whoCan(snapshot: AccessSnapshot, question: { permissionGroupId: string; resource: SimResource }, draft?: SimDraft): WhoAnswer {
  const index = indexSnapshot(withDraft(snapshot, draft));
  // Only members of a group whose allow names the permission group can hold it.
  const granting = index.snapshot.userGroups.filter((g) =>
    index.policiesOf(g.id).some((p) => p.access === 'allow' && p.permissionGroups.some((pg) => pg.id === question.permissionGroupId)),
  );
  const candidates = [...new Set(granting.flatMap((g) => index.membersOf(g.id)))];
  const answer: WhoAnswer = { allowed: [], denied: [] };
  for (const id of candidates) {
    const member = index.memberById.get(id) ?? { id, email: id, status: 'accepted' as const };
    const cell = answerFor(index, id, question.permissionGroupId, question.resource);
    if (cell.outcome === 'allow') answer.allowed.push({ member, decidedBy: cell.decidedBy });
    else if (cell.outcome === 'deny' && cell.overridden.length) answer.denied.push({ member, decidedBy: cell.decidedBy, overridden: cell.overridden });
  }
  const byEmail = (a: { member: SnapshotMember }, b: { member: SnapshotMember }) => a.member.email.localeCompare(b.member.email);
  answer.allowed.sort(byEmail);
  answer.denied.sort(byEmail);
  return answer;
}
