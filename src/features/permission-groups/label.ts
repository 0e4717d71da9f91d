import type { PermissionGroup } from '../../api/schemas/iam';

/** The model has no label field: Cloudflare carries it in `meta` as {key: "label", value}. */
export function labelOf(group: PermissionGroup): string | undefined {
  return group.meta?.key === 'label' ? group.meta.value : undefined;
}
