import { describe, expect, it } from 'vitest';
import { accountMemberSchema } from './account-members/schema';
import { accountSchema } from './accounts/schema';
import { listOf, normalizeScopes, UNKNOWN_SCOPE_KEY } from './common-schema';
import { groupMemberDetailSchema, groupMemberSchema, policySchema, userGroupSchema } from './user-groups/schema';
import { permissionGroupSchema } from './permission-groups/schema';
import { resourceGroupSchema } from './resource-groups/schema';
import { oauthClientSchema } from './oauth/schema';
import { ssoConnectorSchema } from './sso/schema';
import { zoneSchema } from './zones/schema';

/**
 * The parsing boundary, fed what each era answers. Today's fixtures are the published schema's
 * own examples (/work/shared/cloudflare-api/iam-openapi.json, what Prism serves); the 2024 ones
 * are what the 2024 pages and the sandbox's `SANDBOX_API_SHAPES=2024` answer. Both must come out
 * as the same internal model.
 */
const ACCOUNT = 'eb78d65290b24279ba6f44721b3ea3c4';
const ZONE = '23f8d65290b24279ba6f44721b3eaad5';

// Schema component iam_resource_group (its example values), scope as iam_scope: ONE object.
const TODAY_RESOURCE_GROUP = {
  id: '6d7f2f5f5b1d4a0e9081fdc98d432fd1',
  meta: { editable: 'false' },
  name: `com.cloudflare.api.account.${ACCOUNT}`,
  scope: { key: `com.cloudflare.api.account.${ACCOUNT}`, objects: [{ key: `com.cloudflare.api.account.zone.${ZONE}` }] },
};
// The 2024 pages: scope an array of scopes, meta {key, value}.
const RESOURCE_GROUP_2024 = {
  ...TODAY_RESOURCE_GROUP,
  meta: { key: 'editable', value: 'false' },
  scope: [{ key: `com.cloudflare.api.account.${ACCOUNT}`, objects: [{ key: `com.cloudflare.api.account.zone.${ZONE}` }] }],
};

// Schema example (iam_permission_groups) and the docs' real list item (TODAY.md §2).
const TODAY_PERMISSION_GROUP = { id: 'c8fed203ed3043cba015a93ad1616f1f', meta: { label: 'load_balancer_admin', scopes: 'com.cloudflare.api.account' }, name: 'Load Balancer' };
const DOCS_PERMISSION_GROUP = {
  id: 'c8fed203ed3043cba015a93ad1616f1f',
  name: 'Load Balancer',
  status: 'V',
  meta: { description: 'Can edit load balancers', editable: 'false', label: 'load_balancer_admin', scopes: 'com.cloudflare.api.account' },
  created_on: '2024-03-01T12:21:02.0000Z',
  modified_on: '2024-03-01T12:21:02.0000Z',
  permissions: ['#lb:read', '#lb:edit'],
};
const PERMISSION_GROUP_2024 = { id: 'c8fed203ed3043cba015a93ad1616f1f', name: 'Load Balancer', meta: { key: 'label', value: 'load_balancer_admin' } };

