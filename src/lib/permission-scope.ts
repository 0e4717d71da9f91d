/**
 * What a permission group acts on: the account, or zones. Today's API says so in `meta.scopes`
 * (DECISIONS.md, decision 3), and refuses an account-level permission group on a resource group
 * that acts on zones (400, code 1006). Without `meta.scopes` (the 2024 answers) this falls back
 * to a HEURISTIC: a list of known names (Cloudflare's catalogue as the sandbox mirrors it) and a
 * few name patterns. The API's answer stays the authority; an unknown name gets no warning
 * rather than a wrong one.
 */

export type PermissionScope = 'account' | 'zone' | 'unknown';

/** "SSL/TLS, Caching, …" → "ssl_tls_caching": the label form Cloudflare's meta carries. */
export function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const ZONE_NAMES = [
  'DNS',
  'Zone Read',
  'Zone',
  'Firewall',
  'Cache Purge',
  'SSL/TLS, Caching, Performance, Page Rules, and Customization',
  'Page Shield',
  'Page Shield Read',
  'Bot Management',
  'HTTP Applications',
  'HTTP Applications Read',
  'Waiting Room Admin',
  'Waiting Room Read',
  'Email Routing',
  'Health Checks',
  'Workers Routes',
  'Zaraz Admin',
  'Zaraz Readonly',
];

const ACCOUNT_NAMES = [
  'Administrator',
  'Super Administrator - All Privileges',
  'Administrator Read Only',
  'Billing',
  'Analytics',
  'Audit Logs Viewer',
  'Trust and Safety',
  'Load Balancer',
  'Magic Network Monitoring',
  'Magic Network Monitoring Admin',
  'Magic Network Monitoring Read-Only',
  'Magic Transit',
  'Magic WAN',
  'Network Services Read',
  'Network Services Write',
  'Connectivity Directory Admin',
  'Connectivity Directory Read',
  'Workers Admin',
  'Workers Platform Admin',
  'Workers Platform (Read-only)',
  'Workers Editor',
  'Workers KV Storage',
  'Cloudflare Pages',
  'D1',
  'Queues',
  'Hyperdrive',
  'Vectorize',
  'Workers AI',
  'Cloudflare R2 Admin',
  'Cloudflare R2 Read',
  'Cloudflare Images',
  'Cloudflare Stream',
  'Secrets Store Admin',
  'Secrets Store Deployer',
  'Secrets Store Reporter',
  'Cloudflare Zero Trust',
  'Cloudflare Zero Trust Read Only',
  'Cloudflare Zero Trust PII',
  'Cloudflare Zero Trust Reporting',
  'Cloudflare Access',
  'Cloudflare Gateway',
  'Cloudflare DEX',
  'Cloudflare CASB',
  'Access Audit Logs',
  'API Gateway',
  'API Gateway Read',
  'Turnstile',
  'Turnstile Read',
  'Email Security Analyst',
  'Email Security Read Only',
  'Brand Protection',
  'Cloudforce One Admin',
  'Cloudforce One Read',
  'Log Share',
  'Log Share Reader',
];

const ZONE = new Set(ZONE_NAMES.map(normalizeLabel));
const ACCOUNT = new Set(ACCOUNT_NAMES.map(normalizeLabel));

/** Names Cloudflare gives zone ("domain") roles, beyond the list: "Domain …", "Zone …", "… DNS …". */
const ZONE_PATTERNS = [/^domain_/, /^zone_/, /(^|_)dns($|_)/, /(^|_)zone($|_)/];
/** Account-wide administration, whatever the product: billing, members, audit. */
const ACCOUNT_PATTERNS = [/(^|_)billing($|_)/, /^(super_)?administrator($|_)/, /(^|_)audit_logs($|_)/];

export interface PermissionGroupLike {
  name?: string;
  /** The normalized meta (src/api/schemas/common.ts); a raw 2024 `{key: "label", value}` is read too. */
  meta?: { key?: string; value?: string; label?: string; scopes?: readonly string[] | string };
}

export const ACCOUNT_SCOPE = 'com.cloudflare.api.account';
export const ZONE_SCOPE = 'com.cloudflare.api.account.zone';

/**
 * What `meta.scopes` says (DECISIONS.md, decision 3): the account, zones, or nothing when it is
 * absent, names neither, or names both (such a group can act on either, so no pairing is refused).
 */
export function declaredScopeOf(group: PermissionGroupLike): PermissionScope | null {
  const raw = group.meta?.scopes;
  const scopes = typeof raw === 'string' ? [raw] : (raw ?? []);
  const account = scopes.includes(ACCOUNT_SCOPE);
  const zone = scopes.includes(ZONE_SCOPE);
  if (account && zone) return 'unknown';
  if (zone) return 'zone';
  if (account) return 'account';
  return null;
}

/** `meta.scopes` first; without it, the heuristic: the known lists (by name, then by label), then the patterns. */
export function permissionScopeOf(group: PermissionGroupLike): PermissionScope {
  const declared = declaredScopeOf(group);
  if (declared) return declared;
  const candidates = [group.name, group.meta?.label ?? (group.meta?.key === 'label' ? group.meta.value : undefined)]
    .filter((s): s is string => Boolean(s))
    .map(normalizeLabel);
  for (const c of candidates) {
    if (ZONE.has(c)) return 'zone';
    if (ACCOUNT.has(c)) return 'account';
  }
  for (const c of candidates) {
    if (ZONE_PATTERNS.some((re) => re.test(c))) return 'zone';
    if (ACCOUNT_PATTERNS.some((re) => re.test(c))) return 'account';
  }
  return 'unknown';
}

export const PERMISSION_SCOPE_LABEL: Record<PermissionScope, string> = {
  zone: 'Act on zones',
  account: 'Act on the whole account',
  unknown: 'Other',
};
