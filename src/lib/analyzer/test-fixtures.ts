import type { AccessSnapshot, SnapshotMember, SnapshotPolicy, SnapshotUserGroup } from './snapshot';

/** Hand-built snapshots for the analyzer's and the simulator's tests (not shipped to users). */

export const ACCOUNT_ID = 'a'.repeat(32);
export const ACCOUNT_KEY = `com.cloudflare.api.account.${ACCOUNT_ID}`;
export const zoneId = (c: string) => c.repeat(32);
export const zoneKeyOf = (c: string) => `com.cloudflare.api.account.zone.${zoneId(c)}`;

export const PG = {
  superAdmin: { id: 'pg-super', name: 'Super Administrator - All Privileges' },
  admin: { id: 'pg-admin', name: 'Administrator' },
  dns: { id: 'pg-dns', name: 'DNS' },
  firewall: { id: 'pg-fw', name: 'Firewall' },
  billing: { id: 'pg-billing', name: 'Billing' },
  cachePurge: { id: 'pg-cache', name: 'Cache Purge' },
};
type PgName = keyof typeof PG;

export const RG = {
  all: { id: 'rg-all', name: 'Whole account', scope: [{ key: ACCOUNT_KEY, objects: [{ key: ACCOUNT_KEY }] }] },
  prod: { id: 'rg-prod', name: 'Production', scope: [{ key: ACCOUNT_KEY, objects: [{ key: zoneKeyOf('1') }, { key: zoneKeyOf('2') }] }] },
  zone1: { id: 'rg-z1', name: 'Zone one', scope: [{ key: ACCOUNT_KEY, objects: [{ key: zoneKeyOf('1') }] }] },
  zone3: { id: 'rg-z3', name: 'Zone three', scope: [{ key: ACCOUNT_KEY, objects: [{ key: zoneKeyOf('3') }] }] },
  unused: { id: 'rg-unused', name: 'Old microsites', scope: [{ key: ACCOUNT_KEY, objects: [{ key: zoneKeyOf('2') }] }] },
};
type RgName = keyof typeof RG;

let policyCounter = 0;
export function policy(access: 'allow' | 'deny', pgs: PgName[], rgs: RgName[]): SnapshotPolicy {
  policyCounter += 1;
  return { id: `pol-${policyCounter}`, access, permission_groups: pgs.map((p) => PG[p]), resource_groups: rgs.map((r) => RG[r]) };
}
export const allow = (pgs: PgName[], rgs: RgName[]) => policy('allow', pgs, rgs);
export const deny = (pgs: PgName[], rgs: RgName[]) => policy('deny', pgs, rgs);

export const group = (id: string, policies: SnapshotPolicy[], name = id): SnapshotUserGroup => ({ id, name, policies });

export const member = (id: string, email: string, status: SnapshotMember['status'] = 'accepted'): SnapshotMember => ({ id, email, status });

export const NOW = '2026-12-01T09:00:00.000Z';
export const daysBefore = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();

/** A snapshot with nothing in it but what a test gives; memberships as { groupId: [memberIds] }. */
export function snapshotOf(parts: Partial<Omit<AccessSnapshot, 'memberships'>> & { members_of?: Record<string, string[]> } = {}): AccessSnapshot {
  const { members_of = {}, ...rest } = parts;
  return {
    accountId: ACCOUNT_ID,
    now: NOW,
    userGroups: [],
    members: [],
    resourceGroups: [],
    zones: null,
    ssoConnectors: [],
    oauthClients: [],
    ...rest,
    memberships: Object.entries(members_of).map(([groupId, memberIds]) => ({ groupId, memberIds })),
  };
}