describe('resource group', () => {
  it('reads today\'s one-object scope and the 2024 array as the same internal array', () => {
    const today = resourceGroupSchema.parse(TODAY_RESOURCE_GROUP);
    const old = resourceGroupSchema.parse(RESOURCE_GROUP_2024);
    expect(today.scope).toEqual([{ key: `com.cloudflare.api.account.${ACCOUNT}`, objects: [{ key: `com.cloudflare.api.account.zone.${ZONE}` }] }]);
    expect(old.scope).toEqual(today.scope);
    expect(today.meta).toEqual({ editable: false });
    expect(old.meta).toMatchObject({ key: 'editable', value: 'false' });
  });

  it('marks the anonymous group an inline scope creates, in either meta form', () => {
    expect(resourceGroupSchema.parse({ ...TODAY_RESOURCE_GROUP, meta: { key: 'adhoc', value: 'true' } }).meta?.adhoc).toBe(true);
    expect(resourceGroupSchema.parse({ ...TODAY_RESOURCE_GROUP, meta: { adhoc: 'true' } }).meta?.adhoc).toBe(true);
    expect(resourceGroupSchema.parse(TODAY_RESOURCE_GROUP).meta?.adhoc).toBeUndefined();
  });

  it('reads a missing or null scope, null objects and a null meta as empty', () => {
    const { scope: _scope, ...noScope } = TODAY_RESOURCE_GROUP;
    expect(resourceGroupSchema.parse(noScope).scope).toEqual([]);
    expect(resourceGroupSchema.parse({ ...TODAY_RESOURCE_GROUP, scope: null, meta: null })).toMatchObject({ scope: [], meta: undefined });
    expect(resourceGroupSchema.parse({ ...TODAY_RESOURCE_GROUP, scope: { key: 'k', objects: null } }).scope).toEqual([{ key: 'k', objects: [] }]);
  });

  it('reads a scope key that is not a string (Prism `-d` renders the key\'s own schema) as "unknown"', () => {
    const generated = { key: { description: 'This is a combination…', readOnly: true }, objects: [{ key: { examples: ['x'] }, extra: 1 }] };
    expect(resourceGroupSchema.parse({ ...TODAY_RESOURCE_GROUP, scope: generated }).scope).toEqual([{ key: UNKNOWN_SCOPE_KEY, objects: [{ key: UNKNOWN_SCOPE_KEY }] }]);
  });

  it('normalizes scopes that did not come through a schema (journal states)', () => {
    expect(normalizeScopes(TODAY_RESOURCE_GROUP.scope)).toEqual(normalizeScopes(RESOURCE_GROUP_2024.scope));
    expect(normalizeScopes('nonsense')).toEqual([]);
  });
});

describe('permission group', () => {
  it('reads today\'s {label, scopes} and the 2024 {key: "label", value} into one meta', () => {
    const today = permissionGroupSchema.parse(TODAY_PERMISSION_GROUP);
    const old = permissionGroupSchema.parse(PERMISSION_GROUP_2024);
    expect(today.meta).toEqual({ label: 'load_balancer_admin', scopes: ['com.cloudflare.api.account'] });
    expect(old.meta).toEqual({ key: 'label', value: 'load_balancer_admin', label: 'load_balancer_admin' });
    expect(old.meta?.label).toBe(today.meta?.label);
  });

  it('reads the docs\' real item: extra fields dropped, editable a boolean, scopes a list', () => {
    expect(permissionGroupSchema.parse(DOCS_PERMISSION_GROUP)).toEqual({
      id: DOCS_PERMISSION_GROUP.id,
      name: 'Load Balancer',
      meta: { label: 'load_balancer_admin', scopes: ['com.cloudflare.api.account'], description: 'Can edit load balancers', editable: false },
    });
    expect(permissionGroupSchema.parse({ id: 'x', meta: { scopes: ['com.cloudflare.api.account.zone', 7] } }).meta?.scopes).toEqual(['com.cloudflare.api.account.zone']);
  });
});

describe('user group and policies', () => {
  const today = {
    created_on: '2024-03-01T12:21:02.0000Z',
    id: '023e105f4ecef8ad9ca31a8372d0c353',
    modified_on: '2024-03-01T12:21:02.0000Z',
    name: 'My New User Group',
    status: 'V',
    policies: [{ access: 'allow', id: 'f267e341f3dd4697bd3b9f71dd96247f', status: 'V', permission_groups: [TODAY_PERMISSION_GROUP], resource_groups: [TODAY_RESOURCE_GROUP] }],
  };
  const old = { ...today, policies: [{ ...today.policies[0], permission_groups: [PERMISSION_GROUP_2024], resource_groups: [RESOURCE_GROUP_2024] }] };

  it('gives the same policies from both eras (scope and label)', () => {
    const a = userGroupSchema.parse(today);
    const b = userGroupSchema.parse(old);
    expect(a.policies?.[0]?.resource_groups?.[0]?.scope).toEqual(b.policies?.[0]?.resource_groups?.[0]?.scope);
    expect(a.policies?.[0]?.permission_groups?.[0]?.meta?.label).toBe(b.policies?.[0]?.permission_groups?.[0]?.meta?.label);
    expect(a).not.toHaveProperty('status');
  });

  it('reads `policies: null` as none', () => {
    expect(userGroupSchema.parse({ ...today, policies: null }).policies).toEqual([]);
  });

  it('keeps access strict: a third value is not silently read as allow', () => {
    expect(policySchema.safeParse({ access: 'audit' }).success).toBe(false);
  });
});

