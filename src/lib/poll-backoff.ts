/**
 * How long to wait before asking again about something that moves on its own (a DNS
 * verification): every 3 s at first, then twice as long after every ten asks, at most once a
 * minute. A verification may stay pending for 48 h; polling every 3 s all that time spent about
 * 8 % of the account's shared rate limit per open tab. (TanStack Query already pauses an
 * interval while the tab is hidden.)
 */
export const FIRST_POLL_MS = 3_000;
export const SLOWEST_POLL_MS = 60_000;
const ASKS_PER_STEP = 10;

export function backedOffPollMs(asksSoFar: number, firstMs: number = FIRST_POLL_MS): number {
  const doublings = Math.floor(Math.max(0, asksSoFar) / ASKS_PER_STEP);
  return Math.min(SLOWEST_POLL_MS, firstMs * 2 ** Math.min(doublings, 10));
}
