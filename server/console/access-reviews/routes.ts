import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { ErrorCode, errorBody } from '../../http/envelope.ts';
import { invalidFields } from '../../http/invalid-fields.ts';
import { currentActor } from '../actor.ts';
import { BudgetRefused } from '../budget.ts';
import { ReviewProblem, type AccessReviews } from './service.ts';
import { membershipKey, type membershipContext } from './membership-context.ts';
import type { Review, ReviewItem } from './store.ts';

/**
 * /console-api/accounts/:accountId/access-reviews — start a review of some groups, decide keep or
 * remove per membership, apply the decisions as one change, export the evidence.
 */
const ID = /^[0-9a-f]{32}$/;
const REFRESH_EVERY_MS = 30_000;
const startBody = z.object({
  name: z.string().trim().min(1, 'Name the review').max(200, 'must be at most 200 characters'),
  group_ids: z.array(z.string().regex(ID, 'must be 32-character hex ids')).min(1, 'Choose at least one group to review').max(50),
  due_at: z.iso.date('must be a date (YYYY-MM-DD)'),
  reviewers: z.array(z.email('must be an email address').max(320)).max(20).default([]),
});
const decideBody = z.object({ decision: z.enum(['keep', 'remove']), reason: z.string().max(500, 'must be at most 500 characters').default('') });

function problem(c: Context, error: unknown) {
  if (error instanceof ReviewProblem) {
    const code = error.status === 404 ? ErrorCode.notFound : error.status === 403 ? ErrorCode.forbidden : ErrorCode.invalidField;
    return c.json(errorBody([{ code, message: error.message, ...(error.field ? { source: { pointer: `/${error.field}` } } : {}) }]), error.status);
  }
  if (error instanceof BudgetRefused) {
    const seconds = Math.ceil(error.waitMs / 1000);
    return c.json(errorBody([{ code: ErrorCode.rateLimited, message: `Cloudflare's request limit is nearly spent: try again in ${seconds} s` }]), 429, { 'Retry-After': String(seconds) });
  }
  throw error;
}

const who = () => currentActor()?.email ?? 'the local admin';

const reviewView = (r: Review) => ({
  id: r.id,
  name: r.name,
  groups: r.groups.map((g) => ({ id: g.id, name: g.name, grants_admin: g.grantsAdmin })),
  reviewers: r.reviewers,
  due_at: r.dueAt,
  created_by: r.createdBy,
  created_at: r.createdAt,
  state: r.state,
  applied_by: r.appliedBy,
  applied_at: r.appliedAt,
});

const itemView = (i: ReviewItem, context?: ReturnType<typeof membershipContext>) => ({
  id: i.id,
  group_id: i.groupId,
  group_name: i.groupName,
  grants_admin: i.grantsAdmin,
  member_id: i.memberId,
  member_email: i.memberEmail,
  member_status: i.memberStatus,
  decision: i.decision,
  reason: i.reason,
  decided_by: i.decidedBy,
  decided_at: i.decidedAt,
  outcome: i.outcome,
  applied_at: i.appliedAt,
  ...(context ? contextView(i, context) : {}),
});

/** When the membership last changed and what the person last did, from the journal (null: nothing recorded). */
function contextView(i: ReviewItem, { lastChange, lastActivity }: ReturnType<typeof membershipContext>) {
  const change = lastChange.get(membershipKey(i.groupId, i.memberId));
  const activity = i.memberEmail ? lastActivity.get(i.memberEmail.toLowerCase()) : undefined;
  return {
    last_change: change ? { at: change.at, by: change.by, action: change.action } : null,
    last_activity: activity ? { at: activity.at, action: activity.action, resource_type: activity.resourceType, resource_name: activity.resourceName } : null,
  };
}

/**
 * `refreshJournal` brings History up to date from the audit log first (History's own sync), so
 * the last change and last activity shown beside each membership are as recent as History's.
 */
export function createAccessReviewsApi(reviews: AccessReviews, refreshJournal?: (request: Request, accountId: string) => Promise<void>): Hono {
  const api = new Hono();
  const base = '/accounts/:accountId/access-reviews';
  const body = (c: Context) => c.req.json().catch(() => undefined);

  api.get(base, (c) =>
    c.json({ result: reviews.list(c.req.param('accountId')).map((r) => ({ ...reviewView(r), items: r.items, decided: r.decided, removals: r.removals })), signed_in_as: currentActor()?.email ?? null }),
  );

  api.post(base, async (c) => {
    const parsed = startBody.safeParse(await body(c));
    if (!parsed.success) return invalidFields(c, parsed.error.issues);
    const { name, group_ids: groupIds, due_at: dueAt, reviewers } = parsed.data;
    try {
      const by = who();
      const id = await reviews.start(c.req.param('accountId'), { name, groupIds, dueAt, reviewers: reviewers.length ? reviewers : [by], createdBy: by });
      return c.json({ result: { id } }, 201);
    } catch (error) {
      return problem(c, error);
    }
  });

  // The review page asks again after every decision: History is brought up to date for it at most
  // every 30 s per account (each sync is a Cloudflare request in live mode), not once per decision.
  const lastRefresh = new Map<string, number>();
  const refreshForPage = async (request: Request, accountId: string) => {
    const last = lastRefresh.get(accountId);
    if (last !== undefined && Date.now() - last < REFRESH_EVERY_MS) return;
    lastRefresh.set(accountId, Date.now());
    await refreshJournal?.(request, accountId).catch(() => undefined);
  };

  api.get(`${base}/:reviewId`, async (c) => {
    const accountId = c.req.param('accountId');
    const found = reviews.get(accountId, c.req.param('reviewId'));
    if (!found) return c.json(errorBody([{ code: ErrorCode.notFound, message: 'No such review' }]), 404);
    await refreshForPage(c.req.raw, accountId);
    const context = reviews.context(accountId, found.items);
    return c.json({ result: { ...reviewView(found.review), items: found.items.map((i) => itemView(i, context)) } });
  });

  api.put(`${base}/:reviewId/items/:itemId`, async (c) => {
    const parsed = decideBody.safeParse(await body(c));
    if (!parsed.success) return invalidFields(c, parsed.error.issues);
    try {
      const item = reviews.decide(c.req.param('accountId'), c.req.param('reviewId'), c.req.param('itemId'), parsed.data.decision, parsed.data.reason, who(), currentActor() !== null);
      return c.json({ result: itemView(item) });
    } catch (error) {
      return problem(c, error);
    }
  });

  api.post(`${base}/:reviewId/apply`, async (c) => {
    try {
      const items = await reviews.apply(c.req.param('accountId'), c.req.param('reviewId'), who());
      return c.json({ result: items.map((i) => itemView(i)) });
    } catch (error) {
      return problem(c, error);
    }
  });

  api.get(`${base}/:reviewId/evidence.csv`, async (c) => {
    await refreshJournal?.(c.req.raw, c.req.param('accountId')).catch(() => undefined);
    const csv = reviews.evidenceCsv(c.req.param('accountId'), c.req.param('reviewId'));
    if (csv === null) return c.json(errorBody([{ code: ErrorCode.notFound, message: 'No such review' }]), 404);
    return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="access-review-${c.req.param('reviewId')}.csv"` });
  });

  return api;
}
