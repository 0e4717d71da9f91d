import { timestamp } from '../ids.ts';
import { oauthClientResource, type OAuthClientRow } from '../oauth-clients/model.ts';
import { resourceGroupResource, type ResourceGroupRow } from '../resource-groups/model.ts';
import { ssoConnectorResource, type SsoConnectorRow } from '../sso-connectors/routes.ts';
import { userGroupResources, type UserGroupRow } from '../user-groups/routes.ts';
import { COMPANY_GROUP_NAMES, OWNER_EMAIL, userGroupIdFor } from './seed-company.ts';
import { batchJoins, groupHistory, membersJson, policyRequest, type GroupJson, type GroupPlan, type MemberJson, type Removal } from './seed-history-groups.ts';
import { apiToken, dashboardAdmin, writeHistory, type HistoryActor, type HistoryEvent } from './seed-history-log.ts';
import { DAY_MS, SEED_BASE_TIME, seedTimestamp, stableId } from './seed-random.ts';
import type { Db } from './sql.ts';

/**
 * Acme Corp's last year in its audit log, so that History, revert and "last change" have
 * something to show on first start: three admins in the Cloudflare dashboard, Terraform and a
 * people-sync job through API tokens (and Okta's SCIM provisioning, seeded with its groups);
 * creations, policy edits and a rename, members added and removed, an SSO setup, an OAuth secret
 * rotation and a deleted group. Every entry agrees with the seeded objects: a group's newest
 * entry is at its `modified_on` and leaves it as the API answers it now, members are added at
 * their `created_at`. The large seed adds its own groups' last weeks.
 */

const YEAR_MS = 365 * DAY_MS;
const HOUR_MS = 3_600_000;
/**
 * The large seed's own groups: their last two weeks of changes and last week of members (about
 * 1,200 entries), so one History view's audit-log sync (2,000 entries) reads the whole past.
 */
const LARGE_SINCE = SEED_BASE_TIME - 14 * DAY_MS;
const LARGE_MEMBERS_SINCE = SEED_BASE_TIME - 7 * DAY_MS;

const TERRAFORM = apiToken(stableId('api-token:terraform'), 'terraform-cloud · acme-iam workspace', '192.0.2.41');
const PEOPLE_SYNC = apiToken(stableId('api-token:people-sync'), 'people-sync (Workday → Cloudflare)', '192.0.2.77');
/** Groups Terraform manages; their members come from the people sync. */
const TERRAFORM_GROUPS = new Set(['Workers Developers', 'DNS Operators', 'Data Platform', 'AI Platform', 'SRE On-call', 'Network Engineering']);
const SYNCED_MEMBERS = new Set(['Support Tier 1', 'Support Tier 2', 'Workers Developers', 'Offboarding – no access']);
const RENAMES: Record<string, string> = { 'Break-glass Admins': 'Emergency access', 'Incident Commanders': 'Incident Command' };
/** Where the people now in "Offboarding – no access" worked before: the sync took them out. */
const FORMER_GROUPS = ['Support Tier 2', 'Workers Developers', 'SRE On-call', 'Data Platform'];

export const DELETED_GROUP_NAME = 'Agency – Spring Campaign';

interface Admin {
  actor: HistoryActor;
  since: number;
}

const groupRow = (db: Db, accountId: string, name: string) =>
  db.prepare('SELECT * FROM user_groups WHERE account_id = ? AND name = ?').get(accountId, name) as UserGroupRow | undefined;
const membersOf = (db: Db, groupId: string) =>
  db
    .prepare('SELECT m.id, m.email, m.status, m.user_id, ugm.created_at FROM user_group_members ugm JOIN account_members m ON m.id = ugm.member_id WHERE ugm.user_group_id = ? ORDER BY ugm.created_at, m.id')
    .all(groupId) as Array<MemberJson & { user_id: string; created_at: string }>;

/** The account's admins who made changes in the dashboard: the owner, and the first other member of each admin group, from when they joined it. */
function dashboardAdmins(db: Db, accountId: string): Admin[] {
  const owner = db.prepare('SELECT user_id FROM account_members WHERE account_id = ? AND email = ?').get(accountId, OWNER_EMAIL) as { user_id: string };
  const admins: Admin[] = [{ actor: dashboardAdmin(owner.user_id, OWNER_EMAIL, '203.0.113.24'), since: 0 }];
  for (const [name, ip] of [['Break-glass Admins', '203.0.113.57'], ['Platform Engineering', '198.51.100.18']] as const) {
    const group = groupRow(db, accountId, name);
    const other = group && membersOf(db, group.id).find((m) => m.email !== OWNER_EMAIL && m.status === 'accepted');
    if (other) admins.push({ actor: dashboardAdmin(other.user_id, other.email, ip), since: Date.parse(other.created_at) });
  }
  return admins;
}

