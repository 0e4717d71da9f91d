import type { AccessSnapshot } from '../../../src/lib/analyzer/snapshot.ts';
import type { Finding } from '../../../src/lib/analyzer/finding.ts';
import { groupMemberSchema, userGroupSchema } from '../../../src/api/user-groups/schema.ts';
import { grantsAdmin } from '../../../src/lib/effective-access.ts';
import type { RequestBudget } from '../budget.ts';
import { insertEntry } from '../journal/store.ts';
import type { ConsoleStorage } from '../storage.ts';
import { createV4Client, V4CallFailed, type V4Handler } from '../v4-client.ts';
import { membershipContext, membershipKey } from './membership-context.ts';
import { createReviewStore, type Decision, type Review, type ReviewItem, type ReviewedGroup } from './store.ts';

/** A review covers this many groups at most: each costs a read of its members when it starts. */
export const MAX_REVIEW_GROUPS = 50;
/** Admin access not covered by an applied review for this long is a finding. */
export const REVIEW_EVERY_DAYS = 90;
const PER_PAGE = 500;

/** Refused before anything is kept: the message says what to change. */
export class ReviewProblem extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 502,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface AccessReviewDeps {
  storage: ConsoleStorage;
  handle: V4Handler;
  budget: RequestBudget;
  now?: () => number;
}

