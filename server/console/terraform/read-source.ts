import { accountMemberSchema } from '../../../src/api/account-members/schema.ts';
import { listOf } from '../../../src/api/common-schema.ts';
import { permissionGroupSchema } from '../../../src/api/permission-groups/schema.ts';
import { resourceGroupSchema } from '../../../src/api/resource-groups/schema.ts';
import { groupMemberSchema, userGroupSchema, type UserGroup } from '../../../src/api/user-groups/schema.ts';
import { oauthClientSchema } from '../../../src/api/oauth/schema.ts';
import { ssoConnectorSchema } from '../../../src/api/sso/schema.ts';
import type { ExportMember, ExportSource } from '../../../src/lib/terraform/export.ts';
import { ApiReadError, type ApiReader } from '../findings/api-reader.ts';
import type { MembershipSource } from '../findings/snapshot-source.ts';

/**
 * What an export reads, within the request budget: lists page by page (20 requests for 10,000
 * groups), memberships from the membership index (no request). Without the index, members are
 * read group by group for a small selection (at most PER_GROUP_LIMIT groups, always: the index may
 * lag a change made outside the console); beyond that without the index, the export says
 * memberships are not known yet rather than fan out.
 */
export type ExportScope = { kind: 'account' } | { kind: 'groups'; ids: string[]; label: string };

/** Up to this many selected groups are read one by one; more, and the group list is read instead. */
export const BY_ID_LIMIT = 25;
/** Without the index, members are read per group for at most this many groups. */
export const PER_GROUP_LIMIT = 25;
const GROUPS_PER_PAGE = 500;
const MEMBERS_PER_PAGE = 50;
const PERMISSION_GROUPS_PER_PAGE = 50;

/** The API's member order (today): the email's local part, then the whole address, then the id (TF #7097). */
export function apiMemberOrder(emails: ReadonlyMap<string, string>) {
  const local = (e: string) => e.slice(0, Math.max(0, e.indexOf('@'))).toLowerCase();
  return (a: string, b: string) => {
    const ea = emails.get(a) ?? '';
    const eb = emails.get(b) ?? '';
    return local(ea).localeCompare(local(eb)) || ea.toLowerCase().localeCompare(eb.toLowerCase()) || a.localeCompare(b);
  };
}

export interface SourceRead {
  source: ExportSource;
  /** When memberships came from the index: its last completed pass. */
  membershipsAsOf: string | null;
  requests: number;
  /** Selected groups the account no longer has. */
  missingGroups: string[];
}

