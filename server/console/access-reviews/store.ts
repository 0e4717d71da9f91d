import { randomUUID } from 'node:crypto';
import type { ConsoleStorage } from '../storage.ts';

export type ReviewState = 'open' | 'applied';
export type Decision = 'keep' | 'remove';

export interface ReviewedGroup {
  id: string;
  name: string;
  grantsAdmin: boolean;
}

export interface Review {
  id: string;
  accountId: string;
  name: string;
  groups: ReviewedGroup[];
  reviewers: string[];
  dueAt: string;
  createdBy: string;
  createdAt: string;
  state: ReviewState;
  appliedBy: string | null;
  appliedAt: string | null;
}

export interface ReviewItem {
  id: string;
  reviewId: string;
  groupId: string;
  groupName: string;
  grantsAdmin: boolean;
  memberId: string;
  memberEmail: string | null;
  memberStatus: string | null;
  decision: Decision | null;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  outcome: string | null;
  appliedAt: string | null;
}

export type NewItem = Pick<ReviewItem, 'groupId' | 'groupName' | 'grantsAdmin' | 'memberId' | 'memberEmail' | 'memberStatus'>;

const reviewOf = (r: Record<string, unknown>): Review => ({
  id: String(r.id),
  accountId: String(r.account_id),
  name: String(r.name),
  groups: JSON.parse(String(r.groups)) as ReviewedGroup[],
  reviewers: JSON.parse(String(r.reviewers)) as string[],
  dueAt: String(r.due_at),
  createdBy: String(r.created_by),
  createdAt: String(r.created_at),
  state: r.state as ReviewState,
  appliedBy: (r.applied_by as string | null) ?? null,
  appliedAt: (r.applied_at as string | null) ?? null,
});

const itemOf = (r: Record<string, unknown>): ReviewItem => ({
  id: String(r.id),
  reviewId: String(r.review_id),
  groupId: String(r.group_id),
  groupName: String(r.group_name),
  grantsAdmin: Number(r.grants_admin) === 1,
  memberId: String(r.member_id),
  memberEmail: (r.member_email as string | null) ?? null,
  memberStatus: (r.member_status as string | null) ?? null,
  decision: (r.decision as Decision | null) ?? null,
  reason: (r.reason as string | null) ?? null,
  decidedBy: (r.decided_by as string | null) ?? null,
  decidedAt: (r.decided_at as string | null) ?? null,
  outcome: (r.outcome as string | null) ?? null,
  appliedAt: (r.applied_at as string | null) ?? null,
});

export function createReviewStore(storage: ConsoleStorage) {
  return {
    create(review: Pick<Review, 'accountId' | 'name' | 'groups' | 'reviewers' | 'dueAt' | 'createdBy'>, items: NewItem[], at = new Date().toISOString()): string {
      const id = randomUUID().replaceAll('-', '');
      storage.transaction(() => {
        storage
          .prepare(`INSERT INTO access_reviews (id, account_id, name, groups, reviewers, due_at, created_by, created_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open')`)
          .run(id, review.accountId, review.name, JSON.stringify(review.groups), JSON.stringify(review.reviewers), review.dueAt, review.createdBy, at);
        const insert = storage.prepare(
          `INSERT INTO access_review_items (id, review_id, position, group_id, group_name, grants_admin, member_id, member_email, member_status)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        items.forEach((item, i) =>
          insert.run(randomUUID(), id, i, item.groupId, item.groupName, item.grantsAdmin ? 1 : 0, item.memberId, item.memberEmail, item.memberStatus),
        );
      });
      return id;
    },
    list(accountId: string): Array<Review & { items: number; decided: number; removals: number }> {
      return storage
        .prepare(
          `SELECT r.*, COUNT(i.id) AS items, COUNT(i.decision) AS decided, SUM(CASE WHEN i.decision = 'remove' THEN 1 ELSE 0 END) AS removals
             FROM access_reviews r LEFT JOIN access_review_items i ON i.review_id = r.id
            WHERE r.account_id = ? GROUP BY r.id ORDER BY r.created_at DESC LIMIT 200`,
        )
        .all(accountId)
        .map((r) => ({ ...reviewOf(r), items: Number(r.items), decided: Number(r.decided), removals: Number(r.removals ?? 0) }));
    },
    get(accountId: string, id: string): Review | null {
      const row = storage.prepare('SELECT * FROM access_reviews WHERE id = ? AND account_id = ?').get(id, accountId);
      return row ? reviewOf(row) : null;
    },
    items(reviewId: string): ReviewItem[] {
      return storage.prepare('SELECT * FROM access_review_items WHERE review_id = ? ORDER BY position').all(reviewId).map(itemOf);
    },
    decide(reviewId: string, itemId: string, decision: Decision, reason: string, by: string, at = new Date().toISOString()): boolean {
      return (
        storage
          .prepare(`UPDATE access_review_items SET decision = ?, reason = ?, decided_by = ?, decided_at = ? WHERE id = ? AND review_id = ? AND applied_at IS NULL`)
          .run(decision, reason, by, at, itemId, reviewId).changes === 1
      );
    },
    itemDone(itemId: string, outcome: string, at = new Date().toISOString()): void {
      storage.prepare('UPDATE access_review_items SET outcome = ?, applied_at = ? WHERE id = ?').run(outcome, at, itemId);
    },
    applied(reviewId: string, by: string, at = new Date().toISOString()): void {
      storage.prepare(`UPDATE access_reviews SET state = 'applied', applied_by = ?, applied_at = ? WHERE id = ?`).run(by, at, reviewId);
    },
    /** When each group was last covered by an applied review (for "admin grants not reviewed in 90 days"). */
    lastReviewed(accountId: string): Map<string, string> {
      const last = new Map<string, string>();
      for (const row of storage.prepare(`SELECT groups, applied_at FROM access_reviews WHERE account_id = ? AND state = 'applied'`).all(accountId)) {
        for (const g of JSON.parse(String(row.groups)) as ReviewedGroup[]) {
          const at = String(row.applied_at);
          if ((last.get(g.id) ?? '') < at) last.set(g.id, at);
        }
      }
      return last;
    },
    /** Open reviews past their due date. */
    overdue(accountId: string, now: string): Review[] {
      return storage.prepare(`SELECT * FROM access_reviews WHERE account_id = ? AND state = 'open' AND due_at < ?`).all(accountId, now).map(reviewOf);
    },
  };
}

export type ReviewStore = ReturnType<typeof createReviewStore>;
