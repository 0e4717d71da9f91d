import { ApiError } from './api-error';
import { consoleRequest } from './client';
import { queryOptions, keepPreviousData } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { policySchema, userGroupSchema } from './user-groups/schema';

/**
 * The console server's membership index (/console-api/accounts/:id/…): who is in which group,
 * built in the background within a share of the rate limit. These calls are not Cloudflare's:
 * they cost no request of the 1,200, so they do not go through client.ts's budget.
 */
const indexStatusSchema = z.object({
  state: z.enum(['building', 'warm', 'refreshing']),
  as_of: z.nullable(z.string()),
  members_listed: z.boolean(),
  phase: z.string(),
  progress: z.object({
    members: z.number(),
    groups: z.number(),
    groups_indexed: z.number(),
    admin_groups: z._default(z.number(), 0),
    admin_groups_indexed: z._default(z.number(), 0),
  }),
  /** What the API says the account holds (null until its list answered). */
  totals: z._default(z.object({ members: z.nullable(z.number()), groups: z.nullable(z.number()) }), { members: null, groups: null }),
  last_build: z.nullable(z.object({ requests: z.number(), seconds: z.number() })),
  paused: z.nullable(z.string()),
  resumes_in_seconds: z.number(),
  budget: z.object({ limit: z.number(), index_spent: z.number(), index_allowance: z.number() }),
  last_error: z.nullable(z.string()),
});
export type IndexStatus = z.infer<typeof indexStatusSchema>;

const indexedMemberSchema = z.object({
  id: z.string(),
  email: z.string(),
  first_name: z.nullable(z.string()),
  last_name: z.nullable(z.string()),
  status: z.string(),
  last_change: z.nullable(z.string()),
});
export type IndexedMember = z.infer<typeof indexedMemberSchema>;

/** Whether the person's groups are all known: every group read, or the person looked up directly. */
const groupsKnownFields = { groups_known: z._default(z.boolean(), true), looked_up_at: z._default(z.nullable(z.string()), null) };

const memberRowSchema = z.extend(indexedMemberSchema, { groups: z.array(z.object({ id: z.string(), name: z.string() })), ...groupsKnownFields });
export type MemberRow = z.infer<typeof memberRowSchema>;

const membersPageSchema = z.object({ members: z.array(memberRowSchema), total: z.number(), index: indexStatusSchema });
/**
 * One member with what they hold directly (legacy roles, member policies): admin access reaches
 * people that way too. Unreadable grants read as none rather than take the page down.
 */
const memberDetailSchema = z.extend(indexedMemberSchema, {
  ...groupsKnownFields,
  roles: z.catch(z.optional(z.array(z.object({ id: z.optional(z.string()), name: z.optional(z.string()) }))), undefined),
  policies: z.catch(z.optional(z.array(policySchema)), undefined),
});
const memberSchema = z.object({
  member: memberDetailSchema,
  groups: z.array(userGroupSchema),
  /** Groups whose members the index has not read (the person may be in some, unless groups_known). */
  groups_unread: z._default(z.number(), 0),
  index: indexStatusSchema,
});
const groupsSchema = z.object({
  groups: z.array(z.object({ id: z.string(), name: z.string(), member_count: z.number(), grants_admin: z.optional(z.boolean()) })),
  index: indexStatusSchema,
});

/** A failed index call is an ApiError: `status` 404 on a member means "no such member", 503 "not indexed yet". */
function call<S extends z.ZodMiniType>(url: string, schema: S, init?: { method?: 'POST'; body?: unknown }): Promise<z.infer<S>> {
  return consoleRequest(url, { schema, ...init });
}

const base = (accountId: string) => `/console-api/accounts/${encodeURIComponent(accountId)}`;

export interface MemberSearchParams {
  q?: string;
  status?: 'accepted' | 'pending';
  group?: string;
  sort?: 'email' | 'name' | 'last_change' | 'groups';
  direction?: 'asc' | 'desc';
  page: number;
  per_page: number;
}

export const membershipIndexKeys = {
  all: (accountId: string) => ['accounts', accountId, 'membership-index'] as const,
  status: (accountId: string) => [...membershipIndexKeys.all(accountId), 'status'] as const,
  members: (accountId: string, params: MemberSearchParams) => [...membershipIndexKeys.all(accountId), 'members', params] as const,
  member: (accountId: string, memberId: string) => [...membershipIndexKeys.all(accountId), 'member', memberId] as const,
  groups: (accountId: string, q: string) => [...membershipIndexKeys.all(accountId), 'groups', q] as const,
  memberCounts: (accountId: string, groupIds: readonly string[]) => [...membershipIndexKeys.all(accountId), 'member-counts', groupIds] as const,
  memberNames: (accountId: string, memberIds: readonly string[]) => [...membershipIndexKeys.all(accountId), 'member-names', memberIds] as const,
};