export async function readExportSource(reader: ApiReader, accountId: string, scope: ExportScope, memberships: MembershipSource, scimManaged: ReadonlySet<string>): Promise<SourceRead> {
  const account = `/accounts/${encodeURIComponent(accountId)}`;
  const before = reader.requests();
  const index = await memberships.memberships(accountId);
  const wanted = scope.kind === 'groups' ? new Set(scope.ids) : null;
  const readGroups = async (): Promise<UserGroup[]> => {
    if (!wanted) return reader.all(`${account}/iam/user_groups`, GROUPS_PER_PAGE, userGroupSchema);
    if (wanted.size > BY_ID_LIMIT) return (await reader.all(`${account}/iam/user_groups`, GROUPS_PER_PAGE, userGroupSchema)).filter((g) => wanted.has(g.id));
    const found: UserGroup[] = [];
    for (const id of wanted) {
      try {
        found.push(await reader.get(`${account}/iam/user_groups/${encodeURIComponent(id)}`, userGroupSchema));
      } catch (error) {
        if (!(error instanceof ApiReadError && error.status === 404)) throw error;
      }
    }
    return found;
  };
  const [groups, permissionGroups, resourceGroups] = await Promise.all([
    readGroups(),
    reader.all(`${account}/iam/permission_groups`, PERMISSION_GROUPS_PER_PAGE, permissionGroupSchema),
    reader.get(`${account}/iam/resource_groups`, listOf(resourceGroupSchema)),
  ]);
  const whole = scope.kind === 'account';
  const [ssoConnectors, oauthClients, listedMembers] = await Promise.all([
    whole ? reader.get(`${account}/sso_connectors`, listOf(ssoConnectorSchema)) : null,
    whole ? reader.get(`${account}/oauth_clients`, listOf(oauthClientSchema)) : null,
    whole && !index?.members ? reader.all(`${account}/members`, MEMBERS_PER_PAGE, accountMemberSchema) : null,
  ]);

  const members: ExportMember[] =
    index?.members?.map((m) => ({ id: m.id, email: m.email, status: m.status, roles: m.roles, policies: m.policies })) ??
    (listedMembers ?? []).map((m) => ({ id: m.id, email: m.user?.email ?? m.email ?? m.id, status: m.status === 'accepted' ? 'accepted' : 'pending', roles: m.roles, policies: m.policies }));

  let byGroup: Map<string, string[]> | null = null;
  let membershipsUnknownReason: string | undefined;
  // A small selection reads its members from the API: exact and current (the index may not have
  // seen a change made outside the console yet). A whole account reads the index.
  const perGroup = scope.kind === 'groups' && groups.length <= PER_GROUP_LIMIT;
  if (index && !perGroup) {
    const emails = new Map(members.map((m) => [m.id, m.email]));
    const order = apiMemberOrder(emails);
    byGroup = new Map(index.memberships.map((entry) => [entry.groupId, [...entry.memberIds].sort(order)]));
  } else if (perGroup || groups.length <= PER_GROUP_LIMIT) {
    // A small selection: one list per group (a page holds 50), in the API's own order.
    byGroup = new Map();
    for (const g of groups) {
      const list = await reader.all(`${account}/iam/user_groups/${encodeURIComponent(g.id)}/members`, MEMBERS_PER_PAGE, groupMemberSchema);
      byGroup.set(g.id, list.map((m) => m.id));
      for (const m of list) if (!members.some((x) => x.id === m.id)) members.push({ id: m.id, email: m.email ?? m.id, status: m.status === 'pending' ? 'pending' : 'accepted' });
    }
  } else {
    membershipsUnknownReason = `The membership index has not finished its first pass, and reading the members of ${groups.length} groups one by one would spend at least ${groups.length} requests of the 1,200 per 5 minutes.`;
  }

  // Anonymous resource groups show up in policies (with their meta) even when the list omits them.
  const rgById = new Map(resourceGroups.map((rg) => [rg.id, { id: rg.id, name: rg.name, adhoc: rg.meta?.adhoc === true }]));
  for (const g of groups) for (const p of g.policies ?? []) for (const rg of p.resource_groups ?? []) {
    const known = rgById.get(rg.id);
    if (!known || (!known.adhoc && rg.meta?.adhoc)) rgById.set(rg.id, { id: rg.id, name: known?.name ?? rg.name, adhoc: rg.meta?.adhoc === true || known?.adhoc === true });
  }

  const found = new Set(groups.map((g) => g.id));
  return {
    source: {
      accountId,
      groups: groups.map((g) => ({ id: g.id, name: g.name, created_on: g.created_on, policies: g.policies ?? [] })),
      memberships: byGroup,
      membershipsUnknownReason,
      members,
      exportMembers: whole,
      ssoConnectors: ssoConnectors?.map((c) => ({ id: c.id, email_domain: c.email_domain ?? '', enabled: c.enabled ?? false, created_on: c.created_on })) ?? null,
      oauthClients: oauthClients?.map((c) => ({ client_id: c.client_id, client_name: c.client_name })) ?? null,
      resourceGroups: [...rgById.values()],
      permissionGroups: permissionGroups.map((pg) => ({ id: pg.id, name: pg.name ?? pg.id })),
      scimManaged,
      listResourceGroups: whole,
    },
    membershipsAsOf: index && !perGroup ? (index.asOf ?? null) : null,
    requests: reader.requests() - before,
    missingGroups: wanted ? [...wanted].filter((id) => !found.has(id)) : [],
  };
}
