import { describe, expect, it } from 'vitest';
import type { OAuthClient } from '@/api/oauth/schema';
import { promotionChecklist } from './promotion-checklist';

const base: OAuthClient = { client_id: 'a'.repeat(32), visibility: 'private', client_name: 'Acme', scopes: [] };
const states = (client: OAuthClient) => Object.fromEntries(promotionChecklist(client).items.map((i) => [i.key, i.state]));

describe('promotionChecklist', () => {
  it('lists what is missing on a bare client', () => {
    expect(states({ ...base, client_name: ' ' })).toEqual({ name: 'missing', logo: 'missing', client_uri: 'missing', scopes: 'missing' });
    expect(promotionChecklist(base).complete).toBe(false);
  });

  it('does not count identity scopes', () => {
    expect(states({ ...base, scopes: ['openid', 'offline_access', 'profile', 'email'] }).scopes).toBe('missing');
    expect(states({ ...base, scopes: ['openid', 'dns.records.read'] }).scopes).toBe('done');
  });

  it('follows the client URI verification status', () => {
    const withUri = (status?: 'pending' | 'in_progress' | 'verified' | 'failed') =>
      states({ ...base, client_uri: 'https://app.example.com', client_uri_verification: status ? { status, text: 'x' } : null }).client_uri;
    expect(withUri('pending')).toBe('waiting');
    expect(withUri('in_progress')).toBe('waiting');
    expect(withUri('failed')).toBe('failed');
    expect(withUri('verified')).toBe('done');
    expect(withUri(undefined)).toBe('waiting');
  });

  it('is complete only when every item is done, with the API pointers per item', () => {
    const result = promotionChecklist({
      ...base,
      logo_uri: 'https://cdn.example.com/logo.png',
      client_uri: 'https://app.example.com',
      client_uri_verification: { status: 'verified', text: 'x' },
      scopes: ['dns.records.read'],
    });
    expect(result.complete).toBe(true);
    expect(result.items.map((i) => i.pointer)).toEqual(['/client_name', '/logo_uri', '/client_uri', '/scopes']);
  });
});
