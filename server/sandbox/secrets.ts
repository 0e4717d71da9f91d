import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new OAuth client secret: 32 bytes from the CSPRNG, base64url. */
export function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Secrets are 256-bit random values, so a fast hash is enough to make the stored form useless to
 * whoever reads the database; a slow KDF protects only low-entropy passwords.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
