import { timestamp } from '../ids.ts';
import { hashSecret, newClientSecret } from '../secrets.ts';
import { assertCatalogueScopes } from './seed-catalogue-oauth-scopes.ts';
import type { OAuthClientFields } from '../oauth-clients/model.ts';
import type { OAuthClientSeed, SeedWriter } from './seed-insert.ts';
import { DAY_MS, SEED_BASE_TIME, SeedRandom, seedTimestamp, stableId } from './seed-random.ts';

/**
 * Acme Corp's OAuth clients: two promoted public apps, and private ones covering a native CLI
 * (no secret auth), a client with a rotated secret still pending deletion and one whose client-URI
 * verification is under way. Secrets are random and only their hashes are stored: nobody can
 * read a seeded secret, exactly as for a real client created elsewhere.
 */

const VERIFICATION_PREFIX = 'cloudflare_oauth_client_verification=';
const PROTOCOL_SCOPES = new Set(['openid', 'offline_access']);

export const oauthClientIdFor = (name: string) => stableId(`oauth-client:${name}`);

/** Adds or removes the protocol scopes the way the API does, from grant and response types. */
function withProtocolScopes(fields: OAuthClientFields): OAuthClientFields {
  const resource = fields.scopes.filter((s) => !PROTOCOL_SCOPES.has(s));
  assertCatalogueScopes(resource);
  assertCatalogueScopes(fields.optional_scopes);
  const protocol = [
    ...(fields.response_types.includes('id_token') ? ['openid'] : []),
    ...(fields.grant_types.includes('refresh_token') ? ['offline_access'] : []),
  ];
  return { ...fields, scopes: [...protocol, ...resource] };
}

interface ClientPlan {
  fields: OAuthClientFields;
  visibility: 'public' | 'private';
  createdDaysAgo: number;
  uri: 'verified' | 'pending' | null;
  rotated?: boolean;
}

const LEGAL = { policy_uri: 'https://acme.com/legal/privacy', tos_uri: 'https://acme.com/legal/terms' };

const CLIENTS: ClientPlan[] = [
  {
    visibility: 'public',
    createdDaysAgo: 410,
    uri: 'verified',
    fields: {
      client_name: 'Acme Deploy Bot',
      client_uri: 'https://deploy.acme.com',
      logo_uri: 'https://deploy.acme.com/static/deploy-bot-logo.png',
      ...LEGAL,
      redirect_uris: ['https://deploy.acme.com/oauth/cloudflare/callback'],
      post_logout_redirect_uris: ['https://deploy.acme.com/'],
      allowed_cors_origins: ['https://deploy.acme.com'],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      scopes: ['account.read', 'zone.read', 'workers.scripts.read', 'workers.scripts.write', 'workers.routes.write'],
      optional_scopes: [],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  },
  {
    visibility: 'public',
    createdDaysAgo: 260,
    uri: 'verified',
    fields: {
      client_name: 'Acme Insights',
      client_uri: 'https://insights.acme.io',
      logo_uri: 'https://insights.acme.io/assets/logo-256.png',
      ...LEGAL,
      redirect_uris: ['https://insights.acme.io/auth/callback', 'https://insights.acme.io/auth/callback/eu'],
      post_logout_redirect_uris: ['https://insights.acme.io/signed-out'],
      allowed_cors_origins: ['https://insights.acme.io'],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code', 'id_token'],
      scopes: ['user.read', 'user.email.read', 'analytics.read', 'logs.read', 'zone.read'],
      optional_scopes: ['logs.read'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  },
  {
    visibility: 'private',
    createdDaysAgo: 190,
    uri: null,
    fields: {
      client_name: 'acmectl (CLI)',
      redirect_uris: ['http://127.0.0.1:8976/oauth/callback', 'http://localhost:8976/oauth/callback'],
      post_logout_redirect_uris: [],
      allowed_cors_origins: [],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      scopes: ['account.read', 'zone.read', 'dns.records.read', 'dns.records.write', 'cache.purge'],
      optional_scopes: [],
      token_endpoint_auth_method: 'none',
    },
  },
  {
    visibility: 'private',
    createdDaysAgo: 330,
    uri: 'verified',
    rotated: true,
    fields: {
      client_name: 'Terraform Cloud Runner',
      client_uri: 'https://terraform.acme-internal.net',
      redirect_uris: ['https://terraform.acme-internal.net/oauth/callback'],
      post_logout_redirect_uris: [],
      allowed_cors_origins: [],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      scopes: ['account.read', 'zone.read', 'dns.records.write', 'firewall.rules.write', 'workers.scripts.write', 'r2.buckets.write'],
      optional_scopes: [],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  },
  {
    visibility: 'private',
    createdDaysAgo: 1,
    uri: 'pending',
    fields: {
      client_name: 'Partner Portal (beta)',
      client_uri: 'https://partners.acme.com',
      logo_uri: 'https://partners.acme.com/assets/partner-portal.svg',
      ...LEGAL,
      redirect_uris: ['https://partners.acme.com/auth/cloudflare/callback'],
      post_logout_redirect_uris: ['https://partners.acme.com/'],
      allowed_cors_origins: ['https://partners.acme.com'],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code', 'id_token'],
      scopes: ['user.read', 'user.email.read', 'account.read', 'zone.read'],
      optional_scopes: ['user.email.read'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  },
];

export function seedCompanyOAuth(write: SeedWriter, accountId: string): void {
  const rand = new SeedRandom(`oauth:${accountId}`);
  for (const plan of CLIENTS) {
    const clientId = oauthClientIdFor(plan.fields.client_name);
    const created = rand.daysAgo(plan.createdDaysAgo, plan.createdDaysAgo + 1);
    const verificationText = plan.uri ? `${VERIFICATION_PREFIX}${stableId(`oauth-uri:${clientId}`)}` : null;
    const verifiedAt = created + rand.int(10, 90) * 60 * 1000;
    const promoted = plan.visibility === 'public' ? rand.between(verifiedAt + DAY_MS, verifiedAt + 14 * DAY_MS) : null;
    const rotatedAt = plan.rotated ? rand.daysAgo(2, 6) : null;
    const updated = Math.max(promoted ?? created, rotatedAt ?? created, rand.between(created, SEED_BASE_TIME));
    // A pending check is settled against the real clock, like SSO: started now keeps it pending.
    const startedAt =
      plan.uri === 'pending' ? timestamp() : plan.uri === 'verified' ? seedTimestamp(created + 60 * 1000) : null;

    const client: OAuthClientSeed = {
      clientId,
      accountId,
      visibility: plan.visibility,
      fields: withProtocolScopes(plan.fields),
      secretHash: hashSecret(newClientSecret()),
      rotatedSecretHash: plan.rotated ? hashSecret(newClientSecret()) : null,
      uriVerificationStatus: plan.uri,
      uriVerificationText: verificationText,
      uriVerificationStartedAt: startedAt,
      promotedAt: promoted === null ? null : seedTimestamp(promoted),
      createdAt: seedTimestamp(created),
      updatedAt: seedTimestamp(updated),
    };
    write.oauthClient(client);

    if (plan.uri === 'verified' && plan.fields.client_uri && verificationText) {
      write.dnsRecord({
        id: stableId(`dns:oauth:${clientId}`),
        name: new URL(plan.fields.client_uri).hostname,
        type: 'TXT',
        content: verificationText,
        createdOn: seedTimestamp(created + 30 * 1000),
      });
    }
  }
}
