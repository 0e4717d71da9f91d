/**
 * Which user-group policies use a permission group or a resource group. The API has no reverse
 * lookup, so views compute it from the user groups list (policies embed both kinds of group).
 */

import type { ScopeLike } from './scope-keys';

interface NamedRef {
  id: string;
  name?: string;
  /** Resource groups come with their scope, to show them by what they cover. */
  scope?: ScopeLike[];
}

export interface GroupWithPolicies {
  id: string;
  name: string;
  policies?: Array<{
    id?: string;
    access?: 'allow' | 'deny';
    permission_groups?: NamedRef[];
    resource_groups?: NamedRef[];
  }>;
}

export interface PolicyRef {
  /** Absent only if the API left it out; used as a React key with the index. */
  id?: string;
  access: 'allow' | 'deny';
  permissionGroups: NamedRef[];
  resourceGroups: NamedRef[];
}

export interface GroupPolicies {
  group: { id: string; name: string };
  policies: PolicyRef[];
}

function referencing(groups: GroupWithPolicies[], uses: (p: PolicyRef) => boolean): GroupPolicies[] {
  const out: GroupPolicies[] = [];
  for (const group of groups) {
    const policies = (group.policies ?? [])
      .map((p) => ({
        id: p.id,
        // `access` is optional in responses; one without it is read as "allow" (the only grant that needs no flag).
        access: p.access ?? 'allow',
        permissionGroups: p.permission_groups ?? [],
        resourceGroups: p.resource_groups ?? [],
      }))
      .filter(uses);
    if (policies.length) out.push({ group: { id: group.id, name: group.name }, policies });
  }
  return out.sort((a, b) => a.group.name.localeCompare(b.group.name, undefined, { sensitivity: 'base' }));
}

export function policiesUsingPermissionGroup(groups: GroupWithPolicies[], permissionGroupId: string): GroupPolicies[] {
  return referencing(groups, (p) => p.permissionGroups.some((pg) => pg.id === permissionGroupId));
}

export function policiesUsingResourceGroup(groups: GroupWithPolicies[], resourceGroupId: string): GroupPolicies[] {
  return referencing(groups, (p) => p.resourceGroups.some((rg) => rg.id === resourceGroupId));
}

/**
 * Deleting a resource group takes it out of each policy; a policy whose only resource group it
 * was is left with nothing to act on, and the API removes that policy altogether.
 */
export function policyRemovedWith(policy: PolicyRef, resourceGroupId: string): boolean {
  return policy.resourceGroups.every((rg) => rg.id === resourceGroupId);
}

export function countPolicies(refs: GroupPolicies[]): number {
  return refs.reduce((n, r) => n + r.policies.length, 0);
}
