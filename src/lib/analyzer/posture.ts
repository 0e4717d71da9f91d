import { ADMINISTRATOR, SUPER_ADMINISTRATOR, adminLevelOf } from '../effective-access';
import { adminGrant } from './admin-roles';
import type { AccessSnapshot } from './snapshot';
import type { SnapshotIndex } from './snapshot-index';

/**
 * How the account stands, at a glance: who is an admin and how they got it, SSO per domain,
 * invitations not yet accepted, OAuth clients mid-rotation. Each part is null while what it needs
 * has not been read yet (the home page says "reading…", never a false 0).
 */

export interface AdminPosture {
  level: 'super' | 'admin';
  permissionGroup: string;
  /** Everyone holding it on the whole account, after every deny. */
  holders: number;
  /** The user groups whose policies give it, with how many of their members hold it through them. */
  viaGroups: Array<{ id: string; name: string; holders: number }>;
  /** Holders who have it from a legacy role of their own, and from a member policy of their own. */
  viaRoles: number;
  viaMemberPolicies: number;
}

export type SsoState = 'enabled' | 'verified' | 'pending' | 'failed' | 'awaiting' | 'unknown';

export interface Posture {
  admins: AdminPosture[] | null;
  sso: Array<{ id: string; domain: string; state: SsoState }> | null;
  pendingMembers: number | null;
  rotating: Array<{ id: string; name: string; since: string | null }> | null;
}

/** The parts of a snapshot that are read separately (and may arrive one by one). */
export type SnapshotPart = 'userGroups' | 'memberships' | 'members' | 'resourceGroups' | 'zones' | 'ssoConnectors' | 'oauthClients' | 'permissionGroups';

function adminPosture(index: SnapshotIndex, name: string): AdminPosture {
  const level = adminLevelOf({ name }) ?? 'admin';
  const grant = adminGrant(index, name);
  if (!grant) return { level, permissionGroup: name, holders: 0, viaGroups: [], viaRoles: 0, viaMemberPolicies: 0 };
  const holders = new Set(grant.holders.map((m) => m.id));
  const viaGroups = grant.groups
    .map((g) => ({ id: g.id, name: g.name, holders: index.membersOf(g.id).filter((id) => holders.has(id)).length }))
    .sort((a, b) => b.holders - a.holders || a.name.localeCompare(b.name));
  const byRole = grant.direct.filter((m) => (index.memberById.get(m.id)?.roles ?? []).some((r) => adminLevelOf(r) === level));
  return { level, permissionGroup: grant.permissionGroup.name, holders: holders.size, viaGroups, viaRoles: byRole.length, viaMemberPolicies: grant.direct.length - byRole.length };
}

function ssoState(c: AccessSnapshot['ssoConnectors'][number]): SsoState {
  if (c.enabled) return 'enabled';
  return c.verification?.status ?? 'unknown';
}

export function accountPosture(index: SnapshotIndex, known: ReadonlySet<SnapshotPart>): Posture {
  const { snapshot } = index;
  const has = (...parts: SnapshotPart[]) => parts.every((p) => known.has(p));
  return {
    admins:
      has('userGroups', 'memberships', 'members', 'resourceGroups') && snapshot.memberships !== null
        ? [adminPosture(index, SUPER_ADMINISTRATOR), adminPosture(index, ADMINISTRATOR)]
        : null,
    sso: has('ssoConnectors')
      ? snapshot.ssoConnectors.map((c) => ({ id: c.id, domain: c.email_domain, state: ssoState(c) })).sort((a, b) => a.domain.localeCompare(b.domain))
      : null,
    pendingMembers: has('members') && snapshot.memberships !== null ? snapshot.members.filter((m) => m.status === 'pending').length : null,
    rotating: has('oauthClients')
      ? snapshot.oauthClients.filter((c) => c.has_rotated_secret).map((c) => ({ id: c.client_id, name: c.client_name ?? c.client_id, since: c.updated_at ?? null }))
      : null,
  };
}