/** While the index builds, views re-ask every 2 s; once warm, every 30 s (it is free). */
const pollWhileBuilding = (index: IndexStatus | undefined) => (index && index.state === 'warm' ? 30_000 : 2_000);

export function indexedMembersQuery(accountId: string, params: MemberSearchParams) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  return queryOptions({
    queryKey: membershipIndexKeys.members(accountId, params),
    queryFn: () => call(`${base(accountId)}/members?${search}`, membersPageSchema),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => pollWhileBuilding(query.state.data?.index),
  });
}

export function indexedMemberQuery(accountId: string, memberId: string) {
  return queryOptions({
    queryKey: membershipIndexKeys.member(accountId, memberId),
    queryFn: () => call(`${base(accountId)}/members/${encodeURIComponent(memberId)}`, memberSchema),
    // 503: the members list is still being indexed; ask again shortly. 404: no such member.
    retry: (count, error) => error instanceof ApiError && error.status === 503 && count < 60,
    retryDelay: 2_000,
    refetchInterval: (query) => pollWhileBuilding(query.state.data?.index),
  });
}

export function indexedGroupsQuery(accountId: string, q: string) {
  return queryOptions({
    queryKey: membershipIndexKeys.groups(accountId, q),
    queryFn: () => call(`${base(accountId)}/membership-index/groups?q=${encodeURIComponent(q)}`, groupsSchema),
    placeholderData: keepPreviousData,
  });
}

const memberCountsSchema = z.object({ counts: z.record(z.string(), z.nullable(z.number())), index: indexStatusSchema });

/** Members per group for one page of the groups list, in one call; null = not indexed yet. */
export function memberCountsQuery(accountId: string, groupIds: readonly string[]) {
  return queryOptions({
    queryKey: membershipIndexKeys.memberCounts(accountId, groupIds),
    queryFn: () =>
      call(`${base(accountId)}/membership-index/member-counts`, memberCountsSchema, {
        method: 'POST',
        body: { group_ids: groupIds },
      }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => pollWhileBuilding(query.state.data?.index),
  });
}

const memberNamesSchema = z.object({ names: z.record(z.string(), z.nullable(z.string())), index: indexStatusSchema });

/**
 * Names for one page of a group's members (the API's list has only id, email and status), in one
 * call: "First Last", null when the account has none; an id missing is not indexed yet.
 */
export function memberNamesQuery(accountId: string, memberIds: readonly string[]) {
  return queryOptions({
    queryKey: membershipIndexKeys.memberNames(accountId, memberIds),
    queryFn: () =>
      call(`${base(accountId)}/membership-index/member-names`, memberNamesSchema, {
        method: 'POST',
        body: { member_ids: memberIds },
      }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => pollWhileBuilding(query.state.data?.index),
  });
}

const indexedGroupSchema = z.extend(userGroupSchema, { member_count: z.nullable(z.number()), grants_admin: z.boolean() });
export type IndexedGroup = z.infer<typeof indexedGroupSchema>;
const indexedGroupsPageSchema = z.object({ groups: z.array(indexedGroupSchema), total: z.number(), unread: z.number(), index: indexStatusSchema });

export interface IndexedGroupsParams {
  q?: string;
  sort: 'name' | 'members' | 'policies' | 'created_on' | 'modified_on';
  direction: 'asc' | 'desc';
  filter?: 'admin' | 'empty';
  page: number;
  per_page: number;
}

/** The account's groups sorted or filtered over the whole account (the API sorts by name, a page at a time). */
export function indexedUserGroupsQuery(accountId: string, params: IndexedGroupsParams) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  return queryOptions({
    queryKey: [...membershipIndexKeys.all(accountId), 'user-groups', params] as const,
    queryFn: () => call(`${base(accountId)}/membership-index/user-groups?${search}`, indexedGroupsPageSchema),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => pollWhileBuilding(query.state.data?.index),
  });
}

const resolvedEmailsSchema = z.object({ found: z.array(indexedMemberSchema), unknown: z.array(z.string()), index: indexStatusSchema });

/** Which pasted emails the index knows as members (no Cloudflare request); `unknown` may still need the API. */
export function resolveEmailsFromIndex(accountId: string, emails: readonly string[]) {
  return call(`${base(accountId)}/membership-index/resolve-emails`, resolvedEmailsSchema, { method: 'POST', body: { emails } });
}

export function refreshMembershipIndex(accountId: string) {
  return call(`${base(accountId)}/membership-index/refresh`, indexStatusSchema, { method: 'POST' });
}
