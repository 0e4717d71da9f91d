import { describe, expect, it } from 'vitest';
import { VERIFICATION_WINDOW_MS, verificationDeadlineFrom } from './verification-window';

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
