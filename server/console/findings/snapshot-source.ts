import { accountMemberSchema } from '../../../src/api/accounts/schema.ts';
import { listOf } from '../../../src/api/common-schema.ts';
import { permissionGroupSchema } from '../../../src/api/permission-groups/schema.ts';
import { resourceGroupSchema } from '../../../src/api/resource-groups/schema.ts';
import { userGroupSchema } from '../../../src/api/user-groups/schema.ts';
import { oauthClientSchema, type OAuthClient } from '../../../src/api/oauth/schema.ts';
import { ssoConnectorSchema, type SsoConnector } from '../../../src/api/sso/schema.ts';
import { zoneSchema } from '../../../src/api/zones/schema.ts';
import type { AccessSnapshot, SnapshotMember, SnapshotOAuthClient, SnapshotSsoConnector } from '../../../src/lib/analyzer/snapshot.ts';
import { ApiReadError, type ApiReader } from './api-reader.ts';

/**
 * Who is in which group: the membership index's answer (server/console/membership-index/). The
 * API has no "members of many groups" call, so asking it group by group is exactly the fan-out
 * the rate limit forbids; the snapshot takes memberships only from a source like the index.
 */
export interface MembershipSource {
  /** `null` when this source cannot answer for the account (then membership rules stay silent). */
  memberships(accountId: string): Promise<{
    memberships: NonNullable<AccessSnapshot['memberships']>;
    /** The account's members, when the source keeps them too (then the snapshot skips listing them). */
    members?: SnapshotMember[];
    source: string;
    asOf?: string;
  } | null>;
  /**
   * When the source's answer last changed (the index's last completed pass), without reading it:
   * cached findings are recomputed when this moves. Absent: the source never changes on its own.
   */
  asOf?(accountId: string): string | null;
}

export interface SnapshotRead {
  snapshot: AccessSnapshot;
  requests: number;
  membershipSource: string;
  membershipsAsOf?: string;
}

/** The analyzer's view of a connector: a status the console does not know reads as not stated. */
function ssoOf(c: SsoConnector): SnapshotSsoConnector {
  const status = c.verification?.status;
  return {
    id: c.id,
    email_domain: c.email_domain ?? '',
    enabled: c.enabled ?? false,
    ...(c.verification ? { verification: status && status !== 'unknown' ? { status } : {} } : {}),
    ...(c.created_on !== undefined ? { created_on: c.created_on } : {}),
    ...(c.updated_on !== undefined ? { updated_on: c.updated_on } : {}),
  };
}

/** The analyzer's view of a client: an unknown visibility is not claimed public (no public-client finding). */
function oauthOf(c: OAuthClient): SnapshotOAuthClient {
  const status = c.client_uri_verification?.status;
  return {
    client_id: c.client_id,
    visibility: c.visibility === 'public' ? 'public' : 'private',
    ...(c.client_name !== undefined ? { client_name: c.client_name } : {}),
    ...(typeof c.client_uri === 'string' ? { client_uri: c.client_uri } : {}),
    ...(c.client_uri_verification ? { client_uri_verification: status && status !== 'unknown' ? { status } : {} } : {}),
    ...(c.has_rotated_secret !== undefined ? { has_rotated_secret: c.has_rotated_secret } : {}),
    ...(c.updated_at !== undefined ? { updated_at: c.updated_at } : {}),
  };
}

/** Zones come from GET /zones; a backend without it (older sandbox) means "zones unknown". */
async function readZones(reader: ApiReader, accountId: string): Promise<AccessSnapshot['zones']> {
  try {
    const zones = await reader.all('/zones', 50, zoneSchema, { 'account.id': accountId });
    return zones.map((z) => ({ id: z.id, name: z.name }));
  } catch (error) {
    if (error instanceof ApiReadError && (error.status === 404 || error.status === 405)) return null;
    throw error;
  }
}

/** One account's state, read list by list (one request per page, never per group or member). */
export async function readSnapshot(reader: ApiReader, accountId: string, memberships: MembershipSource, now = new Date()): Promise<SnapshotRead> {
  const account = `/accounts/${encodeURIComponent(accountId)}`;
  const before = reader.requests();
  // Memberships first: a source that keeps the members too saves listing them page by page.
  // Without memberships the members are not listed at all: no finding and no simulator answer
  // can use a person without their groups, and on a large account that list is 100+ requests.
  const index = await memberships.memberships(accountId);
  const [userGroups, members, resourceGroups, ssoConnectors, oauthClients, permissionGroups, zones] = await Promise.all([
    // Parsed by the SPA's boundary (src/api/<resource>/schema.ts): either era's shapes, one model.
    reader.all(`${account}/iam/user_groups`, 500, userGroupSchema),
    !index || index.members ? Promise.resolve(null) : reader.all(`${account}/members`, 50, accountMemberSchema),
    reader.get(`${account}/iam/resource_groups`, listOf(resourceGroupSchema)),
    reader.get(`${account}/sso_connectors`, listOf(ssoConnectorSchema)),
    reader.get(`${account}/oauth_clients`, listOf(oauthClientSchema)),
    reader.all(`${account}/iam/permission_groups`, 50, permissionGroupSchema),
    readZones(reader, accountId),
  ]);
  const snapshot: AccessSnapshot = {
    accountId,
    now: now.toISOString(),
    userGroups: userGroups.map((g) => ({ id: g.id, name: g.name, policies: g.policies ?? [] })),
    memberships: index?.memberships ?? null,
    members: index?.members ?? (members ?? []).map((m): SnapshotMember => {
      const name = [m.user?.first_name, m.user?.last_name].filter(Boolean).join(' ');
      return {
        id: m.id,
        email: m.user?.email ?? m.email ?? m.id,
        status: m.status === 'pending' ? 'pending' : 'accepted',
        ...(name ? { name } : {}),
        ...(m.roles?.length ? { roles: m.roles } : {}),
        ...(m.policies?.length ? { policies: m.policies } : {}),
      };
    }),
    resourceGroups,
    zones,
    ssoConnectors: ssoConnectors.map(ssoOf),
    oauthClients: oauthClients.map(oauthOf),
    permissionGroups: permissionGroups.map((pg) => ({ id: pg.id, name: pg.name ?? pg.id, ...(pg.meta ? { meta: pg.meta } : {}) })),
  };
  return {
    snapshot,
    requests: reader.requests() - before,
    membershipSource: index?.source ?? 'unavailable',
    ...(index?.asOf ? { membershipsAsOf: index.asOf } : {}),
  };
}
