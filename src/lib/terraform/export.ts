import type { SnapshotPolicy } from '../analyzer/snapshot';
import { emptyNames, type NameBook, type Skipped, type TfPolicy, type TfResource } from './model';
import { resourceNames } from './resource-names';

/**
 * The account (or part of it) as Terraform resources: pure, over what the server read. Whatever
 * the provider cannot express exactly is listed in `skipped` with the reason and what to do
 * instead, never silently dropped.
 */
export interface ExportGroup {
  id: string;
  name: string;
  created_on?: string;
  policies?: readonly SnapshotPolicy[];
}

export interface ExportMember {
  id: string;
  email: string;
  status: 'accepted' | 'pending';
  roles?: ReadonlyArray<{ id?: string; name?: string }>;
  policies?: readonly SnapshotPolicy[];
}

export interface ExportSource {
  accountId: string;
  groups: readonly ExportGroup[];
  /** Member ids per group in the API's order; `null`: not known (then no members resources). */
  memberships: ReadonlyMap<string, readonly string[]> | null;
  /** Why memberships are unknown, when they are. */
  membershipsUnknownReason?: string;
  /** Everyone in the account, for emails (and, with `exportMembers`, as resources). */
  members: readonly ExportMember[];
  exportMembers: boolean;
  ssoConnectors: ReadonlyArray<{ id: string; email_domain: string; enabled: boolean; created_on?: string }> | null;
  oauthClients: ReadonlyArray<{ client_id: string; client_name?: string }> | null;
  resourceGroups: ReadonlyArray<{ id: string; name?: string; adhoc?: boolean }>;
  permissionGroups: ReadonlyArray<{ id: string; name: string }>;
  scimManaged: ReadonlySet<string>;
  /** Whether to list the account's named resource groups as "not a resource" (account-wide exports). */
  listResourceGroups: boolean;
}

export interface ExportResult {
  accountId: string;
  resources: TfResource[];
  skipped: Skipped[];
  names: NameBook;
  /** Resources exported exactly, but known to drift in the provider (see the README). */
  notes: Array<{ address: string; note: string }>;
}

/** The provider reads the first page of a group's members only (issue 29; TF #7097 thread). */
export const PROVIDER_MEMBER_PAGE = 100;

const policyOf = (p: SnapshotPolicy): TfPolicy => ({
  access: p.access === 'deny' ? 'deny' : 'allow',
  permission_groups: (p.permission_groups ?? []).map((pg) => pg.id),
  resource_groups: (p.resource_groups ?? []).map((rg) => rg.id),
});

