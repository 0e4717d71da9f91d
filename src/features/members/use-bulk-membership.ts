import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { addGroupMembers, listGroupMembers, removeGroupMember, replaceGroupMembers } from '@/api/user-groups/endpoints';
import { membershipIndexKeys } from '@/api/membership-index';
import { userGroupKeys } from '@/api/user-groups/queries';
import { GROUP_MEMBERS_PAGE, type BulkPlan, type GroupStep } from './lib/bulk-plan';

export interface BulkRun {
  done: number;
  total: number;
  /** The first failure: the run stops there, so nothing is sent blindly after a 429 or an error. */
  error: unknown;
  finished: boolean;
}

/**
 * Removes people from a group with one PUT of its list: read the list fresh (every page) right
 * before, drop the people, put the rest back. The read is the API's, not the index's, so people
 * added since the index last read the group are kept. Counts each request as it goes.
 */
async function readAndReplace(accountId: string, step: GroupStep, counted: () => void): Promise<void> {
  const remove = new Set(step.change.map((m) => m.id));
  const keep: string[] = [];
  for (let page = 1; ; page++) {
    const res = await listGroupMembers(accountId, step.group.id, { page, per_page: GROUP_MEMBERS_PAGE });
    counted();
    for (const m of res.result) if (!remove.has(m.id)) keep.push(m.id);
    const totalPages = res.resultInfo?.total_pages;
    if (res.result.length < GROUP_MEMBERS_PAGE || (totalPages !== undefined && page >= totalPages)) break;
  }
  await replaceGroupMembers(accountId, step.group.id, keep);
  counted();
}

/**
 * Sends a bulk plan one request at a time (the request budget caps concurrency anyway, and a
 * stop at the first failure leaves a clear "done so far"). Each step that succeeded is already
 * in the index (the server reads the console's own writes), so a retry re-plans from there.
 */
export function useBulkMembership(accountId: string) {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<BulkRun | null>(null);

  /** Sends the plan; `completed` are the steps that went through, even when a later one failed. */
  async function execute(plan: BulkPlan): Promise<{ ok: boolean; completed: GroupStep[] }> {
    const total = plan.requests;
    let done = 0;
    const counted = () => {
      done += 1;
      setRun({ done, total: Math.max(total, done), error: null, finished: false });
    };
    setRun({ done, total, error: null, finished: false });
    let error: unknown = null;
    const completed: GroupStep[] = [];
    try {
      for (const step of plan.steps) {
        if (!step.change.length) continue;
        if (plan.action === 'add') {
          await addGroupMembers(accountId, step.group.id, step.change.map((m) => m.id));
          counted();
        } else if (step.method === 'read-and-replace') await readAndReplace(accountId, step, counted);
        else
          for (const m of step.change) {
            await removeGroupMember(accountId, step.group.id, m.id);
            counted();
          }
        completed.push(step);
      }
    } catch (e) {
      error = e;
    }
    setRun({ done, total: Math.max(total, done), error, finished: true });
    for (const step of plan.steps) void queryClient.invalidateQueries({ queryKey: userGroupKeys.members(accountId, step.group.id) });
    await queryClient.invalidateQueries({ queryKey: membershipIndexKeys.all(accountId) });
    return { ok: error === null, completed };
  }

  return { run, execute, reset: () => setRun(null) };
}
