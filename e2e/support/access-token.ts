import { readFileSync } from 'node:fs';
import { importJWK, SignJWT, type JWK } from 'jose';

/** The team and application the stand-in plays (e2e/support/access-standin.ts); the Worker is configured with these. */
const team = process.env.ACCESS_STANDIN_TEAM ?? 'iam-console-e2e';
export const ACCESS_STANDIN = {
  teamDomain: team,
  issuer: `https://${team}.cloudflareaccess.com`,
  audience: process.env.ACCESS_STANDIN_AUD ?? 'e2e0access0application0aud0tag0000000000000000000000000000000000',
};

export interface AccessTokenOptions {
  keyFile: string;
  email: string;
  audience?: string;
  issuer?: string;
  /** Seconds from now; negative for an already expired token. */
  expiresIn?: number;
}

/** An Access JWT as Cloudflare issues one (RS256, kid, aud[], email, iss, iat/exp), signed by the stand-in's key. */
export async function signAccessToken(options: AccessTokenOptions): Promise<string> {
  const { kid, privateJwk } = JSON.parse(readFileSync(options.keyFile, 'utf8')) as { kid: string; privateJwk: JWK };
  const key = await importJWK(privateJwk, 'RS256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ email: options.email, type: 'app', identity_nonce: 'standin' })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer(options.issuer ?? ACCESS_STANDIN.issuer)
    .setAudience([options.audience ?? ACCESS_STANDIN.audience])
    .setSubject(`sub-${options.email}`)
    .setIssuedAt(now - 5)
    .setExpirationTime(now + (options.expiresIn ?? 3600))
    .sign(key);
}
