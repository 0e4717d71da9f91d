import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MouseEvent } from 'react';
import * as z from 'zod/mini';

/**
 * User groups managed by SCIM provisioning (Decision 4): the API refuses to rename or delete them,
 * to save their policies and to change their members. The console server learns which they are
 * from the audit log and from refusals; the SPA asks it once per page for the whole set (never
 * once per group). A refusal seen here marks the group at once.
 */
const answerSchema = z.object({ group_ids: z.array(z.string()) });

export const scimManagedKey = (accountId: string) => ['console', accountId, 'scim-managed'] as const;

export function scimManagedQuery(accountId: string) {
  return queryOptions({
    queryKey: scimManagedKey(accountId),
    queryFn: async ({ signal }) => {
      const res = await fetch(`/console-api/history/scim-managed?account_id=${encodeURIComponent(accountId)}`, {
        signal,
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
      // A console without this route (or an audit log it cannot read) knows of no managed group.
      if (!res.ok) return new Set<string>();
      const parsed = answerSchema.safeParse(await res.json().catch(() => null));
      return new Set(parsed.success ? parsed.data.group_ids : []);
    },
    staleTime: 60_000,
  });
}

export function useScimManaged(accountId: string): ReadonlySet<string> {
  return useQuery(scimManagedQuery(accountId)).data ?? EMPTY;
}
const EMPTY: ReadonlySet<string> = new Set();

export function useGroupManaged(accountId: string, groupId: string): boolean {
  return useScimManaged(accountId).has(groupId);
}

export const MANAGED_LABEL = 'Managed by your identity provider';
export const MANAGED_REASON =
  'This group is provisioned by SCIM from your identity provider: Cloudflare refuses to rename or delete it, change its policies or its members here. Change it in the identity provider.';

/** The id of the sentence saying why a managed group's controls do nothing (rendered once by the group's page). */
export const managedReasonId = (groupId: string) => `scim-managed-reason-${groupId}`;

/**
 * Props for a control a managed group cannot use: still focusable and announced (aria-disabled,
 * not disabled), described by the reason, and inert when pressed.
 */
export type LockedProps = ReturnType<typeof lockedProps>;

export function lockedProps(groupId: string) {
  return {
    'aria-disabled': true as const,
    'aria-describedby': managedReasonId(groupId),
    title: MANAGED_REASON,
    onClick: (e: MouseEvent) => e.preventDefault(),
  };
}
