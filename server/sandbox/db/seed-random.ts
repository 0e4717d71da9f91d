import { timestamp } from '../ids.ts';

/**
 * Deterministic randomness for the seed: the same seed string always yields the same sequence,
 * so two fresh sandboxes hold identical rows (ids included) and tests, screenshots and bug
 * reports can name a row by its id. Never use it for anything secret.
 */

/**
 * The seed's "now": every seeded date is computed back from this fixed instant, never from the
 * clock, so the data is the same whenever it is generated.
 */
export const SEED_BASE_TIME = Date.UTC(2026, 10, 1, 9, 0, 0);

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A 32-bit hash of a string (xmur3 finaliser), used to seed a stream from a readable key. */
function hashString(input: string): number {
  let h = 1779033703 ^ input.length;
  for (let i = 0; i < input.length; i++) {
    h = Math.imul(h ^ input.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: a small, fast PRNG with a 32-bit state; plenty for fixture data. */
export class SeedRandom {
  private state: number;

  constructor(seed: string | number) {
    this.state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
  }

  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('SeedRandom.pick: empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `count` distinct items in random order (all of them if there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  shuffle<T>(items: readonly T[]): T[] {
    return this.sample(items, items.length);
  }

  /** 32 lower-case hex characters: a Cloudflare-style identifier. */
  id(): string {
    let out = '';
    for (let i = 0; i < 4; i++) out += this.uint32().toString(16).padStart(8, '0');
    return out;
  }

  /** A millisecond instant between `fromMs` and `toMs` (inclusive of `fromMs`). */
  between(fromMs: number, toMs: number): number {
    if (toMs <= fromMs) return fromMs;
    return fromMs + Math.floor(this.next() * (toMs - fromMs));
  }

  /** An instant between `maxDaysAgo` and `minDaysAgo` days before SEED_BASE_TIME. */
  daysAgo(minDaysAgo: number, maxDaysAgo: number): number {
    return this.between(SEED_BASE_TIME - maxDaysAgo * DAY_MS, SEED_BASE_TIME - minDaysAgo * DAY_MS);
  }
}

/** An id derived from a readable key alone, so it stays put when unrelated seed rows change. */
export function stableId(key: string): string {
  return new SeedRandom(key).id();
}

/** Cloudflare's timestamp format for a seeded instant. */
export function seedTimestamp(ms: number): string {
  return timestamp(new Date(ms));
}
