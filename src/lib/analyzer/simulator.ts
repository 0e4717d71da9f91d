import { ACCOUNT_COLUMN, adminIncludes, adminLevelOf, cellWithAdmin, type NamedPermissionGroup, type Outcome, type Reason } from '../effective-access';
import type { PolicyRequest } from '../policy-draft';
import { isInlineRef } from '../policy-draft';
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
      // Unnamed: the index names it by what it covers, zones by domain (snapshotKeyNames).
      if (isInlineRef(ref)) return { id: `inline-${i + 1}`, scope: [ref.scope] };
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

/** A member as an answer shows them: never the grants they carry (the answer names those). */
function shown(member: SnapshotMember): SnapshotMember {
  const { id, email, status, name } = member;
  return name ? { id, email, status, name } : { id, email, status };
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

/** The permission group asked about, with the name (and meta) that say what an admin one includes. */
function askedGroup(index: SnapshotIndex, permissionGroupId: string): NamedPermissionGroup & { id: string } {
  const fromCatalogue = index.snapshot.permissionGroups?.find((pg) => pg.id === permissionGroupId);
  if (fromCatalogue) return fromCatalogue;
  for (const g of index.snapshot.userGroups)
    for (const p of g.policies ?? []) {
      const pg = p.permission_groups?.find((x) => x.id === permissionGroupId && x.name);
      if (pg) return pg;
    }
  return { id: permissionGroupId };
}

/**
 * The deciding cell for one member, with Super Administrator / Administrator expanded: an admin
 * permission group held on the account answers for the permission groups it includes.
 */
function answerFor(index: SnapshotIndex, memberId: string, pg: NamedPermissionGroup & { id: string }, resource: SimResource) {
  return cellWithAdmin(index.matrixOfMember(memberId), pg, resource);
}

/** Whether a policy could give the permission group asked about: it names it, or an admin one including it. */
function couldGive(p: { access: string; permissionGroups: ReadonlyArray<NamedPermissionGroup & { id: string }> }, pg: NamedPermissionGroup & { id: string }) {
  if (p.access !== 'allow') return false;
  return p.permissionGroups.some((g) => {
    if (g.id === pg.id) return true;
    const level = adminLevelOf(g);
    return level !== null && adminIncludes(level, pg);
  });
}

export function canMemberUse(
  snapshot: AccessSnapshot,
  question: { memberId: string; permissionGroupId: string; resource: SimResource },
  draft?: SimDraft,
): CanAnswer {
  const index = indexSnapshot(withDraft(snapshot, draft));
  const known = index.memberById.get(question.memberId);
  const member = known ? shown(known) : null;
  const cell = answerFor(index, question.memberId, askedGroup(index, question.permissionGroupId), question.resource);
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
  const pg = askedGroup(index, question.permissionGroupId);
  // Only members of a group whose allow names the permission group (or an admin permission group
  // including it) can hold it, and members holding something directly (member policies, roles).
  const granting = index.snapshot.userGroups.filter((g) => index.policiesOf(g.id).some((p) => couldGive(p, pg)));
  const direct = index.directHolders.filter((id) => index.directPoliciesOf(id).some((p) => couldGive(p, pg)));
  const candidates = [...new Set([...granting.flatMap((g) => index.membersOf(g.id)), ...direct])];
  const answer: WhoAnswer = { allowed: [], denied: [] };
  for (const id of candidates) {
    const known = index.memberById.get(id);
    const member = known ? shown(known) : { id, email: id, status: 'accepted' as const };
    const cell = answerFor(index, id, pg, question.resource);
    if (cell.outcome === 'allow') answer.allowed.push({ member, decidedBy: cell.decidedBy });
    else if (cell.outcome === 'deny' && cell.overridden.length) answer.denied.push({ member, decidedBy: cell.decidedBy, overridden: cell.overridden });
  }
  const byEmail = (a: { member: SnapshotMember }, b: { member: SnapshotMember }) => a.member.email.localeCompare(b.member.email);
  answer.allowed.sort(byEmail);
  answer.denied.sort(byEmail);
  return answer;
}
