import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { consoleRequest } from './client';

/** Access reviews (/console-api/accounts/:id/access-reviews): keep or remove each membership of some groups, applied once, with evidence. */
const reviewedGroupSchema = z.object({ id: z.string(), name: z.string(), grants_admin: z.boolean() });

const reviewSchema = z.object({
  id: z.string(),
  name: z.string(),
  groups: z.array(reviewedGroupSchema),
  reviewers: z.array(z.string()),
  due_at: z.string(),
  created_by: z.string(),
  created_at: z.string(),
  state: z.enum(['open', 'applied']),
  applied_by: z.nullable(z.string()),
  applied_at: z.nullable(z.string()),
});

export const reviewItemSchema = z.object({
  id: z.string(),
  group_id: z.string(),
  group_name: z.string(),
  grants_admin: z.boolean(),
  member_id: z.string(),
  member_email: z.nullable(z.string()),
  member_status: z.nullable(z.string()),
  decision: z.nullable(z.enum(['keep', 'remove'])),
  reason: z.nullable(z.string()),
  decided_by: z.nullable(z.string()),
  decided_at: z.nullable(z.string()),
  outcome: z.nullable(z.string()),
  applied_at: z.nullable(z.string()),
  /** From History (the journal): absent on a single decision's answer, null when nothing is recorded. */
  last_change: z.optional(z.nullable(z.object({ at: z.string(), by: z.string(), action: z.string() }))),
  last_activity: z.optional(z.nullable(z.object({ at: z.string(), action: z.string(), resource_type: z.string(), resource_name: z.nullable(z.string()) }))),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

const listSchema = z.object({
  result: z.array(z.extend(reviewSchema, { items: z.number(), decided: z.number(), removals: z.number() })),
  signed_in_as: z.nullable(z.string()),
});
const detailSchema = z.object({ result: z.extend(reviewSchema, { items: z.array(reviewItemSchema) }) });
export type ReviewDetail = z.infer<typeof detailSchema>['result'];

const base = (accountId: string) => `/console-api/accounts/${encodeURIComponent(accountId)}/access-reviews`;

export const accessReviewKeys = {
  all: (accountId: string) => ['access-reviews', accountId] as const,
  detail: (accountId: string, id: string) => ['access-reviews', accountId, id] as const,
};

export function accessReviewsQuery(accountId: string) {
  return queryOptions({ queryKey: accessReviewKeys.all(accountId), queryFn: () => consoleRequest(base(accountId), { schema: listSchema }) });
}

export function accessReviewQuery(accountId: string, id: string) {
  return queryOptions({
    queryKey: accessReviewKeys.detail(accountId, id),
    queryFn: async () => (await consoleRequest(`${base(accountId)}/${encodeURIComponent(id)}`, { schema: detailSchema })).result,
  });
}

export async function startReview(accountId: string, input: { name: string; groupIds: string[]; dueAt: string; reviewers: string[] }): Promise<string> {
  const body = { name: input.name, group_ids: input.groupIds, due_at: input.dueAt, reviewers: input.reviewers };
  return (await consoleRequest(base(accountId), { method: 'POST', body, schema: z.object({ result: z.object({ id: z.string() }) }) })).result.id;
}

export async function decide(accountId: string, reviewId: string, itemId: string, decision: 'keep' | 'remove', reason: string): Promise<ReviewItem> {
  const url = `${base(accountId)}/${encodeURIComponent(reviewId)}/items/${encodeURIComponent(itemId)}`;
  return (await consoleRequest(url, { method: 'PUT', body: { decision, reason }, schema: z.object({ result: reviewItemSchema }) })).result;
}

export async function applyReview(accountId: string, reviewId: string): Promise<ReviewItem[]> {
  return (await consoleRequest(`${base(accountId)}/${encodeURIComponent(reviewId)}/apply`, { method: 'POST', schema: z.object({ result: z.array(reviewItemSchema) }) })).result;
}

/** Where the evidence CSV downloads from (a plain link: the browser saves it). */
export const evidenceCsvUrl = (accountId: string, reviewId: string) => `${base(accountId)}/${encodeURIComponent(reviewId)}/evidence.csv`;
