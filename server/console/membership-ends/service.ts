import { userGroupSchema } from '../../../src/api/user-groups/schema.ts';
import { grantsAdmin } from '../../../src/lib/effective-access.ts';
import type { Finding } from '../../../src/lib/analyzer/finding.ts';
import { log } from '../../log.ts';
import { BudgetRefused, type RequestBudget } from '../budget.ts';
import { insertEntry } from '../journal/store.ts';
import { SCIM_REFUSAL, rememberScimManaged, scimManagedGroups } from '../journal/scim-managed.ts';
import type { ConsoleStorage } from '../storage.ts';
import { createV4Client, V4CallFailed, type V4Handler, type V4WriteAnswer } from '../v4-client.ts';
import { dueEnds, isFailing, nextWakeAt, retryAt } from './schedule.ts';
import { createEndStore, type MembershipEnd, type NewEnd } from './store.ts';

/**
 * Wakes the scheduler at a time: a timer on Node, the Durable Object's alarm on Workers (which
 * wakes an evicted object too). `null` means nothing is scheduled.
 */
export interface Alarm {
  wakeAt(at: number | null): void;
}
export interface AlarmFactory {
  /** What keeps the schedule: the Node process's timer (ends wait while the server is down), or a Durable Object's alarm. */
  kind: 'process-timer' | 'durable-object-alarm';
  create(run: () => Promise<void>): Alarm;
}

export interface MembershipEndsDeps {
  storage: ConsoleStorage;
  /** /client/v4 through the same handling as the dashboard's calls (counted, observed by the index). */
  handle: V4Handler;
  budget: RequestBudget;
  alarm: AlarmFactory;
  now?: () => number;
}

const membersPath = (e: Pick<MembershipEnd, 'accountId' | 'groupId'>) => `/accounts/${e.accountId}/iam/user_groups/${e.groupId}/members`;
const who = (e: MembershipEnd) => e.memberEmail ?? e.memberId;

