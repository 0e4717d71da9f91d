import { describe, expect, it } from 'vitest';
import { forbiddenAdvice, tokenPermissionFor } from './token-permissions';

const A = 'a'.repeat(32);
const G = 'b'.repeat(32);

describe('which token permission an operation needs (TODAY.md section 1)', () => {
  it('maps each family of operations, reads and writes apart', () => {
    expect(tokenPermissionFor('POST', `/accounts/${A}/sso_connectors`)?.needs).toBe('SSO Connector Write');
    expect(tokenPermissionFor('POST', `/client/v4/accounts/${A}/sso_connectors/${G}/begin_verification`)?.needs).toBe('SSO Connector Write');
    expect(tokenPermissionFor('GET', `/accounts/${A}/sso_connectors`)?.needs).toBe('SSO Connector Read');
    expect(tokenPermissionFor('GET', `/accounts/${A}/oauth_clients/${G}`)?.needs).toBe('OAuth Client Read');
    expect(tokenPermissionFor('POST', `/accounts/${A}/oauth_clients/${G}/rotate_secret`)?.needs).toBe('OAuth Client Write');
    expect(tokenPermissionFor('GET', `/accounts/${A}/iam/user_groups?page=1&per_page=500`)?.needs).toBe('Account Settings Read');
    expect(tokenPermissionFor('PUT', `/accounts/${A}/iam/user_groups/${G}`)).toEqual({ needs: 'Account Settings Write', orAny: ['SCIM Provisioning'], operation: 'account-user-group-update' });
    expect(tokenPermissionFor('DELETE', `/accounts/${A}/iam/user_groups/${G}/members/${G}`)?.operation).toBe('account-user-group-member-delete');
    expect(tokenPermissionFor('PUT', `/accounts/${A}/iam/resource_groups/${G}`)?.needs).toBe('Account Settings Write');
    expect(tokenPermissionFor('GET', `/accounts/${A}/iam/permission_groups`)?.needs).toBe('Account Settings Read');
    expect(tokenPermissionFor('GET', `/accounts/${A}/members`)?.needs).toBe('Account Settings Read');
  });

  it('knows when nothing is required, and admits an operation it does not know', () => {
    expect(tokenPermissionFor('GET', '/oauth/scopes')).toBeNull();
    expect(tokenPermissionFor('GET', `/accounts/${A}/something_new`)).toBeNull();
  });

  it('says what the token lacks and what to change', () => {
    expect(forbiddenAdvice(tokenPermissionFor('PATCH', `/accounts/${A}/sso_connectors/${G}`))).toBe(
      'Your API token lacks “SSO Connector Write”. Add it to the token in the Cloudflare dashboard (My Profile → API Tokens) and retry.',
    );
    expect(forbiddenAdvice(tokenPermissionFor('PUT', `/accounts/${A}/iam/user_groups/${G}`))).toBe(
      'Your API token lacks “Account Settings Write” (“SCIM Provisioning” would also do). Add it to the token in the Cloudflare dashboard (My Profile → API Tokens) and retry.',
    );
    expect(forbiddenAdvice(null)).toContain('lacks a permission this needs');
  });
});
