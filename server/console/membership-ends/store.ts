import { randomUUID } from 'node:crypto';
import type { ConsoleStorage } from '../storage.ts';

export type EndState = 'scheduled' | 'removed' | 'left' | 'cancelled';

export interface MembershipEnd {
  id: string;
  accountId: string;
  groupId: string;
  groupName: string | null;
  memberId: string;
  memberEmail: string | null;
  grantedAt: string;
  grantedBy: string;
  reason: string | null;
  endsAt: number;
  state: EndState;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  /** What the console did or did not do, in words, once the row is closed. */
  outcome: string | null;
  finishedAt: string | null;
}

export type NewEnd = Pick<MembershipEnd, 'accountId' | 'groupId' | 'groupName' | 'memberId' | 'memberEmail' | 'grantedBy' | 'reason' | 'endsAt'> & {
  grantedAt?: string;
};

function fromRow(r: Record<string, unknown>): MembershipEnd {
  return {
    id: String(r.id),
    accountId: String(r.account_id),
    groupId: String(r.group_id),
    groupName: (r.group_name as string | null) ?? null,
    memberId: String(r.member_id),
    memberEmail: (r.member_email as string | null) ?? null,
    grantedAt: String(r.granted_at),
    grantedBy: String(r.granted_by),
    reason: (r.reason as string | null) ?? null,
    endsAt: Number(r.ends_at),
    state: r.state as EndState,
    attempts: Number(r.attempts),
    nextAttemptAt: Number(r.next_attempt_at),
    lastError: (r.last_error as string | null) ?? null,
    outcome: (r.outcome as string | null) ?? null,
    finishedAt: (r.finished_at as string | null) ?? null,
  };
}

export function createEndStore(storage: ConsoleStorage) {
  const byId = storage.prepare('SELECT * FROM membership_ends WHERE id = ?');
  return {
    /** A new end, or the open end of the same membership moved to the new time (one open end per membership). */
    upsert(e: NewEnd): MembershipEnd {
      return storage.transaction(() => {
        const open = storage
          .prepare(`SELECT id FROM membership_ends WHERE account_id = ? AND group_id = ? AND member_id = ? AND state = 'scheduled'`)
          .get(e.accountId, e.groupId, e.memberId);
        if (open) {
          storage
            .prepare('UPDATE membership_ends SET ends_at = ?, next_attempt_at = ?, attempts = 0, last_error = NULL, reason = COALESCE(?, reason) WHERE id = ?')
            .run(e.endsAt, e.endsAt, e.reason, String(open.id));
          return fromRow(byId.get(String(open.id))!);
        }
        const id = randomUUID();
        storage
          .prepare(
            `INSERT INTO membership_ends (id, account_id, group_id, group_name, member_id, member_email, granted_at, granted_by, reason, ends_at, state, next_attempt_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'scheduled', ?)`,
          )
          .run(
            id,
            e.accountId,
            e.groupId,
            e.groupName,
            e.memberId,
            e.memberEmail,
            e.grantedAt ?? new Date().toISOString(),
            e.grantedBy,
            e.reason,
            e.endsAt,
            e.endsAt,
          );
        return fromRow(byId.get(id)!);
      });
    },
    get(accountId: string, id: string): MembershipEnd | null {
      const row = byId.get(id);
      return row && row.account_id === accountId ? fromRow(row) : null;
    },
    /** Every open end, of every account (the scheduler's view). */
    open(): MembershipEnd[] {
      return storage.prepare(`SELECT * FROM membership_ends WHERE state = 'scheduled'`).all().map(fromRow);
    },
    /** An account's ends: open ones first by end, then the closed ones of the last `closedDays` days. */
    list(
      accountId: string,
      filter: {
        groupId?: string;
        memberId?: string;
        closedSince?: string;
      } = {},
    ): MembershipEnd[] {
      const since = filter.closedSince ?? new Date(Date.now() - 30 * 86_400_000).toISOString();
      return storage
        .prepare(
          `SELECT * FROM membership_ends WHERE account_id = ? AND (? IS NULL OR group_id = ?) AND (? IS NULL OR member_id = ?)
             AND (state = 'scheduled' OR finished_at >= ?)
           ORDER BY state <> 'scheduled', ends_at LIMIT 1000`,
        )
        .all(accountId, filter.groupId ?? null, filter.groupId ?? null, filter.memberId ?? null, filter.memberId ?? null, since)
        .map(fromRow);
    },
    reschedule(id: string, endsAt: number): void {
      storage
        .prepare(`UPDATE membership_ends SET ends_at = ?, next_attempt_at = ?, attempts = 0, last_error = NULL WHERE id = ? AND state = 'scheduled'`)
        .run(endsAt, endsAt, id);
    },
    /** A failed attempt: counted, and tried again at `nextAttemptAt`. */
    failed(id: string, error: string, nextAttemptAt: number): void {
      storage
        .prepare(`UPDATE membership_ends SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ? AND state = 'scheduled'`)
        .run(error, nextAttemptAt, id);
    },
    /** Waiting for the request budget is not a failure: only the next attempt moves. */
    postpone(id: string, nextAttemptAt: number): void {
      storage.prepare(`UPDATE membership_ends SET next_attempt_at = ? WHERE id = ? AND state = 'scheduled'`).run(nextAttemptAt, id);
    },
    close(id: string, state: Exclude<EndState, 'scheduled'>, outcome: string, at = new Date().toISOString()): boolean {
      return (
        storage.prepare(`UPDATE membership_ends SET state = ?, outcome = ?, finished_at = ? WHERE id = ? AND state = 'scheduled'`).run(state, outcome, at, id)
          .changes === 1
      );
    },
  };
}

export type EndStore = ReturnType<typeof createEndStore>;