/** One of the admins who held admin at `at`, chosen by `turn` so the work is shared. */
const adminAt = (admins: Admin[], at: number, turn: number) => {
  const able = admins.filter((a) => a.since <= at);
  return able[turn % able.length]!.actor;
};

const hash = (text: string) => [...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);

function groupPlan(name: string, admins: Admin[], company: boolean): GroupPlan {
  const turn = hash(name);
  const editor = (at: number) => (!company || TERRAFORM_GROUPS.has(name) ? TERRAFORM : adminAt(admins, at, turn));
  return {
    since: company ? SEED_BASE_TIME - YEAR_MS : LARGE_SINCE,
    membersSince: company ? SEED_BASE_TIME - YEAR_MS : LARGE_MEMBERS_SINCE,
    ...(RENAMES[name] ? { renamedFrom: RENAMES[name] } : {}),
    editor,
    memberEditor: (at) => (!company || SYNCED_MEMBERS.has(name) ? PEOPLE_SYNC : adminAt(admins, at, turn + 1)),
  };
}

/** The sync's removals: each person now in the offboarding group left one former group shortly before joining it. */
function offboardingRemovals(db: Db, accountId: string, rows: Map<string, UserGroupRow>): Map<string, Removal[]> {
  const out = new Map<string, Removal[]>();
  const offboarding = groupRow(db, accountId, 'Offboarding – no access');
  if (!offboarding) return out;
  membersOf(db, offboarding.id).forEach((m, i) => {
    const at = Date.parse(m.created_at) - 30 * 60_000;
    const former = [...FORMER_GROUPS.slice(i % FORMER_GROUPS.length), ...FORMER_GROUPS].map((n) => rows.get(n)).find(
      (g) => g && Date.parse(g.created_on) < at - DAY_MS && !membersOf(db, g.id).some((x) => x.id === m.id),
    );
    if (!former || at < SEED_BASE_TIME - YEAR_MS) return;
    out.set(former.id, [...(out.get(former.id) ?? []), { member: { id: m.id, email: m.email, status: m.status }, at }]);
  });
  return out;
}

/** A campaign group an agency's contractors worked in: created, filled, widened, then deleted when the campaign ended. */
function deletedGroup(db: Db, accountId: string, groups: GroupJson[], admins: Admin[]): HistoryEvent[] {
  const id = stableId(`user-group:${accountId}:${DELETED_GROUP_NAME}`);
  const policyWith = (pgNames: string[]) => {
    const source = groups.flatMap((g) => g.policies).find((p) => p.resource_groups.some((rg) => rg.name === 'Marketing sites'))!;
    const pgs = pgNames.map((n) => groups.flatMap((g) => g.policies.flatMap((p) => p.permission_groups)).find((pg) => pg.name === n)!);
    return { id: stableId(`policy:${id}:0`), access: 'allow' as const, permission_groups: pgs, resource_groups: source.resource_groups.filter((rg) => rg.name === 'Marketing sites') };
  };
  const created = SEED_BASE_TIME - 212 * DAY_MS + 4 * HOUR_MS;
  const widened = SEED_BASE_TIME - 150 * DAY_MS + 2 * HOUR_MS;
  const deleted = SEED_BASE_TIME - 41 * DAY_MS + 6 * HOUR_MS;
  const state = (at: number, pgs: string[]): GroupJson => ({ id, name: DELETED_GROUP_NAME, created_on: seedTimestamp(created), modified_on: seedTimestamp(at), policies: [policyWith(pgs)] });
  const agency = db
    .prepare("SELECT id, email, status FROM account_members WHERE account_id = ? AND email LIKE '%@pixelforge.agency' AND status = 'accepted' AND created_on < ? ORDER BY email LIMIT 4")
    .all(accountId, seedTimestamp(created)) as MemberJson[];
  const first = state(created, ['DNS']);
  const path = `iam/user_groups/${id}`;
  const owner = admins[0]!.actor;
  const platform = adminAt(admins, widened, 2);
  return [
    { key: `group-create:${id}`, at: created, actor: owner, action: 'create', resourceType: 'user_group', resourceId: id, method: 'POST', path: 'iam/user_groups', before: null, after: first, request: { name: DELETED_GROUP_NAME, policies: policyRequest(first.policies) } },
    { key: `group-add:${id}`, at: created + 20 * 60_000, actor: owner, action: 'add_members', resourceType: 'user_group_members', resourceId: id, method: 'POST', path: `${path}/members`, before: [], after: membersJson(agency), request: agency.map((m) => ({ id: m.id })) },
    { key: `group-update:${id}`, at: widened, actor: platform, action: 'update', resourceType: 'user_group', resourceId: id, method: 'PUT', path, before: state(created + 20 * 60_000, ['DNS']), after: state(widened, ['DNS', 'Cache Purge']), request: { policies: policyRequest(state(widened, ['DNS', 'Cache Purge']).policies) } },
    { key: `group-delete:${id}`, at: deleted, actor: adminAt(admins, deleted, 1), action: 'delete', resourceType: 'user_group', resourceId: id, method: 'DELETE', path, before: state(widened, ['DNS', 'Cache Purge']), after: null, request: null },
  ];
}

