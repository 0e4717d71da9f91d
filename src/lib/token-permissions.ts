/**
 * Which API-token permission each operation the console calls needs (`x-api-token-group` in
 * Cloudflare's published schema, as ../shared/cloudflare-api/TODAY.md section 1 lists it), so a
 * 403 can name what the token lacks. Where the schema lists several, any one suffices: `needs` is
 * the one to add for this console's use (Read for reading, Write for changing), `orAny` the others.
 */

export interface TokenPermission {
  /** The permission to add, as the dashboard names it: "SSO Connector Write". */
  needs: string;
  /** Other permissions that also allow the operation. */
  orAny: string[];
  /** The schema's operationId, when there is one. */
  operation?: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Rule {
  methods: readonly Method[];
  /** Matched against the path after /client/v4, without the query. */
  path: RegExp;
  permission: TokenPermission;
}

const ID = '[^/]+';
const ACCOUNT = `^/accounts/${ID}`;
const READ: readonly Method[] = ['GET'];
const WRITE: readonly Method[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

const settingsRead = (operation: string): TokenPermission => ({ needs: 'Account Settings Read', orAny: ['Account Settings Write', 'SCIM Provisioning'], operation });
const settingsWrite = (operation: string): TokenPermission => ({ needs: 'Account Settings Write', orAny: ['SCIM Provisioning'], operation });

const RULES: Rule[] = [
  { methods: READ, path: new RegExp(`${ACCOUNT}/iam/permission_groups/?$`), permission: settingsRead('account-permission-group-list') },
  { methods: READ, path: new RegExp(`${ACCOUNT}/iam/permission_groups/${ID}$`), permission: settingsRead('account-permission-group-details') },

  { methods: READ, path: new RegExp(`${ACCOUNT}/iam/resource_groups/?$`), permission: settingsRead('account-resource-group-list') },
  { methods: ['POST'], path: new RegExp(`${ACCOUNT}/iam/resource_groups/?$`), permission: settingsWrite('account-resource-group-create') },
  { methods: READ, path: new RegExp(`${ACCOUNT}/iam/resource_groups/${ID}$`), permission: settingsRead('account-resource-group-details') },
  { methods: ['PUT'], path: new RegExp(`${ACCOUNT}/iam/resource_groups/${ID}$`), permission: settingsWrite('account-resource-group-update') },
  { methods: ['DELETE'], path: new RegExp(`${ACCOUNT}/iam/resource_groups/${ID}$`), permission: settingsWrite('account-resource-group-delete') },

  { methods: READ, path: new RegExp(`${ACCOUNT}/iam/user_groups/?$`), permission: settingsRead('account-user-group-list') },
  { methods: ['POST'], path: new RegExp(`${ACCOUNT}/iam/user_groups/?$`), permission: settingsWrite('account-user-group-create') },
  { methods: READ, path: new RegExp(`${ACCOUNT}/iam/user_groups/${ID}$`), permission: settingsRead('account-user-group-details') },
  { methods: ['PUT'], path: new RegExp(`${ACCOUNT}/iam/user_groups/${ID}$`), permission: settingsWrite('account-user-group-update') },
  { methods: ['DELETE'], path: new RegExp(`${ACCOUNT}/iam/user_groups/${ID}$`), permission: settingsWrite('account-user-group-delete') },
  { methods: READ, path: new RegExp(`${ACCOUNT}/iam/user_groups/${ID}/members(/${ID})?/?$`), permission: settingsRead('account-user-group-member-list') },
  { methods: ['POST'], path: new RegExp(`${ACCOUNT}/iam/user_groups/${ID}/members/?$`), permission: settingsWrite('account-user-group-member-create') },
  { methods: ['PUT'], path: new RegExp(`${ACCOUNT}/iam/user_groups/${ID}/members/?$`), permission: settingsWrite('account-user-group-members-update') },
  { methods: ['DELETE'], path: new RegExp(`${ACCOUNT}/iam/user_groups/${ID}/members/${ID}$`), permission: settingsWrite('account-user-group-member-delete') },

  { methods: READ, path: new RegExp(`${ACCOUNT}/sso_connectors(/${ID})?/?$`), permission: { needs: 'SSO Connector Read', orAny: ['SSO Connector Write'], operation: 'get-all-sso-connectors' } },
  { methods: WRITE, path: new RegExp(`${ACCOUNT}/sso_connectors(/.*)?$`), permission: { needs: 'SSO Connector Write', orAny: [], operation: 'update-sso-connector-state' } },

  { methods: READ, path: new RegExp(`${ACCOUNT}/oauth_clients(/${ID})?/?$`), permission: { needs: 'OAuth Client Read', orAny: ['OAuth Client Write'], operation: 'oauth-clients-list' } },
  { methods: WRITE, path: new RegExp(`${ACCOUNT}/oauth_clients(/.*)?$`), permission: { needs: 'OAuth Client Write', orAny: [], operation: 'oauth-clients-update' } },

  { methods: READ, path: new RegExp(`${ACCOUNT}/members(/${ID})?/?$`), permission: settingsRead('account-members-list-members') },
  { methods: WRITE, path: new RegExp(`${ACCOUNT}/members(/${ID})?/?$`), permission: settingsWrite('account-members-update-member') },
  { methods: READ, path: new RegExp(`${ACCOUNT}/roles(/${ID})?/?$`), permission: settingsRead('account-roles-list') },

  { methods: READ, path: new RegExp(`${ACCOUNT}/scim/v2/`), permission: { needs: 'SCIM Provisioning', orAny: ['Account Settings Read', 'Account Settings Write'], operation: 'scim-groups-list' } },
  { methods: WRITE, path: new RegExp(`${ACCOUNT}/scim/v2/`), permission: { needs: 'SCIM Provisioning', orAny: ['Account Settings Write'], operation: 'scim-groups-patch' } },

  { methods: READ, path: /^\/zones(\/[^/]+)?\/?$/, permission: { needs: 'Zone Read', orAny: [] } },
];

/** The path of a /client/v4 URL or path, without the prefix or the query. */
function v4Path(path: string): string {
  const noQuery = path.split('?')[0]!.split('#')[0]!;
  const at = noQuery.indexOf('/client/v4');
  return at >= 0 ? noQuery.slice(at + '/client/v4'.length) || '/' : noQuery;
}

/** What a token needs for this call, or null when the schema lists nothing (or the call is not known). */
export function tokenPermissionFor(method: string, path: string): TokenPermission | null {
  const m = method.toUpperCase() as Method;
  const p = v4Path(path);
  if (/^\/oauth\/scopes\/?$/.test(p)) return null; // authenticated, no permission required
  return RULES.find((r) => r.methods.includes(m) && r.path.test(p))?.permission ?? null;
}

/**
 * What a 403 says to the admin: the permission their token lacks and what to change. `null`
 * permission: the operation is not one this console knows; the advice stays general.
 */
export function forbiddenAdvice(permission: TokenPermission | null): string {
  if (!permission) {
    return 'Your API token lacks a permission this needs. Check the token’s permissions in the Cloudflare dashboard (My Profile → API Tokens) and retry.';
  }
  const also = permission.orAny.length ? ` (${permission.orAny.map((p) => `“${p}”`).join(' or ')} would also do)` : '';
  return `Your API token lacks “${permission.needs}”${also}. Add it to the token in the Cloudflare dashboard (My Profile → API Tokens) and retry.`;
}