describe('members', () => {
  it('reads an empty members list answered as `result: null` as []', () => {
    expect(listOf(groupMemberSchema).parse(null)).toEqual([]);
    expect(listOf(groupMemberSchema).parse([{ id: '4f5f0c14a2a41d5063dd301b2f829f04', email: 'a@example.com', status: 'accepted' }])).toHaveLength(1);
  });

  it('reads an unknown member status as "unknown", not an error', () => {
    expect(groupMemberSchema.parse({ id: 'm', status: 'suspended' }).status).toBe('unknown');
    expect(groupMemberDetailSchema.parse({ id: 'm', status: null, user: null })).toEqual({ id: 'm' });
  });

  it('reads account members of either era, null names and rejected status included', () => {
    const member = accountMemberSchema.parse({
      email: 'user@example.com',
      id: '4536bcfad5faccb111b47003c79917fa',
      policies: [{ access: 'allow', id: 'p', permission_groups: [TODAY_PERMISSION_GROUP], resource_groups: [TODAY_RESOURCE_GROUP] }],
      roles: [{ id: 'r', name: 'Account Administrator', description: 'x', permissions: { zones: { read: true } } }],
      status: 'rejected',
      user: { email: 'user@example.com', first_name: null, last_name: null, id: 'u', two_factor_authentication_enabled: false },
    });
    expect(member.status).toBe('rejected');
    expect(member.user).toEqual({ email: 'user@example.com', first_name: null, last_name: null, id: 'u' });
    expect(member.policies?.[0]?.resource_groups?.[0]?.scope).toHaveLength(1);
  });
});

describe('documented nulls, unknown enum values and extra fields never throw', () => {
  it('zone owner and account name null', () => {
    const zone = zoneSchema.parse({ id: 'z', name: 'example.com', owner: { id: null, name: null, type: 'user' }, account: { id: ACCOUNT, name: null }, paused: false, plan: {} });
    expect(zone).toEqual({ id: 'z', name: 'example.com', account: { id: ACCOUNT }, paused: false });
  });

  it('account settings.abuse_contact_email null', () => {
    const account = accountSchema.parse({ id: ACCOUNT, name: 'Acme', type: 'enterprise', settings: { abuse_contact_email: null, enforce_twofactor: false }, managed_by: {} });
    expect(account).toEqual({ id: ACCOUNT, name: 'Acme', type: 'enterprise' });
  });

  it('an SSO verification status and OAuth enums the console does not know', () => {
    expect(ssoConnectorSchema.parse({ id: 's', verification: { status: 'pending_approval', code: 'c' } }).verification?.status).toBe('unknown');
    const client = oauthClientSchema.parse({
      client_id: 'c',
      visibility: 'internal',
      grant_types: ['authorization_code', 'device_code'],
      token_endpoint_auth_method: 'private_key_jwt',
      client_uri_verification: { status: 'rechecking' },
      client_uri: null,
      extra: { anything: true },
    });
    expect(client).toMatchObject({ visibility: 'unknown', grant_types: ['authorization_code'], token_endpoint_auth_method: 'unknown', client_uri: null });
    expect(client.client_uri_verification?.status).toBe('unknown');
    expect(client).not.toHaveProperty('extra');
  });

  it('Prism\'s generated answers (`-d`): any strings, odd metas', () => {
    const pg = permissionGroupSchema.parse({ id: 'sunt magna', name: 'do', meta: { value: 'anim', key: 'voluptate' } });
    expect(pg.meta).toEqual({ key: 'voluptate', value: 'anim' });
    expect(userGroupSchema.parse({ id: 'g', name: 'n', created_on: 'x', modified_on: 'y', policies: [{ id: '', access: 'allow', resource_groups: [], permission_groups: [pg] }] }).policies).toHaveLength(1);
  });
});
