import { randomBytes } from 'node:crypto';

/** Cloudflare identifiers: 32 lower-case hex characters. */
export function newId(): string {
  return randomBytes(16).toString('hex');
}

export const ID_PATTERN = /^[0-9a-f]{32}$/;

/** Cloudflare's timestamps carry a fractional part: 2024-03-01T12:21:02.000000Z. */
export function timestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