export function buildExport(source: ExportSource): ExportResult {
  const names = emptyNames();
  for (const pg of source.permissionGroups) names.permissionGroups[pg.id] = pg.name;
  for (const rg of source.resourceGroups) names.resourceGroups[rg.id] = rg.name ?? rg.id;
  for (const m of source.members) names.members[m.id] = m.email;
  for (const g of source.groups) names.groups[g.id] = g.name;
  const adhoc = new Set(source.resourceGroups.filter((rg) => rg.adhoc).map((rg) => rg.id));
  const resources: TfResource[] = [];
  const skipped: Skipped[] = [];
  const notes: ExportResult['notes'] = [];

  const groupNames = resourceNames(source.groups.map((g) => ({ id: g.id, name: g.name, createdOn: g.created_on })), 'group');
  for (const g of source.groups) {
    const name = groupNames.get(g.id)!;
    if (source.scimManaged.has(g.id)) {
      skipped.push({
        key: `cloudflare_user_group:${g.id}`,
        what: `User group ${g.name}`,
        kind: 'scim-managed',
        reason: 'Managed by SCIM provisioning: the API refuses to rename it or change its members, and the identity provider would undo any change Terraform makes.',
        instead: 'Manage it in your identity provider; to read it in Terraform, use the data source cloudflare_user_group with its id.',
      });
      continue;
    }
    const policies = (g.policies ?? []).map(policyOf);
    const inline = policies.some((p) => p.resource_groups.some((id) => adhoc.has(id)));
    if (inline) {
      skipped.push({
        key: `cloudflare_user_group:${g.id}`,
        what: `User group ${g.name}`,
        kind: 'inline-scope',
        reason:
          'A policy scopes resources inline (the dashboard’s “Individual Domains”): the API stores it as an anonymous resource group that the provider cannot name, so a plan never settles (terraform-provider-cloudflare #7096).',
        instead: 'Create a named resource group with the same scope, point the policy at it in the composer, then export again.',
      });
    } else {
      resources.push({ type: 'cloudflare_user_group', resourceName: name, id: g.id, name: g.name, policies });
    }
    if (source.memberships === null) continue;
    const memberIds = source.memberships.get(g.id) ?? [];
    if (memberIds.length === 0) {
      skipped.push({
        key: `cloudflare_user_group_members:${g.id}`,
        what: `Members of ${g.name}`,
        kind: 'empty-members',
        reason: 'The group has no members: the API answers an empty list as null, so `members = []` shows a change on every plan.',
        instead: 'Leave the membership resource out until the group has members.',
      });
      continue;
    }
    resources.push({ type: 'cloudflare_user_group_members', resourceName: name, id: g.id, members: [...memberIds] });
    if (memberIds.length > PROVIDER_MEMBER_PAGE) {
      notes.push({ address: `cloudflare_user_group_members.${name}`, note: `${memberIds.length} members: provider releases that read one page of ${PROVIDER_MEMBER_PAGE} show the rest as a change.` });
    }
  }
  if (source.memberships === null && source.groups.length) {
    skipped.push({
      what: `Members of ${source.groups.length === 1 ? source.groups[0]!.name : `${source.groups.length} groups`}`,
      kind: 'memberships-unknown',
      reason: source.membershipsUnknownReason ?? 'Who is in which group is not known yet.',
      instead: 'Export again once the membership index has finished its first pass.',
    });
  }

  if (source.ssoConnectors) {
    const ssoNames = resourceNames(source.ssoConnectors.map((c) => ({ id: c.id, name: c.email_domain, createdOn: c.created_on })), 'sso');
    for (const c of source.ssoConnectors) {
      resources.push({ type: 'cloudflare_sso_connector', resourceName: ssoNames.get(c.id)!, id: c.id, email_domain: c.email_domain, enabled: c.enabled });
    }
  }

  if (source.exportMembers) {
    const memberNames = resourceNames(source.members.map((m) => ({ id: m.id, name: m.email })), 'member');
    for (const m of source.members) {
      for (const r of m.roles ?? []) if (r.id && r.name) names.roles[r.id] = r.name;
      resources.push({
        type: 'cloudflare_account_member',
        resourceName: memberNames.get(m.id)!,
        id: m.id,
        email: m.email,
        status: m.status,
        roles: (m.roles ?? []).flatMap((r) => (r.id ? [r.id] : [])),
        policies: (m.policies ?? []).map(policyOf),
      });
    }
  }

  for (const c of source.oauthClients ?? []) {
    skipped.push({
      what: `OAuth client ${c.client_name ?? c.client_id}`,
      kind: 'oauth-client',
      reason: 'The provider cannot import an OAuth client: a resource block would create a new client with a new secret.',
      instead: 'Keep it managed in the console; reference its client id as a variable where you need it.',
    });
  }
  if (source.listResourceGroups) {
    for (const rg of source.resourceGroups) {
      if (rg.adhoc) continue;
      skipped.push({
        what: `Resource group ${rg.name ?? rg.id}`,
        kind: 'resource-group',
        reason: 'The provider has no resource for resource groups; policies reference them by id (with the name in a comment).',
        instead: 'Create and change resource groups in the console; the ids in the code stay valid.',
      });
    }
  }
  return { accountId: source.accountId, resources, skipped, names, notes };
}
