import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { userGroupQuery } from '@/api/user-groups/queries';
import type { HistoryEntry } from '@/api/history/schema';
import { draftFromServer } from '@/lib/policy-draft';
import { useAccountId } from '@/stores/current-account';
import { draftKey, usePolicyDrafts } from '@/stores/policy-drafts';
import type { GroupSnapshot } from './lib/snapshots';

/**
 * A policy revert is a draft in the composer: the recorded policies on top of what the group
 * holds now, reviewed, impact-previewed and conflict-checked by the composer's own review.
 * Policy ids the group no longer has are dropped (they would be refused as foreign).
 */
export function useStartPolicyRevert() {
  const accountId = useAccountId();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const start = async (entry: HistoryEntry, groupId: string, policies: GroupSnapshot['policies']) => {
    setBusy(true);
    setError(null);
    try {
      const current = await qc.fetchQuery({ ...userGroupQuery(accountId, groupId), staleTime: 0 });
      const currentIds = new Set((current.policies ?? []).flatMap((p) => (p.id ? [p.id] : [])));
      const restored = draftFromServer(policies.map((p) => ({ ...p, id: p.id && currentIds.has(p.id) ? p.id : undefined })));
      usePolicyDrafts.getState().put(draftKey(accountId, groupId), {
        policies: restored,
        base: { modifiedOn: current.modified_on, policies: draftFromServer(current.policies) },
        revertOf: { entryId: entry.id, actor: entry.actor.label, at: entry.at },
      });
      await navigate({ to: '/accounts/$accountId/groups/$groupId/policies', params: { accountId, groupId } });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { start, error, busy };
}
