import { timestamp } from '../ids.ts';
import { userGroupResources, type UserGroupRow } from '../user-groups/routes.ts';
import type { HistoryActor, HistoryEvent } from './seed-history-log.ts';
import { DAY_MS, seedTimestamp } from './seed-random.ts';
import type { Db } from './sql.ts';

/**
 * The seeded past of user groups and their members, worked backwards from the seeded state so
 * that the newest entry of each group leaves it exactly as the API now answers it: a group's
 * creation, its last policy or name change (at its `modified_on`), members added in batches (at
 * their `created_at`) and removed, each with the state before and after as a GET answered then.
 */

export type GroupJson = ReturnType<typeof userGroupResources>[number];
type PolicyJson = GroupJson['policies'][number];
export interface MemberJson {
  id: string;
  email: string;
  status: string;
}

/** A group's past, for the seeded history to follow. */
export interface GroupPlan {
  /** From when this group's changes are in the audit log. */
  since: number;
  /** From when its membership changes are (large groups: the last weeks only). */
  membersSince: number;
  /** Its name before a rename, when the last change was one. */
  renamedFrom?: string;
  /** Who changed its policies and name, and who its members. */
  editor: (at: number) => HistoryActor;
  memberEditor: (at: number) => HistoryActor;
}

const MEMBER_BATCH_WINDOW_MS = 7 * DAY_MS;
const MEMBER_BATCH_MAX = 10;
/** Groups this big (everyone in the company) are fed by a directory sync the log would drown in. */
const MEMBER_HISTORY_MAX = 300;


export const policyRequest = (policies: PolicyJson[]) =>
  policies.map((p) => ({ access: p.access, permission_groups: p.permission_groups.map((pg) => ({ id: pg.id })), resource_groups: p.resource_groups.map((rg) => ({ id: rg.id })) }));

/** The group before its last change: renamed back, or one policy (or permission group) fewer, or one more taken away. */
function previousOf(group: GroupJson, plan: GroupPlan, removedPolicy: PolicyJson): GroupJson {
  if (plan.renamedFrom) return { ...group, name: plan.renamedFrom };
  const policies = group.policies;
  if (policies.length >= 2) return { ...group, policies: policies.slice(0, -1) };
  const only = policies[0];
  if (only && only.permission_groups.length >= 2) return { ...group, policies: [{ ...only, permission_groups: only.permission_groups.slice(0, -1) }] };
  return { ...group, policies: [...policies, removedPolicy] };
}

export function membersJson(rows: MemberJson[]): MemberJson[] {
  // As the members list answers: by the address's local part, then the whole address.
  const local = (m: MemberJson) => m.email.slice(0, m.email.indexOf('@')).toLowerCase();
  return [...rows].sort((a, b) => local(a).localeCompare(local(b)) || a.email.toLowerCase().localeCompare(b.email.toLowerCase()));
}

interface Membership extends MemberJson {
  joined: number;
}

/** People added to a group together: their join time, moved to the batch's. */
export type JoinBatch = Membership[];

/**
 * Gathers a group's joins since `since` into batches (people added together, within a week),
 * moving each join to its batch's time — never before the person or the group existed. Null for
 * a group too big to follow member by member.
 */
export function batchJoins(db: Db, groupId: string, since: number): JoinBatch[] | null {
  const members = (
    db
      .prepare('SELECT m.id, m.email, m.status, ugm.created_at FROM user_group_members ugm JOIN account_members m ON m.id = ugm.member_id WHERE ugm.user_group_id = ?')
      .all(groupId) as Array<MemberJson & { created_at: string }>
  ).map(({ created_at, ...m }) => ({ ...m, joined: Date.parse(created_at) }));
  if (members.length > MEMBER_HISTORY_MAX) return null;
  const recent = members.filter((m) => m.joined >= since).sort((a, b) => a.joined - b.joined || a.id.localeCompare(b.id));
  const batches: JoinBatch[] = [];
  for (const m of recent) {
    const last = batches.at(-1);
    if (last && m.joined - last[0]!.joined <= MEMBER_BATCH_WINDOW_MS && last.length < MEMBER_BATCH_MAX) last.push(m);
    else batches.push([m]);
  }
  const move = db.prepare('UPDATE user_group_members SET created_at = ? WHERE user_group_id = ? AND member_id = ?');
  for (const batch of batches) {
    const at = batch.at(-1)!.joined;
    for (const m of batch) {
      m.joined = at;
      move.run(seedTimestamp(at), groupId, m.id);
    }
  }
  return batches;
}

