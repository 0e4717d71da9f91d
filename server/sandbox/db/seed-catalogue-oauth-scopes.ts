import type { Db } from './sql.ts';

/**
 * The OAuth scopes catalogue (GET /oauth/scopes): the dot-delimited scope ids an OAuth client may
 * request, grouped by category, each with the resource ("Bach") scopes it grants. The same for
 * every account and present in every seed kind. The protocol scopes `openid` and
 * `offline_access` are not in it: the API adds and removes them from grant and response types.
 */
export interface OAuthScopeSeed {
  id: string;
  name: string;
  category: string;
  scopes: string[];
}

const API = 'com.cloudflare.api';

export const OAUTH_SCOPES: readonly OAuthScopeSeed[] = [
  // Account
  { id: 'account.read', name: 'Read account details', category: 'Account', scopes: [`${API}.account.read`] },
  {
    id: 'account.settings.write',
    name: 'Edit account settings',
    category: 'Account',
    scopes: [`${API}.account.read`, `${API}.account.settings.edit`],
  },
  { id: 'account.members.read', name: 'Read account members', category: 'Account', scopes: [`${API}.account.member.read`] },
  { id: 'account.audit_logs.read', name: 'Read audit logs', category: 'Account', scopes: [`${API}.account.audit_log.read`] },
  { id: 'billing.read', name: 'Read billing profile and invoices', category: 'Account', scopes: [`${API}.account.billing.read`] },
  // User
  { id: 'user.read', name: 'Read your user profile', category: 'User', scopes: [`${API}.user.read`] },
  { id: 'user.email.read', name: 'Read your email address', category: 'User', scopes: [`${API}.user.email.read`] },
  { id: 'user.memberships.read', name: 'Read your account memberships', category: 'User', scopes: [`${API}.user.membership.read`] },
  // DNS and zones
  { id: 'zone.read', name: 'Read zones', category: 'DNS', scopes: [`${API}.account.zone.read`] },
  { id: 'dns.records.read', name: 'Read DNS records', category: 'DNS', scopes: [`${API}.account.zone.dns.read`] },
  {
    id: 'dns.records.write',
    name: 'Edit DNS records',
    category: 'DNS',
    scopes: [`${API}.account.zone.dns.read`, `${API}.account.zone.dns.edit`],
  },
  { id: 'dns.settings.read', name: 'Read DNS settings', category: 'DNS', scopes: [`${API}.account.zone.dns_settings.read`] },
  { id: 'cache.purge', name: 'Purge cache', category: 'DNS', scopes: [`${API}.account.zone.cache.purge`] },
  // Workers
  { id: 'workers.scripts.read', name: 'Read Workers scripts', category: 'Workers', scopes: [`${API}.account.workers.script.read`] },
  {
    id: 'workers.scripts.write',
    name: 'Deploy Workers scripts',
    category: 'Workers',
    scopes: [`${API}.account.workers.script.read`, `${API}.account.workers.script.edit`],
  },
  { id: 'workers.routes.write', name: 'Edit Workers routes', category: 'Workers', scopes: [`${API}.account.zone.workers.route.edit`] },
  { id: 'workers.kv.read', name: 'Read Workers KV', category: 'Workers', scopes: [`${API}.account.workers.kv.read`] },
  {
    id: 'workers.kv.write',
    name: 'Edit Workers KV',
    category: 'Workers',
    scopes: [`${API}.account.workers.kv.read`, `${API}.account.workers.kv.edit`],
  },
  { id: 'd1.read', name: 'Read D1 databases', category: 'Workers', scopes: [`${API}.account.d1.read`] },
  { id: 'pages.read', name: 'Read Pages projects', category: 'Workers', scopes: [`${API}.account.pages.read`] },
  {
    id: 'pages.write',
    name: 'Deploy Pages projects',
    category: 'Workers',
    scopes: [`${API}.account.pages.read`, `${API}.account.pages.edit`],
  },
  // R2
  { id: 'r2.buckets.read', name: 'Read R2 buckets', category: 'R2', scopes: [`${API}.account.r2.bucket.read`] },
  {
    id: 'r2.buckets.write',
    name: 'Edit R2 buckets',
    category: 'R2',
    scopes: [`${API}.account.r2.bucket.read`, `${API}.account.r2.bucket.edit`],
  },
  // Zero Trust
  { id: 'access.apps.read', name: 'Read Access applications', category: 'Zero Trust', scopes: [`${API}.account.access.app.read`] },
  {
    id: 'access.apps.write',
    name: 'Edit Access applications',
    category: 'Zero Trust',
    scopes: [`${API}.account.access.app.read`, `${API}.account.access.app.edit`],
  },
  { id: 'gateway.policies.read', name: 'Read Gateway policies', category: 'Zero Trust', scopes: [`${API}.account.gateway.policy.read`] },
  { id: 'devices.read', name: 'Read enrolled devices', category: 'Zero Trust', scopes: [`${API}.account.device.read`] },
  // Security
  { id: 'firewall.rules.read', name: 'Read WAF rules', category: 'Security', scopes: [`${API}.account.zone.firewall.read`] },
  {
    id: 'firewall.rules.write',
    name: 'Edit WAF rules',
    category: 'Security',
    scopes: [`${API}.account.zone.firewall.read`, `${API}.account.zone.firewall.edit`],
  },
  { id: 'ssl.certificates.read', name: 'Read SSL/TLS certificates', category: 'Security', scopes: [`${API}.account.zone.ssl.read`] },
  // Analytics and logs
  { id: 'analytics.read', name: 'Read analytics', category: 'Analytics', scopes: [`${API}.account.analytics.read`] },
  { id: 'logs.read', name: 'Read Logpush jobs and logs', category: 'Analytics', scopes: [`${API}.account.logs.read`] },
];

const ids = new Set(OAUTH_SCOPES.map((s) => s.id));

/** Throws on a scope the catalogue lacks, so seeded OAuth clients cannot drift from it. */
export function assertCatalogueScopes(scopes: readonly string[]): void {
  for (const scope of scopes) {
    if (!ids.has(scope)) throw new Error(`seed: "${scope}" is not in the OAuth scopes catalogue`);
  }
}

export function seedOAuthScopes(db: Db): void {
  const insert = db.prepare('INSERT INTO oauth_scopes (id, name, category, scopes, position) VALUES (?, ?, ?, ?, ?)');
  OAUTH_SCOPES.forEach((scope, position) =>
    insert.run(scope.id, scope.name, scope.category, JSON.stringify(scope.scopes), position),
  );
}
