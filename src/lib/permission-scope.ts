/**
 * What a permission group acts on: the account, or zones. Today's API says it in `meta.scopes`
 * (`com.cloudflare.api.account` = account, `com.cloudflare.api.account.zone` = zone; a string or
 * an array), and refuses a pairing the other way with 400, code 1006 (Decision 3). Without
 * `meta.scopes` (2024 answers) this falls back to a HEURISTIC: a list of known names
 * (Cloudflare's catalogue as the sandbox mirrors it) and a few name patterns. An unknown name
 * gets no warning rather than a wrong one.
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
  /** Either era's meta: today's `{label, scopes, …}` or the older `{key, value}`; read defensively. */
  meta?: unknown;
}

const metaOf = (group: PermissionGroupLike): Record<string, unknown> =>
  group.meta && typeof group.meta === 'object' ? (group.meta as Record<string, unknown>) : {};

/** `meta.scopes` read as account / zone, or null when it says neither (or is absent). */
export function scopeFromMeta(group: PermissionGroupLike): Exclude<PermissionScope, 'unknown'> | null {
  const raw = metaOf(group).scopes;
  const list = (Array.isArray(raw) ? raw : [raw]).filter((s): s is string => typeof s === 'string').map((s) => s.trim());
  if (list.includes('com.cloudflare.api.account.zone')) return 'zone';
  if (list.includes('com.cloudflare.api.account')) return 'account';
  return null;
}

/** Where a verdict came from: the API's own `meta.scopes`, or the name heuristic. */
export function permissionScopeSource(group: PermissionGroupLike): 'meta' | 'name' {
  return scopeFromMeta(group) ? 'meta' : 'name';
}

/** `meta.scopes` first; then the heuristic: the known lists (by name, then by label), then the patterns. */
export function permissionScopeOf(group: PermissionGroupLike): PermissionScope {
  const fromMeta = scopeFromMeta(group);
  if (fromMeta) return fromMeta;
  const meta = metaOf(group);
  const label = typeof meta.label === 'string' ? meta.label : meta.key === 'label' && typeof meta.value === 'string' ? meta.value : undefined;
  const candidates = [group.name, label]
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
