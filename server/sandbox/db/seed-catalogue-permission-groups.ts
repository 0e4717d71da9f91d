import type { Db } from './open.ts';
import { stableId } from './seed-random.ts';

/**
 * Cloudflare's permission-group catalogue: the same for every account and present in every seed
 * kind. `scope_level` says what a permission group acts on: an 'account' group only makes sense
 * on the account-wide resource group (the sandbox answers 1006 otherwise); a 'zone' group acts on
 * zones and may be granted on zone resource groups or account-wide (all zones).
 */
export interface PermissionGroupSeed {
  id: string;
  name: string;
  label: string;
  scope_level: 'account' | 'zone';
}

/** The ids the API reference's examples use, kept so those examples run unchanged. */
const EXAMPLE_IDS: Record<string, string> = {
  'Zone Read': 'c8fed203ed3043cba015a93ad1616f1f',
  'Magic Network Monitoring': '82e64a83756745bbbb1c9c2701bf816b',
  'Load Balancer': '6d7f2f5f5b1d4a0e9081fdc98d432fd1',
};

/** "SSL/TLS, Caching, Performance…" → "ssl_tls_caching_performance…". */
export function labelOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The catalogue in display order: administration first, then zone roles, then products. */
const CATALOGUE: Array<[name: string, scope: 'account' | 'zone']> = [
  // Account administration
  ['Administrator', 'account'],
  ['Super Administrator - All Privileges', 'account'],
  ['Administrator Read Only', 'account'],
  ['Billing', 'account'],
  ['Analytics', 'account'],
  ['Audit Logs Viewer', 'account'],
  ['Trust and Safety', 'account'],
  // Zones and domains
  ['DNS', 'zone'],
  ['Zone Read', 'zone'],
  ['Zone', 'zone'],
  ['Firewall', 'zone'],
  ['Cache Purge', 'zone'],
  ['SSL/TLS, Caching, Performance, Page Rules, and Customization', 'zone'],
  ['Page Shield', 'zone'],
  ['Page Shield Read', 'zone'],
  ['Bot Management', 'zone'],
  ['HTTP Applications', 'zone'],
  ['HTTP Applications Read', 'zone'],
  ['Waiting Room Admin', 'zone'],
  ['Waiting Room Read', 'zone'],
  ['Email Routing', 'zone'],
  ['Health Checks', 'zone'],
  ['Workers Routes', 'zone'],
  ['Zaraz Admin', 'zone'],
  ['Zaraz Readonly', 'zone'],
  ['Domain Administrator', 'zone'],
  ['Domain Administrator Read Only', 'zone'],
  ['Domain DNS', 'zone'],
  ['Domain API Gateway', 'zone'],
  ['Domain API Gateway Read', 'zone'],
  ['Domain Page Shield', 'zone'],
  ['Domain Page Shield Read', 'zone'],
  ['Domain Waiting Room Admin', 'zone'],
  ['Domain Waiting Room Read', 'zone'],
  // Traffic and network
  ['Load Balancer', 'account'],
  ['Magic Network Monitoring', 'account'],
  ['Magic Network Monitoring Admin', 'account'],
  ['Magic Network Monitoring Read-Only', 'account'],
  ['Magic Transit', 'account'],
  ['Magic WAN', 'account'],
  ['Network Services Read', 'account'],
  ['Network Services Write', 'account'],
  ['Connectivity Directory Admin', 'account'],
  ['Connectivity Directory Read', 'account'],
  // Developer platform
  ['Workers Admin', 'account'],
  ['Workers Platform Admin', 'account'],
  ['Workers Platform (Read-only)', 'account'],
  ['Workers Editor', 'account'],
  ['Workers KV Storage', 'account'],
  ['Cloudflare Pages', 'account'],
  ['D1', 'account'],
  ['Queues', 'account'],
  ['Hyperdrive', 'account'],
  ['Vectorize', 'account'],
  ['Workers AI', 'account'],
  ['Cloudflare R2 Admin', 'account'],
  ['Cloudflare R2 Read', 'account'],
  ['Cloudflare Images', 'account'],
  ['Cloudflare Stream', 'account'],
  ['Secrets Store Admin', 'account'],
  ['Secrets Store Deployer', 'account'],
  ['Secrets Store Reporter', 'account'],
  // Zero Trust
  ['Cloudflare Zero Trust', 'account'],
  ['Cloudflare Zero Trust Read Only', 'account'],
  ['Cloudflare Zero Trust PII', 'account'],
  ['Cloudflare Zero Trust Reporting', 'account'],
  ['Cloudflare Access', 'account'],
  ['Cloudflare Gateway', 'account'],
  ['Cloudflare DEX', 'account'],
  ['Cloudflare CASB', 'account'],
  ['Access Audit Logs', 'account'],
  // Security products and logs
  ['API Gateway', 'account'],
  ['API Gateway Read', 'account'],
  ['Turnstile', 'account'],
  ['Turnstile Read', 'account'],
  ['Email Security Analyst', 'account'],
  ['Email Security Read Only', 'account'],
  ['Brand Protection', 'account'],
  ['Cloudforce One Admin', 'account'],
  ['Cloudforce One Read', 'account'],
  ['Log Share', 'account'],
  ['Log Share Reader', 'account'],
];

