import type { TfType } from './provider-schema';

/**
 * What the console compares between the account and Terraform: the configurable attributes of
 * the four provider resources, by id, with lists in the API's order. Both sides of a drift (the
 * live account and a loaded state file or HCL) are read into this one shape.
 */
export interface TfPolicy {
  access: 'allow' | 'deny';
  permission_groups: string[];
  resource_groups: string[];
}

export type TfObject =
  | { type: 'cloudflare_user_group'; id: string; name: string; policies: TfPolicy[] }
  | { type: 'cloudflare_user_group_members'; id: string; members: string[] }
  | { type: 'cloudflare_sso_connector'; id: string; email_domain: string; enabled: boolean }
  | { type: 'cloudflare_account_member'; id: string; email: string; status: 'accepted' | 'pending'; roles: string[]; policies: TfPolicy[] };

/** An object with the resource name it has (export) or had (a loaded file) in the code. */
export type TfResource = TfObject & { resourceName: string };

export const objectKey = (o: Pick<TfObject, 'type' | 'id'>) => `${o.type}:${o.id}`;
export const addressOf = (r: Pick<TfResource, 'type' | 'resourceName'>) => `${r.type}.${r.resourceName}`;

export const SKIPPED_KINDS = ['inline-scope', 'resource-group', 'oauth-client', 'scim-managed', 'empty-members', 'memberships-unknown', 'unknown-type', 'other-account', 'old-provider', 'no-id', 'unreadable'] as const;
export type SkippedKind = (typeof SKIPPED_KINDS)[number];

/** Why something of the account is not in the export (or a loaded file's resource was not read). */
export interface Skipped {
  /** `objectKey` of the account object it stands for, when it is one. */
  key?: string;
  /** What it is, as an admin names it: "User group Contractors", "cloudflare_zone.main". */
  what: string;
  kind: SkippedKind;
  reason: string;
  instead: string;
}

/** Names for the ids a comparison shows (permission groups, resource groups, members, groups). */
export interface NameBook {
  permissionGroups: Record<string, string>;
  resourceGroups: Record<string, string>;
  members: Record<string, string>;
  groups: Record<string, string>;
  roles: Record<string, string>;
}

export const emptyNames = (): NameBook => ({ permissionGroups: {}, resourceGroups: {}, members: {}, groups: {}, roles: {} });

export const TYPE_LABEL: Record<TfType, string> = {
  cloudflare_user_group: 'User group',
  cloudflare_user_group_members: 'Members of',
  cloudflare_sso_connector: 'SSO connector',
  cloudflare_account_member: 'Account member',
};
