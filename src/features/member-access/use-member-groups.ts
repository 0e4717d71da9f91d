import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { allUserGroupsQuery, groupMemberQuery } from '../../api/queries/user-groups';
import type { GroupMemberDetail, UserGroup } from '../../api/schemas/iam';

/** Membership checks in flight at once: enough to be quick, few enough to stay polite. */
const CONCURRENCY = 6;

export interface MemberGroupsScan {
  /** Every user group (loaded first; one request per 500 groups). */
  groups: UserGroup[] | undefined;
  groupsError: unknown;
  /** Groups that have at least one policy: the only ones that can grant or deny. */
  candidates: UserGroup[];
  checked: number;
  memberOf: UserGroup[];
  /** The member as a group reports them (email, name, status), once found in one. */
  member: GroupMemberDetail | null;
  failed: Array<{ group: UserGroup; error: unknown }>;
  done: boolean;
}

/**
 * Which groups a member is in. The API has no "groups of a member" call, so this lists every
 * group, then asks each group that has policies whether the member is in it
 * (GET …/user_groups/{id}/members/{member_id}: 200 yes, 404 no), a few at a time, reporting
 * progress as it goes. Groups without policies are skipped: they grant nothing. Answers are
 * cached per group and member, so coming back is instant.
 */
export function useMemberGroups(accountId: string, memberId: string): MemberGroupsScan {
  const qc = useQueryClient();
  const all = useQuery({ ...allUserGroupsQuery(accountId), staleTime: 60_000 });
  const candidates = useMemo(() => (all.data ?? []).filter((g) => (g.policies?.length ?? 0) > 0), [all.data]);
  const runKey = `${memberId}|${all.dataUpdatedAt}`;
  const [scan, setScan] = useState<{ key: string; checked: number; memberOf: UserGroup[]; member: GroupMemberDetail | null; failed: MemberGroupsScan['failed'] }>({
    key: '',
    checked: 0,
    memberOf: [],
    member: null,
    failed: [],
  });

  useEffect(() => {
    if (!all.data) return;
    let cancelled = false;
    const queue = [...candidates];
    const memberOf: UserGroup[] = [];
    const failed: MemberGroupsScan['failed'] = [];
    let member: GroupMemberDetail | null = null;
    let checked = 0;
    let lastReport = 0;
    const report = (force = false) => {
      if (cancelled) return;
      const now = Date.now();
      if (!force && now - lastReport < 100) return; // a few renders a second, not one per answer
      lastReport = now;
      setScan({ key: runKey, checked, memberOf: [...memberOf], member, failed: [...failed] });
    };
    const worker = async () => {
      for (let group = queue.shift(); group && !cancelled; group = queue.shift()) {
        try {
          const found = await qc.fetchQuery({ ...groupMemberQuery(accountId, group.id, memberId), staleTime: 60_000, retry: false });
          memberOf.push(group);
          member ??= found;
        } catch (error) {
          if (!(isApiError(error) && error.status === 404)) failed.push({ group, error });
        }
        checked += 1;
        report();
      }
    };
    void Promise.all(Array.from({ length: Math.min(CONCURRENCY, Math.max(1, queue.length)) }, worker)).then(() => report(true));
    return () => {
      cancelled = true;
    };
  }, [all.data, candidates, accountId, memberId, qc, runKey]);

  const current = scan.key === runKey ? scan : { checked: 0, memberOf: [], member: null, failed: [] };
  const order = new Map(candidates.map((g, i) => [g.id, i]));
  return {
    groups: all.data,
    groupsError: all.error,
    candidates,
    checked: current.checked,
    memberOf: [...current.memberOf].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
    member: current.member,
    failed: current.failed,
    done: Boolean(all.data) && current.checked >= candidates.length,
  };
}