export const PERMISSION_GROUPS: readonly PermissionGroupSeed[] = CATALOGUE.map(([name, scope_level]) => ({
  id: EXAMPLE_IDS[name] ?? stableId(`permission-group:${name}`),
  name,
  label: labelOf(name),
  scope_level,
}));

/**
 * The labels today's API answers in `meta.label` where they are known to differ from the name
 * (TF acceptance tests look up `admin` and `admin_readonly`; the schema's examples show
 * `load_balancer_admin` and `fbm_user`); every other group's label is its name in snake case.
 */
const TODAY_LABELS: Record<string, string> = {
  Administrator: 'admin',
  'Super Administrator - All Privileges': 'super_admin',
  'Administrator Read Only': 'admin_readonly',
  'Load Balancer': 'load_balancer_admin',
  'Magic Network Monitoring': 'fbm_user',
  'Domain Administrator': 'domain_admin',
  'Domain Administrator Read Only': 'domain_admin_readonly',
  'SSL/TLS, Caching, Performance, Page Rules, and Customization': 'ssl_tls_caching_performance',
  'Cloudflare Zero Trust': 'zero_trust_admin',
  'Cloudflare Zero Trust Read Only': 'zero_trust_readonly',
};

const TODAY_DESCRIPTIONS: Record<string, string> = {
  Administrator: 'Can access the full account, except for membership management and billing.',
  'Super Administrator - All Privileges': 'Can edit any Cloudflare setting, make purchases, update billing, and manage memberships.',
  'Administrator Read Only': 'Can access the full account in read-only mode.',
  Billing: 'Can edit the account’s billing profile and subscriptions.',
  DNS: 'Can edit DNS records.',
};

/** What a permission group acts on, as today's `meta.scopes` says it. */
export const SCOPES_OF_LEVEL = { account: 'com.cloudflare.api.account', zone: 'com.cloudflare.api.account.zone' } as const;

/** The object class of per-Worker resource keys, `com.cloudflare.api.account.worker.<id>` (TODAY.md row 27). */
export const WORKER_SCOPE = 'com.cloudflare.api.account.worker';

/**
 * The Workers roles Cloudflare grants per Worker as well as account-wide (docs: Workers roles and
 * permissions, "Grant access to all or selected Workers"). They stay 'account' in the table (its
 * CHECK admits two levels) and act on Workers: the whole account (every Worker) or chosen Workers.
 */
const WORKER_GRANTABLE = new Set(['Workers Admin', 'Workers Editor']);

/** What a permission group may be granted on: the account, zones, or Workers (the account's or chosen ones). */
export type ActsOn = 'account' | 'zone' | 'worker';

export interface TodayPermissionGroupMeta {
  label: string;
  /** One scope, or several: a Workers role names the account and the per-Worker class. */
  scopes: string | string[];
  description: string;
  editable: 'false';
}

/** Today's `meta` of each catalogue entry, by id: built once, read per answer. */
const TODAY_META = new Map<string, TodayPermissionGroupMeta>(
  PERMISSION_GROUPS.map((pg) => [
    pg.id,
    {
      label: TODAY_LABELS[pg.name] ?? pg.label,
      scopes: WORKER_GRANTABLE.has(pg.name) ? [SCOPES_OF_LEVEL.account, WORKER_SCOPE] : SCOPES_OF_LEVEL[pg.scope_level],
      description:
        TODAY_DESCRIPTIONS[pg.name] ?? `Grants ${pg.name} on ${pg.scope_level === 'zone' ? 'the zones it is given' : 'the account'}.`,
      editable: 'false',
    },
  ]),
);

/** Today's meta of a catalogue id; undefined for an id not in the catalogue. */
export function todayMetaOf(id: string): TodayPermissionGroupMeta | undefined {
  return TODAY_META.get(id);
}

/** The ids whose today label is `label` (any case), in catalogue order. */
export function idsWithTodayLabel(label: string): string[] {
  const wanted = label.trim().toLowerCase();
  return [...TODAY_META].filter(([, meta]) => meta.label === wanted).map(([id]) => id);
}

const byName = new Map(PERMISSION_GROUPS.map((pg) => [pg.name, pg]));
const byId = new Map(PERMISSION_GROUPS.map((pg) => [pg.id, pg]));

export function scopeLevelOf(id: string): 'account' | 'zone' | undefined {
  return byId.get(id)?.scope_level;
}

/** What a permission group acts on, from its catalogue row (a group outside the catalogue: its level). */
export function actsOnOf(row: { name: string; scope_level: 'account' | 'zone' }): ActsOn {
  return row.scope_level === 'account' && WORKER_GRANTABLE.has(row.name) ? 'worker' : row.scope_level;
}

/** The catalogue entry with this exact name; throws on a typo so seed data cannot drift. */
export function permissionGroup(name: string): PermissionGroupSeed {
  const pg = byName.get(name);
  if (!pg) throw new Error(`seed: unknown permission group "${name}"`);
  return pg;
}

export function seedPermissionGroups(db: Db): void {
  const insert = db.prepare(
    'INSERT INTO permission_groups (id, name, label, scope_level, position) VALUES (?, ?, ?, ?, ?)',
  );
  PERMISSION_GROUPS.forEach((pg, position) => insert.run(pg.id, pg.name, pg.label, pg.scope_level, position));
}
