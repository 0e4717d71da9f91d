import { describe, expect, it } from 'vitest';
import { isTfType, PROVIDER_SCHEMA, unknownAttributes } from './provider-schema';

describe('provider schema', () => {
  it('names every attribute the provider does not declare, nested ones with their path', () => {
    expect(unknownAttributes('cloudflare_user_group', { account_id: 'a', name: 'n', policies: [{ access: 'allow', permission_groups: [{ id: 'p' }], resource_groups: [{ id: 'r' }] }] })).toEqual([]);
    expect(unknownAttributes('cloudflare_user_group', { name: 'n', members: [], policies: [{ access: 'allow', permission_groups: [], resource_groups: [{ scope: {} }] }] })).toEqual([
      'members',
      'policies[0].resource_groups[0].scope',
    ]);
    expect(unknownAttributes('cloudflare_account_member', { email_address: 'x', role_ids: [] })).toEqual(['email_address', 'role_ids']);
  });

  it('records where each resource’s attributes were read', () => {
    for (const [type, spec] of Object.entries(PROVIDER_SCHEMA)) {
      expect(isTfType(type)).toBe(true);
      expect(spec.source.path).toBe(`internal/services/${type.replace(/^cloudflare_/, '')}/schema.go`);
      expect(spec.source.commit).toMatch(/^[0-9a-f]{40}$/);
    }
  });
});
