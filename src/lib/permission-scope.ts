/**
 * What a permission group acts on: the account, zones, or Workers. Today's API says it in
 * `meta.scopes` (`com.cloudflare.api.account` = account, `com.cloudflare.api.account.zone` = zone,
 * `com.cloudflare.api.account.worker` = Workers, granted per Worker or on the whole account; a
 * string or an array), and refuses a pairing the other way with 400, code 1006 (Decision 3). Without
 * `meta.scopes` (2024 answers) this falls back to a HEURISTIC: a list of known names
 * (Cloudflare's catalogue as the sandbox mirrors it) and a few name patterns. An unknown name
 * gets no warning rather than a wrong one.
 */

export type PermissionScope = 'account' | 'zone' | 'worker' | 'unknown';

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
  'Workers Platform Admin',
  'Workers Platform (Read-only)',
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

/** The Workers roles Cloudflare grants per Worker as well as account-wide. */
const WORKER_NAMES = ['Workers Admin', 'Workers Editor'];

const ZONE = new Set(ZONE_NAMES.map(normalizeLabel));
const WORKER = new Set(WORKER_NAMES.map(normalizeLabel));
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
  if (list.includes('com.cloudflare.api.account.worker')) return 'worker';
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
    if (WORKER.has(c)) return 'worker';
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
  worker: 'Act on Workers',
  unknown: 'Other',
};

/** "Acts on", in a word per thing: what the permission-group panel and tables say. */
export const ACTS_ON_WORDS: Record<PermissionScope, string> = {
  account: 'Account',
  zone: 'Zones',
  worker: 'Workers',
  unknown: 'Not stated',
};

/** Every raw `meta.scopes` entry in words ("com.cloudflare.api.account.zone" → "Zones"); an unknown scope stays as sent. */
export function scopesInWords(meta: unknown): string[] {
  const raw = meta && typeof meta === 'object' ? (meta as Record<string, unknown>).scopes : undefined;
  const list = (Array.isArray(raw) ? raw : [raw]).filter((s): s is string => typeof s === 'string' && s.trim() !== '');
  const words: Record<string, string> = {
    'com.cloudflare.api.account': ACTS_ON_WORDS.account,
    'com.cloudflare.api.account.zone': ACTS_ON_WORDS.zone,
    'com.cloudflare.api.account.worker': ACTS_ON_WORDS.worker,
  };
  return [...new Set(list.map((s) => words[s.trim()] ?? s.trim()))];
}
