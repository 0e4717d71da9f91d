import { queryOptions, type QueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { consoleRequest } from './client';

/**
 * Time-bound memberships (/console-api/accounts/:id/membership-ends): when someone's access to a
 * group ends. The console server removes them at that time through /client/v4, with or without a
 * browser open (server/console/membership-ends/).
 */
export const membershipEndSchema = z.object({
  id: z.string(),
  group_id: z.string(),
  group_name: z.nullable(z.string()),
  member_id: z.string(),
  member_email: z.nullable(z.string()),
  granted_at: z.string(),
  granted_by: z.string(),
  reason: z.nullable(z.string()),
  ends_at: z.string(),
  state: z.enum(['scheduled', 'removed', 'left', 'cancelled']),
  attempts: z.number(),
  next_attempt_at: z.nullable(z.string()),
  last_error: z.nullable(z.string()),
  outcome: z.nullable(z.string()),
  finished_at: z.nullable(z.string()),
});
export type MembershipEnd = z.infer<typeof membershipEndSchema>;

const listSchema = z.object({
  result: z.array(membershipEndSchema),
  /** What wakes the schedule: this computer's server process, or the team deployment's Durable Object. */
  kept_by: z.enum(['process-timer', 'durable-object-alarm']),
  now: z.string(),
});
export type MembershipEndList = z.infer<typeof listSchema>;

const one = z.object({ result: membershipEndSchema });
const many = z.object({ result: z.array(membershipEndSchema) });

const base = (accountId: string) => `/console-api/accounts/${encodeURIComponent(accountId)}/membership-ends`;

export const membershipEndKeys = {
  all: (accountId: string) => ['membership-ends', accountId] as const,
  list: (accountId: string, filter: { group?: string; member?: string }) => ['membership-ends', accountId, filter] as const,
};

export function membershipEndsQuery(accountId: string, filter: { group?: string; member?: string } = {}) {
  const search = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return queryOptions({
    queryKey: membershipEndKeys.list(accountId, filter),
    queryFn: () => consoleRequest(`${base(accountId)}${search ? `?${search}` : ''}`, { schema: listSchema }),
    staleTime: 15_000,
    // An end passing changes the list on the server: look again while anything is scheduled.
    refetchInterval: (query) => (query.state.data?.result.some((e) => e.state === 'scheduled') ? 30_000 : false),
  });
}

export interface GrantEnd {
  groupId: string;
  members: Array<{ id: string; email?: string }>;
  endsAt: Date;
  reason?: string;
}

export async function grantEnds(accountId: string, grant: GrantEnd): Promise<MembershipEnd[]> {
  const body = { group_id: grant.groupId, members: grant.members, ends_at: grant.endsAt.toISOString(), ...(grant.reason ? { reason: grant.reason } : {}) };
  return (await consoleRequest(base(accountId), { method: 'POST', body, schema: many })).result;
}

export async function moveEnd(accountId: string, id: string, endsAt: Date): Promise<MembershipEnd> {
  return (await consoleRequest(`${base(accountId)}/${encodeURIComponent(id)}`, { method: 'PUT', body: { ends_at: endsAt.toISOString() }, schema: one })).result;
}

export async function endNow(accountId: string, id: string): Promise<MembershipEnd> {
  return (await consoleRequest(`${base(accountId)}/${encodeURIComponent(id)}/end-now`, { method: 'POST', schema: one })).result;
}

export async function makePermanent(accountId: string, id: string): Promise<MembershipEnd> {
  return (await consoleRequest(`${base(accountId)}/${encodeURIComponent(id)}`, { method: 'DELETE', schema: one })).result;
}

export function invalidateMembershipEnds(qc: QueryClient, accountId: string) {
  return qc.invalidateQueries({ queryKey: membershipEndKeys.all(accountId) });
}
