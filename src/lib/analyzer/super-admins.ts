import { adminLevelOf } from '../effective-access';
import { reachOf } from '../resource-scope';
import { SUPER_ADMINISTRATOR, adminGrant } from './admin-roles';
import { indexSnapshot } from './snapshot-index';
import type { SnapshotMember, SnapshotPolicy, SnapshotUserGroup } from './snapshot';

/**
 * Who is a super administrator of the account, from what the SPA can read without fanning out:
 * the account members' own roles and member policies (how Cloudflare's dashboard usually grants
 * it), and the members of the few user groups whose policies name the permission group.
 */

/** Decision 7: by name, or by `meta.label` `super_admin` (today's permission-group meta). */
const isSuper = (pg: { name?: string; meta?: unknown }) => adminLevelOf(pg) === 'super';

export interface AccountMemberWithRoles {
  id: string;
  email: string;
  status: string;
  roles?: ReadonlyArray<{ name?: string }>;
  policies?: readonly SnapshotPolicy[];
}

export interface SuperAdmin {
  id: string;
  email: string;
  status: string;
  /** How they hold it: "role", "member policy", or the user groups that give it. */
  via: string[];
}

/** The only user groups that can give or take away super administrator: those naming it. */
export function groupsNamingSuperAdmin<G extends SnapshotUserGroup>(groups: readonly G[]): G[] {
  return groups.filter((g) => (g.policies ?? []).some((p) => (p.permission_groups ?? []).some((pg) => isSuper(pg))));
}

function directGrant(member: AccountMemberWithRoles): string | null {
  if ((member.roles ?? []).some((r) => isSuper(r))) return 'role';
  const policies = member.policies ?? [];
  const names = (p: SnapshotPolicy) => (p.permission_groups ?? []).some((pg) => isSuper(pg));
  const wide = (p: SnapshotPolicy) => (p.resource_groups ?? []).some((rg) => reachOf(rg.scope).accountWide);
  if (policies.some((p) => (p.access ?? 'allow') === 'deny' && names(p) && wide(p))) return null; // deny wins
  return policies.some((p) => (p.access ?? 'allow') === 'allow' && names(p) && wide(p)) ? 'member policy' : null;
}

export function superAdministrators(input: {
  accountMembers: readonly AccountMemberWithRoles[];
  /** The groups naming super administrator, with every member of each. */
  groups: ReadonlyArray<{
    group: SnapshotUserGroup;
    members: readonly SnapshotMember[];
  }>;
}): SuperAdmin[] {
  const found = new Map<string, SuperAdmin>();
  for (const m of input.accountMembers) {
    const via = directGrant(m);
    if (via)
      found.set(m.id, {
        id: m.id,
        email: m.email,
        status: m.status,
        via: [via],
      });
  }
  const people = new Map(input.groups.flatMap(({ members }) => members.map((m) => [m.id, m] as const)));
  const index = indexSnapshot({
    accountId: '',
    now: new Date(0).toISOString(),
    userGroups: input.groups.map((g) => g.group),
    memberships: input.groups.map(({ group, members }) => ({
      groupId: group.id,
      memberIds: members.map((m) => m.id),
    })),
    members: [...people.values()],
    resourceGroups: [],
    zones: null,
    ssoConnectors: [],
    oauthClients: [],
  });
  const grant = adminGrant(index, SUPER_ADMINISTRATOR);
  for (const holder of grant?.holders ?? []) {
    const via = grant!.groups.filter((g) => index.membersOf(g.id).includes(holder.id)).map((g) => g.name);
    const known = found.get(holder.id);
    if (known) known.via.push(...via);
    else
      found.set(holder.id, {
        id: holder.id,
        email: holder.email,
        status: holder.status,
        via,
      });
  }
  return [...found.values()].sort((a, b) => a.email.localeCompare(b.email));
}
