/**
 * What a bulk "add to groups" / "remove from groups" would do, worked out from the index before
 * anything is sent: per group, who changes and who is already as asked, and how many API
 * requests it takes. Adding is one POST per group for everyone. Removing has no bulk call, but the
 * members PUT (account-user-group-members-update) replaces a group's whole list: a fresh read of
 * the list (500 a page) and one PUT remove any number of people, where one DELETE per person
 * would cost more. Each group takes whichever is fewer requests.
 */
export interface PlanMember {
  id: string;
  email: string;
  groupIds: ReadonlySet<string>;
}

export interface PlanGroup {
  id: string;
  name: string;
}

/** How removing from one group is sent: a DELETE per person, or read the list and PUT it back. */
export type RemoveMethod = 'delete-each' | 'read-and-replace';

export interface GroupStep {
  group: PlanGroup;
  change: PlanMember[];
  unchanged: PlanMember[];
  /** Removing only. */
  method?: RemoveMethod;
  requests: number;
}

export interface BulkPlan {
  action: 'add' | 'remove';
  steps: GroupStep[];
  requests: number;
  changes: number;
}

/** The group members list serves at most 500 a page (iam-openapi.json, account-user-group-member-list). */
export const GROUP_MEMBERS_PAGE = 500;

/** Requests to read a group's whole member list: one per 500 (one when the size is not known). */
export const readPages = (memberCount: number | null | undefined) => Math.max(1, Math.ceil((memberCount ?? 0) / GROUP_MEMBERS_PAGE));

export function planBulk(
  action: 'add' | 'remove',
  members: PlanMember[],
  groups: PlanGroup[],
  memberCounts: Readonly<Record<string, number | null | undefined>> = {},
): BulkPlan {
  const steps = groups.map((group): GroupStep => {
    const inGroup = (m: PlanMember) => m.groupIds.has(group.id);
    const change = members.filter((m) => (action === 'add' ? !inGroup(m) : inGroup(m)));
    const unchanged = members.filter((m) => !change.includes(m));
    if (!change.length) return { group, change, unchanged, requests: 0 };
    if (action === 'add') return { group, change, unchanged, requests: 1 };
    const replace = readPages(memberCounts[group.id]) + 1;
    return replace < change.length
      ? { group, change, unchanged, method: 'read-and-replace', requests: replace }
      : { group, change, unchanged, method: 'delete-each', requests: change.length };
  });
  const changes = steps.reduce((n, s) => n + s.change.length, 0);
  const requests = steps.reduce((n, s) => n + s.requests, 0);
  return { action, steps, requests, changes };
}