/** Resource groups are Terraform's: created, and widened or renamed at their `modified_on`. */
function resourceGroupHistory(db: Db, accountId: string): HistoryEvent[] {
  const since = SEED_BASE_TIME - YEAR_MS;
  const events: HistoryEvent[] = [];
  for (const row of db.prepare('SELECT * FROM resource_groups WHERE account_id = ?').all(accountId) as ResourceGroupRow[]) {
    const now = resourceGroupResource(row, 'today') as { id: string; name: string; scope: { key: string; objects: Array<{ key: string }> } };
    const created = Date.parse(row.created_on);
    const modified = Date.parse(row.modified_on);
    const objects = now.scope.objects;
    const earlier = objects.length > 1 ? { ...now, scope: { ...now.scope, objects: objects.slice(0, -1) } } : { ...now, name: now.name.split(' – ')[0]! };
    const edited = modified > created && modified >= since && JSON.stringify(earlier) !== JSON.stringify(now);
    const path = `iam/resource_groups/${row.id}`;
    const body = (rg: typeof now) => ({ name: rg.name, scope: rg.scope });
    if (created >= since) {
      const first = edited ? earlier : now;
      events.push({ key: `rg-create:${row.id}`, at: created, actor: TERRAFORM, action: 'create', resourceType: 'resource_group', resourceId: row.id, method: 'POST', path: 'iam/resource_groups', before: null, after: first, request: body(first) });
    }
    if (edited) events.push({ key: `rg-update:${row.id}`, at: modified, actor: TERRAFORM, action: 'update', resourceType: 'resource_group', resourceId: row.id, method: 'PUT', path, before: earlier, after: now, request: body(now) });
  }
  return events;
}

/** The SSO setups of the year: each connector's creation, the FedRAMP wording chosen, and verification started. */
function ssoHistory(db: Db, accountId: string, admins: Admin[]): HistoryEvent[] {
  const since = SEED_BASE_TIME - YEAR_MS;
  const events: HistoryEvent[] = [];
  for (const row of db.prepare('SELECT * FROM sso_connectors WHERE account_id = ? ORDER BY created_on').all(accountId) as SsoConnectorRow[]) {
    const created = Date.parse(row.created_on);
    if (created < since) continue;
    const actor = adminAt(admins, created, hash(row.email_domain));
    const at = (ms: number) => timestamp(new Date(ms));
    const state = (ms: number, over: Partial<SsoConnectorRow>) => ssoConnectorResource({ ...row, updated_on: at(ms), ...over });
    const fresh = { enabled: 0, use_fedramp_language: 0, verification_status: 'awaiting' as const };
    const path = `sso_connectors/${row.id}`;
    events.push({ key: `sso-create:${row.id}`, at: created, actor, action: 'create', resourceType: 'sso_connector', resourceId: row.id, method: 'POST', path: 'sso_connectors', before: null, after: state(created, fresh), request: { email_domain: row.email_domain } });
    let chosen = fresh;
    if (row.use_fedramp_language) {
      const next = { ...fresh, use_fedramp_language: 1 };
      events.push({ key: `sso-fedramp:${row.id}`, at: created + 60_000, actor, action: 'update', resourceType: 'sso_connector', resourceId: row.id, method: 'PATCH', path, before: state(created, fresh), after: state(created + 60_000, next), request: { use_fedramp_language: true } });
      chosen = next;
    }
    // A verification the seed starts at the real time of seeding (to keep it pending) is no part of the seeded past.
    const started = row.verification_started_at ? Date.parse(row.verification_started_at) : null;
    if (started !== null && started >= created && started <= SEED_BASE_TIME) {
      events.push({ key: `sso-verify:${row.id}`, at: started, actor, action: 'begin_verification', resourceType: 'sso_connector', resourceId: row.id, method: 'POST', path: `${path}/begin_verification`, before: state(created, chosen), after: state(started, { ...chosen, verification_status: 'pending' }), request: null });
    }
  }
  return events;
}

