import { ACCOUNT_COLUMN, outcomeAt } from '../effective-access';
import { reachOf } from '../resource-scope';
import type { SnapshotIndex } from './snapshot-index';
import type { SnapshotMember, SnapshotUserGroup } from './snapshot';

/** Cloudflare's account-wide admin permission groups, by the names its catalogue gives them. */
export const SUPER_ADMINISTRATOR = 'Super Administrator - All Privileges';
export const ADMIN_PERMISSION_GROUPS = [SUPER_ADMINISTRATOR, 'Administrator'] as const;

const same = (a: string | undefined, b: string) => (a ?? '').trim().toLowerCase() === b.toLowerCase();

export interface AdminGrant {
  permissionGroup: { id: string; name: string };
  /** Groups with an allow policy giving it on the whole account. */
  groups: SnapshotUserGroup[];
  /** Members who hold it on the account after every deny of all their groups. */
  holders: SnapshotMember[];
}

/** Who holds an admin permission group account-wide, and through which groups. */
export function adminGrant(index: SnapshotIndex, permissionGroupName: string): AdminGrant | null {
  let permissionGroup: AdminGrant['permissionGroup'] | null = null;
  const groups: SnapshotUserGroup[] = [];
  for (const group of index.snapshot.userGroups) {
    const grants = (group.policies ?? []).some((p) => {
      if ((p.access ?? 'allow') !== 'allow') return false;
      const pg = (p.permission_groups ?? []).find((g) => same(g.name, permissionGroupName));
      if (!pg || !(p.resource_groups ?? []).some((rg) => reachOf(rg.scope).accountWide)) return false;
      permissionGroup ??= { id: pg.id, name: pg.name ?? permissionGroupName };
      return true;
    });
    if (grants) groups.push(group);
  }
  if (!permissionGroup) return null;
  const pgId = (permissionGroup as AdminGrant['permissionGroup']).id;
  const candidates = new Set(groups.flatMap((g) => index.membersOf(g.id)));
  const holders = [...candidates]
    .filter((id) => outcomeAt(index.matrixOfMember(id), pgId, ACCOUNT_COLUMN) === 'allow')
    .map((id) => index.memberById.get(id) ?? { id, email: id, status: 'accepted' as const })
    .sort((a, b) => a.email.localeCompare(b.email));
  return { permissionGroup, groups, holders };
}

/** The email domain of an address, lower-cased ('' when there is none). */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).trim().toLowerCase();
}

/** Whether an address falls under an SSO domain (the domain itself; subdomains are their own). */
export function isInDomain(email: string, domain: string): boolean {
  return emailDomain(email) === domain.trim().toLowerCase();
}

/**
 * The way back in when an IdP fails: accepted super administrators whose login does not go
 * through the domain's SSO. Pending members cannot log in yet, so they do not count.
 */
export function superAdminsOutside<M extends { email: string; status: string }>(superAdmins: readonly M[], domain: string): M[] {
  return superAdmins.filter((m) => m.status === 'accepted' && !isInDomain(m.email, domain));
}
