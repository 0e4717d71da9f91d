import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { addGroupMembers, removeGroupMember } from '../../api/user-groups/endpoints';
import { membershipIndexKeys } from '../../api/membership-index';
import { userGroupKeys } from '../../api/user-groups/queries';
import type { BulkPlan } from './lib/bulk-plan';

export interface BulkRun {
  done: number;
  total: number;
  /** The first failure: the run stops there, so nothing is sent blindly after a 429 or an error. */
  error: unknown;
  finished: boolean;
}

/**
 * Sends a bulk plan one request at a time (the request budget caps concurrency anyway, and a
 * stop at the first failure leaves a clear "done so far"). Each step that succeeded is already
 * in the index (the server reads the console's own writes), so a retry re-plans from there.
 */
export function useBulkMembership(accountId: string) {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<BulkRun | null>(null);

  async function execute(plan: BulkPlan) {
    const calls: Array<() => Promise<unknown>> = [];
    for (const step of plan.steps) {
      if (!step.change.length) continue;
      if (plan.action === 'add') calls.push(() => addGroupMembers(accountId, step.group.id, step.change.map((m) => m.id)));
      else for (const m of step.change) calls.push(() => removeGroupMember(accountId, step.group.id, m.id));
    }
    let done = 0;
    setRun({ done, total: calls.length, error: null, finished: false });
    let error: unknown = null;
    for (const send of calls) {
      try {
        await send();
        done += 1;
        setRun({ done, total: calls.length, error: null, finished: false });
      } catch (e) {
        error = e;
        break;
      }
    }
    setRun({ done, total: calls.length, error, finished: true });
    for (const step of plan.steps) void queryClient.invalidateQueries({ queryKey: userGroupKeys.members(accountId, step.group.id) });
    await queryClient.invalidateQueries({ queryKey: membershipIndexKeys.all(accountId) });
    return error === null;
  }

  return { run, execute, reset: () => setRun(null) };
}
