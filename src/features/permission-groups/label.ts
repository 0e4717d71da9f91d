import type { PermissionGroup } from '@/api/permission-groups/schema';

/** `meta.label` (today's API; the boundary also reads the 2024 `{key: "label", value}` into it). */
export function labelOf(group: PermissionGroup): string | undefined {
  return group.meta?.label;
}
