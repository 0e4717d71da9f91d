/**
 * Team mode's sign-in settings: the Cloudflare Access application in front of the console.
 * ACCESS_TEAM_DOMAIN (`acme`, `acme.cloudflareaccess.com` or its https URL) and ACCESS_AUD (the
 * application's Audience tag) turn it on; ACCESS_JWKS_URL replaces the team's certs URL for the
 * local stand-in only, so it must point at this machine (127.0.0.1 / localhost / [::1]).
 */
export interface AccessConfig {
  /** `https://<team>.cloudflareaccess.com`: the tokens' issuer. */
  issuer: string;
  audience: string;
  /** Where the team's signing keys are published. */
  jwksUrl: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export class AccessConfigError extends Error {}

function teamIssuer(value: string): string {
  const host = value.trim().replace(/^https?:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
  const full = host.includes('.') ? host : `${host}.cloudflareaccess.com`;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(full)) throw new AccessConfigError(`ACCESS_TEAM_DOMAIN "${value}" is not a team domain`);
  return `https://${full}`;
}

export function loadAccessConfig(env: Record<string, string | undefined>): AccessConfig | null {
  const team = env.ACCESS_TEAM_DOMAIN?.trim();
  const audience = env.ACCESS_AUD?.trim();
  if (!team && !audience) return null;
  if (!team || !audience) throw new AccessConfigError('Team mode needs both ACCESS_TEAM_DOMAIN and ACCESS_AUD');
  const issuer = teamIssuer(team);
  let jwksUrl = `${issuer}/cdn-cgi/access/certs`;
  if (env.ACCESS_JWKS_URL) {
    const override = URL.canParse(env.ACCESS_JWKS_URL) ? new URL(env.ACCESS_JWKS_URL) : null;
    // Anything else would let a setting, not Cloudflare, decide whose tokens are accepted.
    if (!override || !LOOPBACK.has(override.hostname)) {
      throw new AccessConfigError('ACCESS_JWKS_URL is for the local stand-in only and must be a 127.0.0.1/localhost URL');
    }
    jwksUrl = override.href;
  }
  return { issuer, audience, jwksUrl };
}