export interface Removal {
  member: MemberJson;
  at: number;
}

/** Every entry of one group's past, and the time of its newest (the group's `modified_on`). */
export function groupHistory(db: Db, row: UserGroupRow, plan: GroupPlan, batches: JoinBatch[] | null, removals: Removal[], removedPolicy: PolicyJson): { events: HistoryEvent[]; lastChange: number | null } {
  const created = Date.parse(row.created_on);
  const modified = Date.parse(row.modified_on);
  const edited = modified > created && modified >= plan.since;
  if (created < plan.since && !edited && !batches?.length && !removals.length) return { events: [], lastChange: null };
  const current = userGroupResources(db, [row], 'today')[0]!;
  const events: HistoryEvent[] = [];
  const base = `iam/user_groups/${row.id}`;
  const stamp = (group: GroupJson, at: number): GroupJson => ({ ...group, modified_on: timestamp(new Date(at)) });
  let lastChange: number | null = null;

  const before = edited ? previousOf(current, plan, removedPolicy) : current;
  if (created >= plan.since) {
    events.push({
      key: `group-create:${row.id}`, at: created, actor: plan.editor(created), action: 'create', resourceType: 'user_group', resourceId: row.id,
      method: 'POST', path: 'iam/user_groups', before: null, after: stamp(before, created), request: { name: before.name, policies: policyRequest(before.policies) },
    });
    lastChange = created;
  }
  if (edited) {
    const renamed = before.name !== current.name;
    events.push({
      key: `group-update:${row.id}`, at: modified, actor: plan.editor(modified), action: 'update', resourceType: 'user_group', resourceId: row.id,
      method: 'PUT', path: base, before: stamp(before, lastChange ?? created), after: stamp(current, modified),
      request: renamed ? { name: current.name, policies: policyRequest(current.policies) } : { policies: policyRequest(current.policies) },
    });
    lastChange = modified;
  }

  if (batches) {
    const members = db
      .prepare('SELECT m.id, m.email, m.status FROM user_group_members ugm JOIN account_members m ON m.id = ugm.member_id WHERE ugm.user_group_id = ?')
      .all(row.id) as MemberJson[];
    const batched = new Set(batches.flat().map((m) => m.id));
    // Who was in before the first recorded change: the earlier joins and everyone removed later.
    const present = new Map<string, MemberJson>([
      ...members.filter((m) => !batched.has(m.id)).map((m) => [m.id, { id: m.id, email: m.email, status: m.status }] as const),
      ...removals.map((r) => [r.member.id, r.member] as const),
    ]);
    const changes = [
      ...batches.map((batch) => ({ at: batch[0]!.joined, add: batch as MemberJson[], remove: null as MemberJson | null })),
      ...removals.map((r) => ({ at: r.at, add: [] as MemberJson[], remove: r.member })),
    ].sort((a, b) => a.at - b.at);
    for (const change of changes) {
      const beforeList = membersJson([...present.values()]);
      for (const m of change.add) present.set(m.id, { id: m.id, email: m.email, status: m.status });
      if (change.remove) present.delete(change.remove.id);
      const afterList = membersJson([...present.values()]);
      const actor = plan.memberEditor(change.at);
      events.push(
        change.remove
          ? {
              key: `group-remove:${row.id}:${change.remove.id}`, at: change.at, actor, action: 'remove_member', resourceType: 'user_group_members', resourceId: row.id,
              method: 'DELETE', path: `${base}/members/${change.remove.id}`, before: beforeList, after: afterList, request: null,
            }
          : {
              key: `group-add:${row.id}:${change.at}`, at: change.at, actor, action: 'add_members', resourceType: 'user_group_members', resourceId: row.id,
              method: 'POST', path: `${base}/members`, before: beforeList, after: afterList, request: change.add.map((m) => ({ id: m.id })),
            },
      );
      lastChange = Math.max(lastChange ?? change.at, change.at);
    }
  }
  return { events, lastChange };
}
