import { describe, expect, it } from 'vitest';
import { backedOffPollMs, FIRST_POLL_MS, SLOWEST_POLL_MS } from './poll-backoff';

describe('polling a verification', () => {
  it('starts every 3 s, slows down, and never goes past once a minute', () => {
    expect(backedOffPollMs(0)).toBe(FIRST_POLL_MS);
    expect(backedOffPollMs(9)).toBe(FIRST_POLL_MS);
    expect(backedOffPollMs(10)).toBe(2 * FIRST_POLL_MS);
    expect(backedOffPollMs(1_000_000)).toBe(SLOWEST_POLL_MS);
  });

  it('costs a small share of the rate limit over a 48 h pending verification', () => {
    let elapsed = 0;
    let asks = 0;
    while (elapsed < 48 * 3600_000) {
      elapsed += backedOffPollMs(asks);
      asks += 1;
    }
    // Cloudflare's limit is 1,200 per 5 minutes: 691,200 in 48 h. Every 3 s would be 57,600 (8.3 %).
    expect(asks / 691_200).toBeLessThan(0.005);
  });
});
