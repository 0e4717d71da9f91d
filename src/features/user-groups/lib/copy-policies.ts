import type { Policy, PolicyInput } from '@/api/user-groups/schema';

/**
 * A group's policies as a create request takes them: access plus ids. Policy ids are left out,
 * since they belong to the source group; a policy the response shows incompletely is skipped.
 */
export function policiesAsInput(policies: readonly Policy[] | undefined): PolicyInput[] {
  return (policies ?? []).flatMap((p) => {
    const permissionGroups = (p.permission_groups ?? []).map((pg) => ({ id: pg.id }));
    const resourceGroups = (p.resource_groups ?? []).map((rg) => ({ id: rg.id }));
    if (!p.access || permissionGroups.length === 0 || resourceGroups.length === 0) return [];
    return [{ access: p.access, permission_groups: permissionGroups, resource_groups: resourceGroups }];
  });
}
