/** How the History views name resource types, actions and sources. */
export const RESOURCE_TYPES = ['user_group', 'resource_group', 'sso_connector', 'oauth_client'] as const;
export const RESOURCE_TYPE_LABEL: Record<string, string> = {
  user_group: 'User group',
  user_group_members: 'Group members',
  resource_group: 'Resource group',
  sso_connector: 'SSO connector',
  oauth_client: 'OAuth client',
};
export const ACTIONS = ['create', 'update', 'delete', 'add_members', 'replace_members', 'remove_member', 'begin_verification', 'rotate_secret', 'delete_rotated_secret'] as const;
export const ACTION_LABEL: Record<string, string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  add_members: 'Added members',
  replace_members: 'Replaced members',
  remove_member: 'Removed a member',
  begin_verification: 'Started verification',
  rotate_secret: 'Rotated the secret',
  delete_rotated_secret: 'Revoked the old secret',
};
/** Where a change came from (History entries' `source`). */
export const SOURCE_LABEL: Record<'console' | 'api' | 'dashboard', string> = {
  console: 'This console',
  api: 'API (SDK, Terraform…)',
  dashboard: 'Cloudflare dashboard',
};