export function createAccessReviews({ storage, handle, budget, now = Date.now }: AccessReviewDeps) {
  const store = createReviewStore(storage);

  const client = createV4Client(handle, budget);

  /** The group as it is now, and every member: the population the review decides on. */
  async function readGroup(accountId: string, groupId: string): Promise<{ group: ReviewedGroup; members: Array<{ id: string; email: string | null; status: string | null }> }> {
    const groupPath = `/accounts/${accountId}/iam/user_groups/${groupId}`;
    let group;
    budget.spendForView();
    try {
      group = await client.getOne(groupPath, userGroupSchema);
    } catch (error) {
      if (error instanceof V4CallFailed && (error.status === 404 || (error.status >= 400 && error.status < 500 && error.status !== 429))) {
        throw new ReviewProblem(404, `No user group ${groupId} in this account`, 'group_ids');
      }
      throw new ReviewProblem(502, `The API could not read group ${groupId}; try again`);
    }
    const members: Array<{ id: string; email: string | null; status: string | null }> = [];
    for (let page = 1; page <= 100; page++) {
      let answer;
      budget.spendForView();
      try {
        answer = await client.get(`${groupPath}/members`, groupMemberSchema, { page, per_page: PER_PAGE });
      } catch {
        throw new ReviewProblem(502, `The API could not list the members of ${group.name}; try again`);
      }
      members.push(...answer.result.map((m) => ({ id: m.id, email: m.email ?? null, status: m.status ?? null })));
      if (answer.result.length < PER_PAGE || (answer.totalPages !== null && page >= answer.totalPages)) break;
    }
    return { group: { id: group.id, name: group.name, grantsAdmin: grantsAdmin(group.policies ?? []) }, members };
  }

  return {
    list: (accountId: string) => store.list(accountId),
    get(accountId: string, id: string): { review: Review; items: ReviewItem[] } | null {
      const review = store.get(accountId, id);
      return review ? { review, items: store.items(id) } : null;
    },
    /** When each membership last changed and what each person last did, from the journal. */
    context: (accountId: string, items: ReviewItem[]) => membershipContext(storage, accountId, items),

    async start(accountId: string, input: { name: string; groupIds: string[]; dueAt: string; reviewers: string[]; createdBy: string }): Promise<string> {
      const ids = [...new Set(input.groupIds)];
      if (ids.length === 0) throw new ReviewProblem(400, 'Choose at least one group to review', 'group_ids');
      if (ids.length > MAX_REVIEW_GROUPS) throw new ReviewProblem(400, `A review covers at most ${MAX_REVIEW_GROUPS} groups; split it`, 'group_ids');
      const read = [];
      for (const id of ids) read.push(await readGroup(accountId, id));
      const items = read.flatMap(({ group, members }) =>
        members.map((m) => ({ groupId: group.id, groupName: group.name, grantsAdmin: group.grantsAdmin, memberId: m.id, memberEmail: m.email, memberStatus: m.status })),
      );
      return store.create({ accountId, name: input.name, groups: read.map((r) => r.group), reviewers: input.reviewers, dueAt: input.dueAt, createdBy: input.createdBy }, items);
    },

    /** `signedIn`: team mode's Access identity; only the review's reviewers decide there. */
    decide(accountId: string, reviewId: string, itemId: string, decision: Decision, reason: string, by: string, signedIn = false): ReviewItem {
      const review = store.get(accountId, reviewId);
      if (!review) throw new ReviewProblem(404, 'No such review');
      if (signedIn && !review.reviewers.some((r) => r.toLowerCase() === by.toLowerCase())) {
        throw new ReviewProblem(403, `Only this review's reviewers decide (${review.reviewers.join(', ')}); you are signed in as ${by}`);
      }
      if (review.state !== 'open') throw new ReviewProblem(409, 'This review was applied; its decisions are final');
      if (decision === 'remove' && !reason.trim()) throw new ReviewProblem(400, 'Say why this person loses the access', 'reason');
      if (!store.decide(reviewId, itemId, decision, reason.trim(), by)) throw new ReviewProblem(404, 'No such membership in this review');
      return store.items(reviewId).find((i) => i.id === itemId)!;
    },

    /**
     * Applies the decisions: each removal through /client/v4 (counted by the budget, journaled with
     * the review and who decided), checked first against the group as it is now — someone already
     * gone is reported, not removed again. Every decision must be made before applying.
     */
    async apply(accountId: string, reviewId: string, by: string): Promise<ReviewItem[]> {
      const review = store.get(accountId, reviewId);
      if (!review) throw new ReviewProblem(404, 'No such review');
      if (review.state !== 'open') throw new ReviewProblem(409, 'This review was already applied');
      const items = store.items(reviewId);
      const undecided = items.filter((i) => !i.decision).length;
      if (undecided) throw new ReviewProblem(409, `${undecided} ${undecided === 1 ? 'membership has' : 'memberships have'} no decision yet`);
      for (const item of items) {
        if (item.appliedAt) continue;
        if (item.decision === 'keep') {
          store.itemDone(item.id, 'Kept');
          continue;
        }
        const path = `/accounts/${accountId}/iam/user_groups/${item.groupId}/members/${item.memberId}`;
        budget.spendForView();
        const answer = await client.send(path, 'DELETE').catch((error: V4CallFailed) => ({ status: 0, succeeded: false, message: error.message }));
        if (answer.succeeded) {
          store.itemDone(item.id, 'Removed');
          insertEntry(storage, {
            accountId,
            at: new Date(now()).toISOString(),
            source: 'console',
            actorId: null,
            actorLabel: `IAM Console, access review “${review.name}” (decided by ${item.decidedBy ?? by}, applied by ${by})`,
            action: 'remove_member',
            resourceType: 'user_group_members',
            resourceId: item.groupId,
            resourceName: item.groupName,
            method: 'DELETE',
            path: `/client/v4${path}`,
            request: { access_review: { id: reviewId, name: review.name, reason: item.reason } },
            status: answer.status,
            success: true,
            before: [{ id: item.memberId, ...(item.memberEmail ? { email: item.memberEmail } : {}) }],
            after: [],
          });
        } else if (answer.status === 404) {
          store.itemDone(item.id, 'Already gone: no longer in the group when the review was applied');
        } else {
          // Stop at the first refusal: the rest stay to apply again, each once.
          throw new ReviewProblem(502, `Removing ${item.memberEmail ?? item.memberId} from ${item.groupName} was refused: ${answer.message}`);
        }
      }
      store.applied(reviewId, by);
      return store.items(reviewId);
    },

    /** The evidence, one row per decision, as CSV (RFC 4180 quoting). */
    evidenceCsv(accountId: string, reviewId: string): string | null {
      const review = store.get(accountId, reviewId);
      if (!review) return null;
      const cell = (v: string | null | undefined) => {
        const s = v ?? '';
        // A leading = + - @ would run as a formula in a spreadsheet.
        const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
        return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
      };
      const head = ['review', 'reviewers', 'due', 'group', 'grants_admin', 'member', 'member_status', 'decision', 'reason', 'decided_by', 'decided_at', 'outcome', 'applied_at', 'membership_last_changed', 'membership_last_changed_by', 'member_last_activity'];
      const items = store.items(reviewId);
      const { lastChange, lastActivity } = membershipContext(storage, accountId, items);
      const rows = items.map((i) => {
        const change = lastChange.get(membershipKey(i.groupId, i.memberId));
        const activity = i.memberEmail ? lastActivity.get(i.memberEmail.toLowerCase()) : undefined;
        return [
          review.name, review.reviewers.join(' '), review.dueAt, i.groupName, i.grantsAdmin ? 'yes' : 'no', i.memberEmail ?? i.memberId, i.memberStatus, i.decision, i.reason, i.decidedBy, i.decidedAt, i.outcome, i.appliedAt,
          change?.at, change?.by, activity?.at,
        ]
          .map(cell)
          .join(',');
      });
      return [head.join(','), ...rows].join('\r\n') + '\r\n';
    },

    /** Reviews past due, and groups granting admin access with members that no applied review covered in 90 days. */
    findings(accountId: string, snapshot: AccessSnapshot): Finding[] {
      const t = now();
      const overdue: Finding[] = store.overdue(accountId, new Date(t).toISOString()).map((r) => ({
        id: `access-review-overdue:${r.id}`,
        kind: 'access-review-overdue',
        severity: 'warning',
        title: `Access review “${r.name}” is past its due date`,
        why: `It was due ${r.dueAt.slice(0, 10)}; until its decisions are applied, the access it covers stands unreviewed.`,
        affected: r.groups.slice(0, 10).map((g) => ({ kind: 'user-group', id: g.id, name: g.name })),
        fix: { action: 'Finish the review', target: { screen: 'access-review', reviewId: r.id } },
      }));
      if (snapshot.memberships === null) return overdue;
      const withMembers = new Set(snapshot.memberships.filter((m) => m.memberIds.length > 0).map((m) => m.groupId));
      const last = store.lastReviewed(accountId);
      const cutoff = new Date(t - REVIEW_EVERY_DAYS * 86_400_000).toISOString();
      const stale: Finding[] = snapshot.userGroups
        .filter((g) => withMembers.has(g.id) && grantsAdmin(g.policies ?? []) && (last.get(g.id) ?? '') < cutoff)
        .map((g) => ({
          id: `admin-grant-not-reviewed:${g.id}`,
          kind: 'admin-grant-not-reviewed',
          severity: 'info',
          title: `Administrator access through ${g.name} not reviewed in ${REVIEW_EVERY_DAYS} days`,
          why: last.has(g.id) ? `Last reviewed ${last.get(g.id)!.slice(0, 10)}.` : 'No access review has covered this group yet: audits ask who approved each admin.',
          affected: [{ kind: 'user-group', id: g.id, name: g.name }],
          fix: { action: 'Start an access review', target: { screen: 'access-reviews' } },
        }));
      return [...overdue, ...stale];
    },
  };
}

export type AccessReviews = ReturnType<typeof createAccessReviews>;