/** OAuth clients of the year: their creation, a URI verification started, and the rotation still waiting for its old secret to be revoked. */
function oauthHistory(db: Db, accountId: string, admins: Admin[]): HistoryEvent[] {
  const since = SEED_BASE_TIME - YEAR_MS;
  const events: HistoryEvent[] = [];
  for (const row of db.prepare('SELECT * FROM oauth_clients WHERE account_id = ? ORDER BY created_at').all(accountId) as OAuthClientRow[]) {
    const created = Date.parse(row.created_at);
    const updated = Date.parse(row.updated_at);
    const actor = /terraform/i.test(row.fields) ? TERRAFORM : adminAt(admins, created, hash(row.client_id));
    const state = (ms: number, over: Partial<OAuthClientRow>) => oauthClientResource({ ...row, updated_at: timestamp(new Date(ms)), ...over });
    const fresh = { rotated_secret_hash: null, promoted_at: null, uri_verification_status: null, uri_verification_text: null, uri_verification_started_at: null };
    const path = `oauth_clients/${row.client_id}`;
    if (created >= since) {
      const { client_id: _id, has_rotated_secret: _r, created_at: _c, updated_at: _u, visibility: _v, ...request } = state(created, fresh);
      events.push({ key: `oauth-create:${row.client_id}`, at: created, actor, action: 'create', resourceType: 'oauth_client', resourceId: row.client_id, method: 'POST', path: 'oauth_clients', before: null, after: state(created, fresh), request });
    }
    const started = row.uri_verification_started_at ? Date.parse(row.uri_verification_started_at) : null;
    if (row.uri_verification_status === 'pending' && started !== null && started <= SEED_BASE_TIME) {
      events.push({ key: `oauth-verify:${row.client_id}`, at: started, actor, action: 'begin_verification', resourceType: 'oauth_client', resourceId: row.client_id, method: 'POST', path: `${path}/begin_verification`, before: state(created, fresh), after: oauthClientResource(row), request: null });
    }
    if (row.rotated_secret_hash && updated >= since) {
      const by = adminAt(admins, updated, 1);
      events.push({ key: `oauth-rotate:${row.client_id}`, at: updated, actor: by, action: 'rotate_secret', resourceType: 'oauth_client', resourceId: row.client_id, method: 'POST', path: `${path}/rotate_secret`, before: state(Math.max(created, updated - 30 * DAY_MS), { rotated_secret_hash: null }), after: oauthClientResource(row), request: null });
    }
  }
  return events;
}

/**
 * Writes the account's past into its audit log and moves each group's `modified_on` to its newest
 * entry. `scale`: the scale seed's own groups get their last weeks too (the huge seed's 100,000
 * are left without, as a bench fixture).
 */
export function seedHistory(db: Db, accountId: string, { scale = false } = {}): void {
  const company = new Set(COMPANY_GROUP_NAMES.map((name) => userGroupIdFor(accountId, name)));
  const rows = (db.prepare('SELECT * FROM user_groups WHERE account_id = ? AND managed_by IS NULL ORDER BY id').all(accountId) as UserGroupRow[]).filter(
    (row) => scale || company.has(row.id),
  );
  // Joins first (they move to their batch's time): who was an admin when, and who left, follow from them.
  const admins: Admin[] = [];
  const plans = new Map(rows.map((row) => [row.id, groupPlan(row.name, admins, company.has(row.id))]));
  const batches = new Map(rows.map((row) => [row.id, batchJoins(db, row.id, plans.get(row.id)!.membersSince)]));
  admins.push(...dashboardAdmins(db, accountId));
  const byName = new Map(rows.filter((r) => company.has(r.id)).map((r) => [r.name, r]));
  const removals = offboardingRemovals(db, accountId, byName);
  const current = userGroupResources(db, rows.filter((r) => company.has(r.id)), 'today');
  const interns = current.find((g) => g.name === 'Interns')?.policies[0] ?? current[0]!.policies[0]!;
  const events: HistoryEvent[] = [];
  const touch = db.prepare('UPDATE user_groups SET modified_on = ? WHERE id = ?');
  for (const row of rows) {
    const plan = plans.get(row.id)!;
    const removedPolicy = { ...interns, id: stableId(`policy:${row.id}:removed`) };
    const past = groupHistory(db, row, plan, batches.get(row.id) ?? null, removals.get(row.id) ?? [], removedPolicy);
    events.push(...past.events);
    // The group last changed at its newest entry; an edit older than the log's window stands.
    const modified = Date.parse(row.modified_on);
    const last = Math.max(Date.parse(row.created_on), past.lastChange ?? 0, modified < plan.since ? modified : 0);
    if (last !== modified) touch.run(seedTimestamp(last), row.id);
  }
  events.push(...deletedGroup(db, accountId, current, admins), ...resourceGroupHistory(db, accountId), ...ssoHistory(db, accountId, admins), ...oauthHistory(db, accountId, admins));
  writeHistory(db, accountId, events);
}
