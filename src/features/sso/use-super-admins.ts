import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { listAccountMembers } from '@/api/account-members/endpoints';
import { accountKeys } from '@/api/accounts/queries';
import { allUserGroupsQuery, groupMembersAllQuery } from '@/api/user-groups/queries';
import type { AccountMember } from '@/api/account-members/schema';
import { groupsNamingSuperAdmin, superAdministrators, type SuperAdmin } from '@/lib/analyzer/super-admins';

/** Account members are listed 50 at a time; past this many pages the check says it is partial. */
const MEMBER_PAGES_MAX = 20;
const MEMBERS_PER_PAGE = 50;

async function accountMembersWithRoles(accountId: string, signal: AbortSignal) {
  const members: AccountMember[] = [];
  for (let page = 1; page <= MEMBER_PAGES_MAX; page++) {
    const { result, resultInfo } = await listAccountMembers(accountId, { page, per_page: MEMBERS_PER_PAGE }, signal);
    members.push(...result);
    const total = resultInfo?.total_count;
    if (result.length < MEMBERS_PER_PAGE || (total !== undefined && members.length >= total)) return { members, complete: true };
  }
  return { members, complete: false };
}

export interface SuperAdminsState {
  superAdmins: SuperAdmin[];
  loading: boolean;
  error: unknown;
  /** False when the account has more members than were read for their roles. */
  complete: boolean;
}

/**
 * The account's super administrators, for the SSO lockout check. Requests: the user groups (one
 * per 500), the members of only the groups that name super administrator, and the account
 * members' roles (one per 50, capped) — never one request per group or per member.
 */
export function useSuperAdmins(accountId: string, enabled = true): SuperAdminsState {
  const groups = useQuery({
    ...allUserGroupsQuery(accountId),
    staleTime: 30_000,
    enabled,
  });
  const naming = useMemo(() => groupsNamingSuperAdmin(groups.data ?? []), [groups.data]);
  const memberships = useQueries({
    queries: naming.map((g) => ({
      ...groupMembersAllQuery(accountId, g.id),
      staleTime: 30_000,
    })),
  });
  const members = useQuery({
    queryKey: [...accountKeys.members(accountId), 'with-roles'],
    queryFn: ({ signal }) => accountMembersWithRoles(accountId, signal),
    staleTime: 30_000,
    enabled,
  });
  const membershipData = memberships.map((m) => m.data);
  const loading = groups.isPending || members.isPending || memberships.some((m) => m.isPending);
  const error = groups.error ?? members.error ?? memberships.find((m) => m.error)?.error ?? null;
  // Cheap (a few groups' members): computed each render rather than memoised on unstable arrays.
  const superAdmins =
    loading || error
      ? []
      : superAdministrators({
          accountMembers: (members.data?.members ?? []).map((m) => ({
            id: m.id,
            email: m.user?.email ?? '',
            status: m.status ?? 'accepted',
            roles: m.roles,
            policies: m.policies,
          })),
          groups: naming.map((group, i) => ({
            group,
            members: (membershipData[i] ?? []).map((m) => ({
              id: m.id,
              email: m.email ?? m.id,
              // A status the console does not know reads as a member (as the server's snapshot does).
              status: m.status === 'pending' ? ('pending' as const) : ('accepted' as const),
            })),
          })),
        });
  return {
    superAdmins,
    loading,
    error,
    complete: members.data?.complete ?? true,
  };
}
