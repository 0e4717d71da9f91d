import { useQueryClient } from '@tanstack/react-query';
import { useGuardedMutation } from '@/api/use-guarded-mutation';
import { consoleCall as call, fetchFindings, findingsKeys } from '@/api/findings';
import type { CanAnswer, WhoAnswer } from '@/lib/analyzer/simulator';
import type { PolicyRequest } from '@/lib/policy-draft';

export type { FindingWithDismissal } from '@/api/findings';

function dismissalPath(accountId: string, findingId: string) {
  return `/accounts/${encodeURIComponent(accountId)}/findings/${encodeURIComponent(findingId)}/dismissal`;
}

export function useDismissFinding(accountId: string) {
  const qc = useQueryClient();
  return useGuardedMutation({
    mutationFn: ({ findingId, reason }: { findingId: string; reason: string }) =>
      call(dismissalPath(accountId, findingId), { method: 'PUT', body: { reason } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: findingsKeys.all(accountId) }),
  });
}

export function useRestoreFinding(accountId: string) {
  const qc = useQueryClient();
  return useGuardedMutation({
    mutationFn: (findingId: string) => call(dismissalPath(accountId, findingId), { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: findingsKeys.all(accountId) }),
  });
}

/** Reads the account again now, for a change made outside the console that the audit log has not shown yet. */
export function useRecomputeFindings(accountId: string) {
  const qc = useQueryClient();
  return useGuardedMutation({
    mutationFn: () => fetchFindings(accountId, { fresh: true }),
    onSuccess: (data) => qc.setQueryData(findingsKeys.all(accountId), data),
  });
}

export type SimQuestion =
  | { question: 'can'; member_id: string; permission_group_id: string; resource: string; draft?: SimDraftBody }
  | { question: 'who'; permission_group_id: string; resource: string; draft?: SimDraftBody };
export interface SimDraftBody {
  group_id: string;
  policies: PolicyRequest[];
}

export function simulate<Q extends SimQuestion>(accountId: string, question: Q) {
  return call<{ result: Q['question'] extends 'can' ? CanAnswer : WhoAnswer; memberships_known: boolean }>(
    `/accounts/${encodeURIComponent(accountId)}/simulate`,
    { method: 'POST', body: question },
  );
}
