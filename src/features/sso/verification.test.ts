import { describe, expect, it } from 'vitest';
import { pollDelay, verificationDeadline, VERIFICATION_WINDOW_MS } from './verification';


describe('pollDelay', () => {
  it('starts at a second and grows', () => {
    expect(pollDelay(0)).toBe(1000);
    const delays = Array.from({ length: 12 }, (_, i) => pollDelay(i));
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(delays[3]).toBeGreaterThan(3000);
  });

  it('is capped at 30 seconds', () => {
    expect(pollDelay(50)).toBe(30_000);
    expect(pollDelay(Infinity)).toBe(1000);
    expect(pollDelay(-1)).toBe(1000);
  });
});

describe('verificationDeadline', () => {
  it('is two days after verification began (updated_on) while pending', () => {
    const d = verificationDeadline({ updated_on: '2025-01-01T12:00:00.000000Z', verification: { status: 'pending' } });
    expect(d?.getTime()).toBe(Date.parse('2025-01-01T12:00:00Z') + VERIFICATION_WINDOW_MS);
  });

  it('is absent when not pending or the date is unusable', () => {
    expect(verificationDeadline({ updated_on: '2025-01-01T12:00:00Z', verification: { status: 'verified' } })).toBeNull();
    expect(verificationDeadline({ updated_on: undefined, verification: { status: 'pending' } })).toBeNull();
    expect(verificationDeadline({ updated_on: 'yesterday-ish', verification: { status: 'pending' } })).toBeNull();
  });
});
