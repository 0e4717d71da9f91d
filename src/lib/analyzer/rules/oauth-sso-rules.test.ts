import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { allow, daysBefore, group, member, snapshotOf } from '../test-fixtures';

const ids = (s: Parameters<typeof analyze>[0], kind: string) => analyze(s).filter((f) => f.kind === kind).map((f) => f.id);

describe('OAuth clients', () => {
  it('reports a rotated secret left unrevoked for more than 7 days, not a fresh one', () => {
    const s = snapshotOf({
      oauthClients: [
        { client_id: 'old', visibility: 'private', has_rotated_secret: true, updated_at: daysBefore(8) },
        { client_id: 'fresh', visibility: 'private', has_rotated_secret: true, updated_at: daysBefore(6) },
        { client_id: 'clean', visibility: 'private', has_rotated_secret: false, updated_at: daysBefore(30) },
      ],
    });
    expect(ids(s, 'oauth-stale-rotated-secret')).toEqual(['oauth-stale-rotated-secret:old']);
  });

  it('reports public clients whose client URI host is not verified', () => {
    const s = snapshotOf({
      oauthClients: [
        { client_id: 'pub-bad', visibility: 'public', client_uri: 'https://app.acme.com', client_uri_verification: { status: 'failed' } },
        { client_id: 'pub-ok', visibility: 'public', client_uri: 'https://ok.acme.com', client_uri_verification: { status: 'verified' } },
        { client_id: 'priv', visibility: 'private', client_uri_verification: { status: 'failed' } },
      ],
    });
    const found = analyze(s).filter((f) => f.kind === 'oauth-public-unverified-uri');
    expect(found.map((f) => f.id)).toEqual(['oauth-public-unverified-uri:pub-bad']);
    expect(found[0]!.title).toContain('app.acme.com');
  });
});

describe('SSO', () => {
  it('reports failed connectors and ones awaiting for more than 48 hours', () => {
    const s = snapshotOf({
      ssoConnectors: [
        { id: 'c-failed', email_domain: 'a.com', enabled: false, verification: { status: 'failed' }, updated_on: daysBefore(0.1) },
        { id: 'c-old', email_domain: 'b.com', enabled: false, verification: { status: 'awaiting' }, updated_on: daysBefore(3) },
        { id: 'c-new', email_domain: 'c.com', enabled: false, verification: { status: 'awaiting' }, updated_on: daysBefore(1) },
        { id: 'c-ok', email_domain: 'd.com', enabled: true, verification: { status: 'verified' }, updated_on: daysBefore(90) },
      ],
    });
    expect(ids(s, 'sso-connector-stuck').sort()).toEqual(['sso-connector-stuck:c-failed', 'sso-connector-stuck:c-old']);
  });

  const lockout = (emails: Array<[string, 'accepted' | 'pending']>) =>
    snapshotOf({
      userGroups: [group('g-super', [allow(['superAdmin'], ['all'])])],
      members: emails.map(([email, status], i) => member(`m${i}`, email, status)),
      members_of: { 'g-super': emails.map((_, i) => `m${i}`) },
      ssoConnectors: [{ id: 'c', email_domain: 'acme.com', enabled: true, verification: { status: 'verified' } }],
    });

  it('flags SSO enabled with every super administrator inside the domain', () => {
    const found = analyze(lockout([['a@acme.com', 'accepted'], ['b@ACME.com', 'accepted']])).filter((f) => f.kind === 'sso-lockout-risk');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('critical');
    expect(found[0]!.fix.target).toEqual({ screen: 'group-members', groupId: 'g-super' });
  });

  it('counts an accepted outside super administrator as a way in, not a pending one', () => {
    expect(ids(lockout([['a@acme.com', 'accepted'], ['x@other.org', 'accepted']]), 'sso-lockout-risk')).toEqual([]);
    expect(ids(lockout([['a@acme.com', 'accepted'], ['x@other.org', 'pending']]), 'sso-lockout-risk')).toEqual(['sso-lockout-risk:c']);
  });

  it('does not count an admin behind another enabled domain’s SSO as a way in', () => {
    const s = lockout([['a@acme.com', 'accepted'], ['x@other.org', 'accepted']]);
    const both = { ...s, ssoConnectors: [...s.ssoConnectors, { id: 'c2', email_domain: 'other.org', enabled: true, verification: { status: 'verified' as const } }] };
    expect(ids(both, 'sso-lockout-risk').sort()).toEqual(['sso-lockout-risk:c', 'sso-lockout-risk:c2']);
    // Not yet enabled, other.org's SSO locks nobody out.
    const pending = { ...s, ssoConnectors: [...s.ssoConnectors, { id: 'c2', email_domain: 'other.org', enabled: false, verification: { status: 'verified' as const } }] };
    expect(ids(pending, 'sso-lockout-risk')).toEqual([]);
  });

  it('treats a subdomain address as outside the domain (SSO is set per exact domain)', () => {
    expect(ids(lockout([['a@acme.com', 'accepted'], ['ops@eu.acme.com', 'accepted']]), 'sso-lockout-risk')).toEqual([]);
  });
});
