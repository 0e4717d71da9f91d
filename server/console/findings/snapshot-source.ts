import type { AccessSnapshot, SnapshotMember, SnapshotUserGroup } from '../../../src/lib/analyzer/snapshot.ts';
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

interface AccountMemberRow {
  id: string;
  email?: string;
  status?: string;
  user?: { email?: string; first_name?: string | null; last_name?: string | null };
  /** Held directly: legacy roles and member policies (admin access comes this way too). */
  roles?: SnapshotMember['roles'] | null;
  policies?: SnapshotMember['policies'] | null;
}

/** Zones come from GET /zones; a backend without it (older sandbox) means "zones unknown". */
async function readZones(reader: ApiReader, accountId: string): Promise<AccessSnapshot['zones']> {
  try {
    const zones = await reader.all<{ id: string; name: string }>('/zones', 50, { 'account.id': accountId });
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
    reader.all<SnapshotUserGroup>(`${account}/iam/user_groups`, 500),
    !index || index.members ? Promise.resolve(null) : reader.all<AccountMemberRow>(`${account}/members`, 50),
    reader.get<AccessSnapshot['resourceGroups']>(`${account}/iam/resource_groups`).then((b) => b.result ?? []),
    reader.get<AccessSnapshot['ssoConnectors']>(`${account}/sso_connectors`).then((b) => b.result ?? []),
    reader.get<AccessSnapshot['oauthClients']>(`${account}/oauth_clients`).then((b) => b.result ?? []),
    reader.all<{ id: string; name?: string; meta?: unknown }>(`${account}/iam/permission_groups`, 50),
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
    ssoConnectors,
    oauthClients,
    permissionGroups: permissionGroups.map((pg) => ({ id: pg.id, name: pg.name ?? pg.id, ...(pg.meta ? { meta: pg.meta } : {}) })),
  };
  return {
    snapshot,
    requests: reader.requests() - before,
    membershipSource: index?.source ?? 'unavailable',
    ...(index?.asOf ? { membershipsAsOf: index.asOf } : {}),
  };
}
