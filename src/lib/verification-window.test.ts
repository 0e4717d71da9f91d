import { describe, expect, it } from 'vitest';
import { VERIFICATION_WINDOW_MS, verificationDeadlineFrom, verificationStartedAt, type VerificationChange } from './verification-window';

describe('verificationDeadlineFrom', () => {
  it('is about two days after the verification began, while it is in flight', () => {
    expect(verificationDeadlineFrom('2026-12-01T10:00:00Z', true)?.toISOString()).toBe('2026-12-03T10:00:00.000Z');
    expect(VERIFICATION_WINDOW_MS).toBe(172_800_000);
  });

  it('is absent once settled, or when the start is unknown', () => {
    expect(verificationDeadlineFrom('2026-12-01T10:00:00Z', false)).toBeNull();
    expect(verificationDeadlineFrom(undefined, true)).toBeNull();
    expect(verificationDeadlineFrom('not a date', true)).toBeNull();
  });
});

const ok = { success: true };
const sso = (status: string, fedramp = false) => ({ verification: { status }, use_fedramp_language: fedramp });

describe('verificationStartedAt', () => {
  it('is the begin_verification, not the FedRAMP toggles after it', () => {
    const changes: VerificationChange[] = [
      { at: '2026-12-01T10:18:00Z', action: 'update', result: ok, before: sso('pending', true), after: sso('pending') },
      { at: '2026-12-01T10:09:00Z', action: 'update', result: ok, before: sso('pending'), after: sso('pending', true) },
      { at: '2026-12-01T10:00:00Z', action: 'begin_verification', result: ok, before: sso('awaiting'), after: sso('pending') },
      { at: '2026-11-30T09:00:00Z', action: 'create', result: ok, before: null, after: sso('awaiting') },
    ];
    expect(verificationStartedAt(changes)).toBe('2026-12-01T10:00:00Z');
  });

  it('finds a start made elsewhere: a create that began verifying, an audit-log update into pending', () => {
    expect(verificationStartedAt([{ at: 'T1', action: 'create', result: ok, before: null, after: sso('pending') }])).toBe('T1');
    expect(verificationStartedAt([{ at: 'T2', action: 'update', result: ok, before: sso('failed'), after: sso('pending') }])).toBe('T2');
  });

  it('counts a resubmitted client URI as a restart, and skips failed writes', () => {
    const client = (status: string) => ({ client_uri_verification: { status } });
    const changes: VerificationChange[] = [
      { at: 'T3', action: 'update', result: { success: false }, request: { body: { client_uri: 'https://a.example' } }, before: client('pending'), after: null },
      { at: 'T2', action: 'update', result: ok, request: { body: { client_name: 'x' } }, before: client('pending'), after: client('pending') },
      { at: 'T1', action: 'update', result: ok, request: { body: { client_uri: 'https://a.example' } }, before: client('pending'), after: client('pending') },
    ];
    expect(verificationStartedAt(changes)).toBe('T1');
  });

  it('is null when History does not hold the start', () => {
    expect(verificationStartedAt([{ at: 'T', action: 'update', result: ok, before: sso('pending'), after: sso('pending', true) }])).toBeNull();
    expect(verificationStartedAt([])).toBeNull();
  });
});
