import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { userGroupQuery } from '@/api/user-groups/queries';
import { draftFromServer } from '@/lib/policy-draft';
import type { TfPolicy } from '@/lib/terraform/model';
import { useMembersPutBack } from '@/stores/members-put-back';
import { draftKey, usePolicyDrafts } from '@/stores/policy-drafts';

/**
 * "Put the account back": the code's policies become a draft in the group's composer, on top of
 * what the group holds now, so the composer's review, impact diff and conflict check apply as to
 * any edit. Nothing is saved here.
 */
export function usePutBack(accountId: string) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const start = async (groupId: string, policies: readonly TfPolicy[]) => {
    setBusy(true);
    setError(null);
    try {
      const current = await qc.fetchQuery({ ...userGroupQuery(accountId, groupId), staleTime: 0 });
      const restored = draftFromServer(
        policies.map((p) => ({ access: p.access, permission_groups: p.permission_groups.map((id) => ({ id })), resource_groups: p.resource_groups.map((id) => ({ id })) })),
      );
      usePolicyDrafts.getState().put(draftKey(accountId, groupId), { policies: restored, base: { modifiedOn: current.modified_on, policies: draftFromServer(current.policies) } });
      await navigate({ to: '/accounts/$accountId/groups/$groupId/policies', params: { accountId, groupId } });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  /** The code's members into the group's Replace dialog (its preview and conflict check). */
  const startMembers = async (groupId: string, emails: string[]) => {
    useMembersPutBack.getState().put({ groupId, emails });
    await navigate({ to: '/accounts/$accountId/groups/$groupId/members', params: { accountId, groupId } });
  };
  return { start, startMembers, error, busy };
}
