/**
 * The attributes of the four provider resources this console writes, as the provider declares
 * them. Read (not copied) from the public repository cloudflare/terraform-provider-cloudflare,
 * `internal/services/<resource>/schema.go`, at the commits named in `source`; the export only
 * writes attributes listed here, and the round-trip test checks every attribute it writes exists.
 *
 * `mode`: what the schema says of the attribute — `required`, `optional`, `optional+computed`
 * (has a default) or `computed` (read-only: never written by the export).
 */
export type AttributeMode = 'required' | 'optional' | 'optional+computed' | 'computed';

export interface AttributeSpec {
  mode: AttributeMode;
  /** `list` of nested objects, a `single` nested object, a `list` of strings, or a scalar. */
  kind: 'string' | 'bool' | 'string-list' | 'nested-list' | 'nested-single';
  nested?: Record<string, AttributeSpec>;
}

export interface ResourceSpec {
  source: { repository: string; path: string; commit: string };
  attributes: Record<string, AttributeSpec>;
}

const REPOSITORY = 'https://github.com/cloudflare/terraform-provider-cloudflare';
const s = (mode: AttributeMode): AttributeSpec => ({ mode, kind: 'string' });
const b = (mode: AttributeMode): AttributeSpec => ({ mode, kind: 'bool' });
const idList = (mode: AttributeMode): AttributeSpec => ({ mode, kind: 'nested-list', nested: { id: s('required') } });

/** The provider release that introduced the user-group resources (2026-04). */
export const MIN_PROVIDER_VERSION = '5.19.0';
export const PROVIDER_SOURCE = 'cloudflare/cloudflare';

export const PROVIDER_SCHEMA = {
  cloudflare_user_group: {
    source: { repository: REPOSITORY, path: 'internal/services/user_group/schema.go', commit: 'b5e2a98d0bb0551db7acb1c4c01c28c334091d0f' },
    attributes: {
      id: s('computed'),
      account_id: s('required'),
      name: s('required'),
      policies: {
        mode: 'optional',
        kind: 'nested-list',
        nested: { access: s('required'), permission_groups: idList('required'), resource_groups: idList('required') },
      },
      created_on: s('computed'),
      modified_on: s('computed'),
    },
  },
  cloudflare_user_group_members: {
    source: { repository: REPOSITORY, path: 'internal/services/user_group_members/schema.go', commit: 'b5e2a98d0bb0551db7acb1c4c01c28c334091d0f' },
    attributes: { id: s('computed'), user_group_id: s('required'), account_id: s('required'), members: idList('required') },
  },
  cloudflare_sso_connector: {
    source: { repository: REPOSITORY, path: 'internal/services/sso_connector/schema.go', commit: '60556d0c9075a52a098341a2fe289a01792c34c8' },
    attributes: {
      id: s('computed'),
      account_id: s('required'),
      email_domain: s('required'),
      begin_verification: b('optional+computed'),
      enabled: b('optional'),
      created_on: s('computed'),
      updated_on: s('computed'),
      verification: { mode: 'computed', kind: 'nested-single', nested: { code: s('computed'), status: s('computed') } },
    },
  },
  cloudflare_account_member: {
    source: { repository: REPOSITORY, path: 'internal/services/account_member/schema.go', commit: '048c2a08fe3e10554f1d12ec6f6a0d564c2a2e9c' },
    attributes: {
      id: s('computed'),
      account_id: s('required'),
      email: s('required'),
      status: s('optional+computed'),
      roles: { mode: 'optional', kind: 'string-list' },
      policies: {
        mode: 'optional',
        kind: 'nested-list',
        nested: { id: s('computed'), access: s('required'), permission_groups: idList('required'), resource_groups: idList('required') },
      },
      user: {
        mode: 'computed',
        kind: 'nested-single',
        nested: { email: s('computed'), id: s('computed'), first_name: s('computed'), last_name: s('computed'), two_factor_authentication_enabled: b('computed') },
      },
    },
  },
} as const satisfies Record<string, ResourceSpec>;

export type TfType = keyof typeof PROVIDER_SCHEMA;
export const TF_TYPES = Object.keys(PROVIDER_SCHEMA) as TfType[];

export function isTfType(type: string): type is TfType {
  return Object.hasOwn(PROVIDER_SCHEMA, type);
}

/**
 * The attribute paths of `value` (a resource's attributes as plain data) that the provider's
 * schema does not declare for `type`, e.g. `policies[0].scope`. Empty: every attribute exists.
 */
export function unknownAttributes(type: TfType, value: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (specs: Record<string, AttributeSpec>, obj: Record<string, unknown>, at: string) => {
    for (const [key, v] of Object.entries(obj)) {
      const spec = specs[key];
      const path = at ? `${at}.${key}` : key;
      if (!spec) {
        out.push(path);
        continue;
      }
      if (spec.nested && v && typeof v === 'object') {
        const items = Array.isArray(v) ? v : [v];
        items.forEach((item, i) => {
          if (item && typeof item === 'object') walk(spec.nested!, item as Record<string, unknown>, Array.isArray(v) ? `${path}[${i}]` : path);
        });
      }
    }
  };
  walk(PROVIDER_SCHEMA[type].attributes as Record<string, AttributeSpec>, value, '');
  return out;
}
