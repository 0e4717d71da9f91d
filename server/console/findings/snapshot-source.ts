import { accountMemberSchema, type AccountMember } from '../../../src/api/account-members/schema.ts';
import { listOf } from '../../../src/api/common-schema.ts';
import { permissionGroupSchema } from '../../../src/api/permission-groups/schema.ts';
import { resourceGroupSchema } from '../../../src/api/resource-groups/schema.ts';
import { userGroupSchema } from '../../../src/api/user-groups/schema.ts';
import { oauthClientSchema, type OAuthClient } from '../../../src/api/oauth/schema.ts';
import { ssoConnectorSchema, type SsoConnector } from '../../../src/api/sso/schema.ts';
import { zoneSchema } from '../../../src/api/zones/schema.ts';
import type { SnapshotPart } from '../../../src/lib/analyzer/posture.ts';
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

/**
 * An account's state as it is being read: the snapshot holds every list read so far (the others
 * empty, zones and memberships null) and `known` says which, so the home page can show what the
 * cheap lists already tell while the long ones (10,000 groups, 2,000 zones) are still paging in.
 */
export interface SnapshotProgress {
  snapshot: AccessSnapshot;
  known: Set<SnapshotPart>;
  /** The requests spent so far. */
  requests: () => number;
}

const toMember = (m: AccountMember): SnapshotMember => {
  const name = [m.user?.first_name, m.user?.last_name].filter(Boolean).join(' ');
  return {
    id: m.id,
    email: m.user?.email ?? m.email ?? m.id,
    status: m.status === 'pending' ? 'pending' : 'accepted',
    ...(name ? { name } : {}),
    ...(m.roles?.length ? { roles: m.roles } : {}),
    ...(m.policies?.length ? { policies: m.policies } : {}),
  };
};

/**
 * Starts reading one account, list by list (one request per page, never per group or member):
 * `progress` fills in as each list arrives, `done` is the whole reading.
 */
export function startSnapshot(reader: ApiReader, accountId: string, memberships: MembershipSource, now = new Date()): { progress: SnapshotProgress; done: Promise<SnapshotRead> } {
  const account = `/accounts/${encodeURIComponent(accountId)}`;
  const before = reader.requests();
  const snapshot: AccessSnapshot = {
    accountId,
    now: now.toISOString(),
    userGroups: [],
    memberships: null,
    members: [],
    resourceGroups: [],
    zones: null,
    ssoConnectors: [],
    oauthClients: [],
    permissionGroups: [],
  };
  const known = new Set<SnapshotPart>();
  const progress: SnapshotProgress = { snapshot, known, requests: () => reader.requests() - before };
  const part = <T>(name: SnapshotPart, read: Promise<T>, keep: (value: T) => void) =>
    read.then((value) => {
      keep(value);
      known.add(name);
    });
  const done = (async (): Promise<SnapshotRead> => {
    // Memberships first: a source that keeps the members too saves listing them page by page.
    // Without memberships the members are not listed at all: no finding and no simulator answer
    // can use a person without their groups, and on a large account that list is 100+ requests.
    const index = await memberships.memberships(accountId);
    snapshot.memberships = index?.memberships ?? null;
    known.add('memberships');
    if (index?.members) {
      snapshot.members = index.members;
      known.add('members');
    }
    // The short lists first in the queue, so their findings show while the long ones page in.
    await Promise.all([
      part('ssoConnectors', reader.get(`${account}/sso_connectors`, listOf(ssoConnectorSchema)), (list) => (snapshot.ssoConnectors = list.map(ssoOf))),
      part('oauthClients', reader.get(`${account}/oauth_clients`, listOf(oauthClientSchema)), (list) => (snapshot.oauthClients = list.map(oauthOf))),
      part('resourceGroups', reader.get(`${account}/iam/resource_groups`, listOf(resourceGroupSchema)), (list) => (snapshot.resourceGroups = list)),
      part('permissionGroups', reader.all(`${account}/iam/permission_groups`, 50, permissionGroupSchema), (list) => {
        snapshot.permissionGroups = list.map((pg) => ({ id: pg.id, name: pg.name ?? pg.id, ...(pg.meta ? { meta: pg.meta } : {}) }));
      }),
      !index || index.members ? Promise.resolve() : part('members', reader.all(`${account}/members`, 50, accountMemberSchema), (list) => (snapshot.members = list.map(toMember))),
      // Parsed by the SPA's boundary (src/api/<resource>/schema.ts): either era's shapes, one model.
      part('userGroups', reader.all(`${account}/iam/user_groups`, 500, userGroupSchema), (list) => {
        snapshot.userGroups = list.map((g) => ({ id: g.id, name: g.name, policies: g.policies ?? [] }));
      }),
      part('zones', readZones(reader, accountId), (zones) => (snapshot.zones = zones)),
    ]);
    return {
      snapshot,
      requests: reader.requests() - before,
      membershipSource: index?.source ?? 'unavailable',
      ...(index?.asOf ? { membershipsAsOf: index.asOf } : {}),
    };
  })();
  return { progress, done };
}

/** One account's state, read list by list (one request per page, never per group or member). */
export function readSnapshot(reader: ApiReader, accountId: string, memberships: MembershipSource, now = new Date()): Promise<SnapshotRead> {
  return startSnapshot(reader, accountId, memberships, now).done;
}