export function createMembershipEnds({ storage, handle, budget, alarm: makeAlarm, now = Date.now }: MembershipEndsDeps) {
  const store = createEndStore(storage);
  const client = createV4Client(handle, budget);
  let running: Promise<void> | null = null;
  let runAgain = false;

  /** Someone added the person back after the grant (by hand, the dashboard or the API): their choice stands. */
  function readdedSince(e: MembershipEnd): { actor: string; at: string } | null {
    const row = storage
      .prepare(
        `SELECT actor_label, at FROM journal_entries WHERE account_id = ? AND resource_id = ? AND action IN ('add_members', 'replace_members')
           AND success = 1 AND at > ? AND after LIKE ? ORDER BY seq DESC LIMIT 1`,
      )
      .get(e.accountId, e.groupId, e.grantedAt, `%${e.memberId}%`);
    return row ? { actor: String(row.actor_label), at: String(row.at) } : null;
  }

  function journalRemoval(e: MembershipEnd, status: number, path: string) {
    insertEntry(storage, {
      accountId: e.accountId,
      at: new Date(now()).toISOString(),
      source: 'console',
      actorId: null,
      actorLabel: `IAM Console, ending access granted by ${e.grantedBy}`,
      action: 'remove_member',
      resourceType: 'user_group_members',
      resourceId: e.groupId,
      resourceName: e.groupName,
      method: 'DELETE',
      path: `/client/v4${path}`,
      request: {
        time_bound: {
          granted_by: e.grantedBy,
          granted_at: e.grantedAt,
          reason: e.reason,
          ends_at: new Date(e.endsAt).toISOString(),
        },
      },
      status,
      success: true,
      before: [{ id: e.memberId, ...(e.memberEmail ? { email: e.memberEmail } : {}) }],
      after: [],
    });
  }

  /** One end: remove the person, or close the row saying why not, or schedule another attempt. */
  async function carryOut(e: MembershipEnd): Promise<void> {
    const t = now();
    if (scimManagedGroups(storage, e.accountId).includes(e.groupId)) {
      store.close(e.id, 'left', `${e.groupName ?? 'The group'} is managed by your identity provider: remove ${who(e)} there`);
      return;
    }
    const readded = readdedSince(e);
    if (readded) {
      store.close(e.id, 'left', `Not removed: ${readded.actor} added ${who(e)} again on ${readded.at.slice(0, 16).replace('T', ' ')} UTC, after this grant`);
      return;
    }
    try {
      budget.spendForView();
    } catch (error) {
      if (error instanceof BudgetRefused) {
        store.postpone(e.id, t + Math.max(1_000, error.waitMs));
        return;
      }
      throw error;
    }
    const path = `${membersPath(e)}/${e.memberId}`;
    let answer: V4WriteAnswer;
    try {
      answer = await client.send(path, 'DELETE');
    } catch (error) {
      store.failed(e.id, error instanceof Error ? error.message : 'network failure', retryAt(e.attempts + 1, t));
      return;
    }
    const { status, message } = answer;
    if (answer.succeeded) {
      if (store.close(e.id, 'removed', `Removed by the console at the end of the grant`)) journalRemoval(e, status, path);
      return;
    }
    if (status === 404) {
      store.close(
        e.id,
        'left',
        /group/i.test(message) && !/member/i.test(message)
          ? 'Nothing to remove: the group no longer exists'
          : `Nothing to remove: ${who(e)} was no longer in the group`,
      );
      return;
    }
    if (SCIM_REFUSAL.test(message)) {
      rememberScimManaged(storage, e.accountId, e.groupId, 'refusal');
      store.close(e.id, 'left', `${e.groupName ?? 'The group'} is managed by your identity provider: remove ${who(e)} there`);
      return;
    }
    const next = answer.retryAfterSeconds !== null ? t + answer.retryAfterSeconds * 1000 : retryAt(e.attempts + 1, t);
    store.failed(e.id, `${status}: ${message}`, next);
    if (e.attempts + 1 === 1) log.warn(`membership end ${e.id}: removal refused (${status}: ${message}); retrying`);
  }

  /** One pass over what is due; a call during a pass makes the pass look again, never run twice. */
  async function runDue(): Promise<void> {
    if (running) {
      runAgain = true;
      return running;
    }
    let finished!: () => void;
    running = new Promise<void>((resolve) => (finished = resolve));
    try {
      do {
        runAgain = false;
        for (const e of dueEnds(store.open(), now())) await carryOut(e);
      } while (runAgain);
    } catch (error) {
      log.warn(`membership ends: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = null;
      finished();
      reschedule();
    }
  }

  const alarm = makeAlarm.create(runDue);
  const reschedule = () => alarm.wakeAt(nextWakeAt(store.open(), now()));

  return {
    alarmKind: makeAlarm.kind,
    /** At start: ends that passed while the server was down are due now (the catch-up). */
    start: reschedule,
    runDue,
    list: store.list,
    get: store.get,
    grant(ends: NewEnd[]): MembershipEnd[] {
      const saved = ends.map((e) => store.upsert(e));
      reschedule();
      return saved;
    },
    reschedule(accountId: string, id: string, endsAt: number): MembershipEnd | null {
      const e = store.get(accountId, id);
      if (!e || e.state !== 'scheduled') return e;
      store.reschedule(id, endsAt);
      reschedule();
      return store.get(accountId, id);
    },
    async endNow(accountId: string, id: string): Promise<MembershipEnd | null> {
      const e = store.get(accountId, id);
      if (!e || e.state !== 'scheduled') return e;
      store.reschedule(id, now());
      await runDue();
      return store.get(accountId, id);
    },
    makePermanent(accountId: string, id: string, by: string): MembershipEnd | null {
      const e = store.get(accountId, id);
      if (!e || e.state !== 'scheduled') return e;
      store.close(id, 'cancelled', `Made permanent by ${by}`);
      reschedule();
      return store.get(accountId, id);
    },
    /** Open ends past due after repeated attempts: a critical finding each. */
    failing(accountId: string): MembershipEnd[] {
      const t = now();
      return store.open().filter((e) => e.accountId === accountId && isFailing(e, t));
    },
    /** A critical finding per membership past its end that the console could not remove. */
    findings(accountId: string): Finding[] {
      const t = now();
      return store
        .open()
        .filter((e) => e.accountId === accountId && isFailing(e, t))
        .map((e) => ({
          id: `time-bound-not-removed:${e.id}`,
          kind: 'time-bound-not-removed',
          severity: 'critical',
          title: `${who(e)} is still in ${e.groupName ?? 'a group'} after their access ended`,
          why: `Their access ended ${new Date(e.endsAt).toISOString().slice(0, 16).replace('T', ' ')} UTC (granted by ${e.grantedBy}); the API refused the removal ${e.attempts} times: ${e.lastError ?? 'no answer'}.`,
          affected: [
            { kind: 'member', id: e.memberId, name: who(e) },
            { kind: 'user-group', id: e.groupId, name: e.groupName ?? e.groupId },
          ],
          fix: { action: 'Remove them from the group', target: { screen: 'group-members', groupId: e.groupId } },
        }));
    },
    /** Whether a group grants an admin permission group (a reason is then required): one read of the group. */
    async grantsAdmin(accountId: string, groupId: string): Promise<{ admin: boolean; name: string | null } | null> {
      budget.spendForView();
      try {
        const group = await client.getOne(`/accounts/${accountId}/iam/user_groups/${groupId}`, userGroupSchema);
        return { admin: grantsAdmin(group.policies ?? []), name: group.name || null };
      } catch (error) {
        // Refused or not a group: "no such group". No answer at all is the server's failure.
        if (error instanceof V4CallFailed && error.status !== 0) return null;
        throw error;
      }
    },
  };
}

export type MembershipEnds = ReturnType<typeof createMembershipEnds>;
