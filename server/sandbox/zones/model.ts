import { stableId } from '../db/seed-random.ts';
import { escapeLike } from '../sql.ts';

export interface ZoneRow {
  id: string;
  account_id: string;
  account_name: string;
  name: string;
  status: 'initializing' | 'pending' | 'active' | 'moved';
  type: 'full' | 'partial' | 'secondary' | 'internal';
  paused: number;
  plan: 'free' | 'pro' | 'business' | 'enterprise';
  name_servers: string;
  original_registrar: string | null;
  original_dnshost: string | null;
  activated_on: string | null;
  created_on: string;
  modified_on: string;
}

/** Cloudflare's zone plans as `plan` shows them; the free plan's id is the real one. */
const PLANS = {
  free: { id: '0feeeeeeeeeeeeeeeeeeeeeeeeeeeeee', name: 'Free Website', price: 0 },
  pro: { id: stableId('plan:pro'), name: 'Pro Website', price: 20 },
  business: { id: stableId('plan:business'), name: 'Business Website', price: 200 },
  enterprise: { id: stableId('plan:enterprise'), name: 'Enterprise Website', price: 0 },
} as const;

export const PLAN_ID_SQL = `CASE z.plan ${Object.entries(PLANS)
  .map(([key, plan]) => `WHEN '${key}' THEN '${plan.id}'`)
  .join(' ')} END`;

/** The official SDK's `Zone`. */
export function zoneResource(row: ZoneRow) {
  const plan = PLANS[row.plan];
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    paused: row.paused === 1,
    type: row.type,
    development_mode: 0,
    name_servers: JSON.parse(row.name_servers) as string[],
    original_name_servers: null,
    original_registrar: row.original_registrar,
    original_dnshost: row.original_dnshost,
    created_on: row.created_on,
    modified_on: row.modified_on,
    activated_on: row.activated_on,
    vanity_name_servers: [],
    ...(row.type === 'partial' ? { verification_key: `${stableId(`verify:${row.id}`)}-cf` } : {}),
    meta: {
      step: row.status === 'active' ? 4 : 2,
      custom_certificate_quota: row.plan === 'enterprise' ? 10 : row.plan === 'business' ? 1 : 0,
      page_rule_quota: row.plan === 'enterprise' ? 125 : row.plan === 'business' ? 50 : row.plan === 'pro' ? 20 : 3,
      phishing_detected: false,
      cdn_only: false,
      dns_only: false,
      foundation_dns: false,
    },
    owner: { id: null, type: 'organization', name: null },
    account: { id: row.account_id, name: row.account_name },
    tenant: { id: null, name: null },
    tenant_unit: { id: null },
    permissions: ['#zone:read', '#zone:edit'],
    plan: {
      id: plan.id,
      name: plan.name,
      price: plan.price,
      currency: 'USD',
      frequency: row.plan === 'free' || row.plan === 'enterprise' ? '' : 'monthly',
      is_subscribed: true,
      can_subscribe: row.plan !== 'enterprise',
      legacy_id: row.plan,
      legacy_discount: false,
      externally_managed: row.plan === 'enterprise',
    },
  };
}

/** The documented operators of `name` and `account.name` (`equal` when none is given). */
export const NAME_OPERATORS = [
  'equal',
  'not_equal',
  'starts_with',
  'ends_with',
  'contains',
  'starts_with_case_sensitive',
  'ends_with_case_sensitive',
  'contains_case_sensitive',
] as const;
export type NameOperator = (typeof NAME_OPERATORS)[number];

export type NameFilter = { operator: NameOperator; value: string };

/**
 * "contains:acme" → {contains, acme}. A value without a known operator prefix is matched
 * `equal` as a whole; a domain holds no colon, so "foo:bar" names an unknown operator.
 */
export function parseNameFilter(raw: string): NameFilter | { error: string } {
  const colon = raw.indexOf(':');
  if (colon < 0) return { operator: 'equal', value: raw };
  const operator = raw.slice(0, colon);
  if (!(NAME_OPERATORS as readonly string[]).includes(operator)) {
    return { error: `unknown operator "${operator}"; use one of ${NAME_OPERATORS.join(', ')}` };
  }
  const value = raw.slice(colon + 1);
  if (value === '') return { error: `"${operator}:" needs a value after the colon` };
  return { operator: operator as NameOperator, value };
}

/**
 * A SQL condition for a name filter on `column`. Case-insensitive operators compare lower-cased
 * text (zone names are stored lower-case; account names are not); the case-sensitive ones use
 * instr/substr, which never fold case.
 */
export function nameCondition(column: string, filter: NameFilter, param: string, params: Record<string, string | number>): string {
  const { operator, value } = filter;
  params[param] = operator.endsWith('_case_sensitive') ? value : value.toLowerCase();
  const lower = `lower(${column})`;
  switch (operator) {
    case 'equal':
      return `${lower} = @${param}`;
    case 'not_equal':
      return `${lower} <> @${param}`;
    case 'starts_with':
      params[param] = `${escapeLike(value.toLowerCase())}%`;
      return `${lower} LIKE @${param} ESCAPE '\\'`;
    case 'ends_with':
      params[param] = `%${escapeLike(value.toLowerCase())}`;
      return `${lower} LIKE @${param} ESCAPE '\\'`;
    case 'contains':
      params[param] = `%${escapeLike(value.toLowerCase())}%`;
      return `${lower} LIKE @${param} ESCAPE '\\'`;
    case 'starts_with_case_sensitive':
      return `substr(${column}, 1, length(@${param})) = @${param}`;
    case 'ends_with_case_sensitive':
      return `(length(@${param}) <= length(${column}) AND substr(${column}, -length(@${param})) = @${param})`;
    case 'contains_case_sensitive':
      return `instr(${column}, @${param}) > 0`;
  }
}
