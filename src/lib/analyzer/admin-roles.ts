import { ACCOUNT_COLUMN, ADMINISTRATOR, SUPER_ADMINISTRATOR, adminLevelOf, outcomeAt, type AccessPolicy } from '../effective-access';
import { reachOf } from '../resource-scope';
import type { SnapshotIndex } from './snapshot-index';
import type { SnapshotMember, SnapshotUserGroup } from './snapshot';

/** Cloudflare's account-wide admin permission groups, by the names its catalogue gives them. */
export { SUPER_ADMINISTRATOR };
export const ADMIN_PERMISSION_GROUPS = [SUPER_ADMINISTRATOR, ADMINISTRATOR] as const;

export interface AdminGrant {
  permissionGroup: { id: string; name: string };
  /** Groups with an allow policy giving it on the whole account. */
  groups: SnapshotUserGroup[];
  /** Members who hold it on the account after every deny (of their groups and their own). */
  holders: SnapshotMember[];
  /** Holders who have it from a role or a member policy of their own (not only from a group). */
  direct: SnapshotMember[];
}

/** The admin permission group a policy gives on the whole account, if it does. */
function givesWholeAccount(p: AccessPolicy, level: NonNullable<ReturnType<typeof adminLevelOf>>): { id: string; name: string } | null {
  if (p.access !== 'allow' || !p.resourceGroups.some((rg) => reachOf(rg.scope).accountWide)) return null;
  const pg = p.permissionGroups.find((g) => adminLevelOf(g) === level);
  return pg ? { id: pg.id, name: pg.name ?? pg.id } : null;
}

/**
 * Who holds an admin permission group account-wide, through which groups, and who holds it
 * directly (Decision 7: legacy roles and member policies count as much as group policies).
 */
export function adminGrant(index: SnapshotIndex, permissionGroupName: string): AdminGrant | null {
  const level = adminLevelOf({ name: permissionGroupName });
  if (!level) return null;
  const ids = new Map<string, string>();
  const groups: SnapshotUserGroup[] = [];
  for (const group of index.snapshot.userGroups) {
    let grants = false;
    for (const p of index.policiesOf(group.id)) {
      const pg = givesWholeAccount(p, level);
      if (pg) {
        grants = true;
        ids.set(pg.id, pg.name);
      }
    }
    if (grants) groups.push(group);
  }
  const directIds = new Set<string>();
  for (const memberId of index.directHolders) {
    for (const p of index.directPoliciesOf(memberId)) {
      const pg = givesWholeAccount(p, level);
      if (pg) {
        directIds.add(memberId);
        ids.set(pg.id, pg.name);
      }
    }
  }
  if (ids.size === 0) return null;
  // The catalogue's entry names the permission group; a role without one keeps its own.
  const catalogued = [...ids.keys()].find((id) => index.snapshot.permissionGroups?.some((pg) => pg.id === id)) ?? [...ids.keys()][0]!;
  const permissionGroup = { id: catalogued, name: ids.get(catalogued)! };
  const candidates = new Set([...groups.flatMap((g) => index.membersOf(g.id)), ...directIds]);
  const holds = (memberId: string) => {
    const matrix = index.matrixOfMember(memberId);
    return [...ids.keys()].some((id) => outcomeAt(matrix, id, ACCOUNT_COLUMN) === 'allow');
  };
  const person = (id: string) => index.memberById.get(id) ?? { id, email: id, status: 'accepted' as const };
  const byEmail = (a: SnapshotMember, b: SnapshotMember) => a.email.localeCompare(b.email);
  const holders = [...candidates].filter(holds).map(person).sort(byEmail);
  const direct = [...directIds].filter(holds).map(person).sort(byEmail);
  return { permissionGroup, groups, holders, direct };
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

/** The email domains whose dashboard logins already go through SSO: the account's enabled connectors. */
export function ssoEnabledDomains(connectors: readonly { email_domain?: string | null; enabled?: boolean | null }[]): string[] {
  return connectors.flatMap((c) => (c.enabled && c.email_domain ? [c.email_domain.trim().toLowerCase()] : []));
}

/**
 * The way back in when an IdP fails: accepted super administrators whose login goes through
 * neither this domain's SSO nor another domain's that is already enabled (`behindSso`): an
 * admin at acme.com is no way in for eu.example.com once acme.com signs in through SSO too.
 * Pending members cannot log in yet, so they do not count.
 */
export function superAdminsOutside<M extends { email: string; status: string }>(superAdmins: readonly M[], domain: string, behindSso: readonly string[] = []): M[] {
  return superAdmins.filter((m) => m.status === 'accepted' && !isInDomain(m.email, domain) && !behindSso.some((d) => isInDomain(m.email, d)));
}
