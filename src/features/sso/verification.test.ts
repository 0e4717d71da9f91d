import { describe, expect, it } from 'vitest';
import { pollDelay } from './verification';

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
