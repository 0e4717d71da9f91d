import { randomBytes } from 'node:crypto';

/** Random bytes drawn 4 KB at a time: a write makes an id per policy, and each draw is a call into the system's RNG. */
let pool = Buffer.alloc(0);
let drawn = 0;

/** Cloudflare identifiers: 32 lower-case hex characters. */
export function newId(): string {
  if (drawn + 16 > pool.length) {
    pool = randomBytes(4096);
    drawn = 0;
  }
  drawn += 16;
  return pool.toString('hex', drawn - 16, drawn);
}

export const ID_PATTERN = /^[0-9a-f]{32}$/;

/** Cloudflare's timestamps carry a fractional part: 2024-03-01T12:21:02.000000Z. */
export function timestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
