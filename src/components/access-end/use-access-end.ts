import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '@/api/api-error';
import { grantEnds, invalidateMembershipEnds, membershipEndsQuery } from '@/api/membership-ends';
import { NO_END, endChoiceProblem, endOf, type AccessEndValue } from './access-end-field';

export interface EndGrant {
  groupId: string;
  people: Array<{ id: string; email?: string }>;
}

/**
 * The "Access ends" part of every add-people dialog (picker, paste, the Members page's bulk add):
 * the choice, its check before anything is written, and registering the end once the people are
 * added. If registering fails they stay added and `notSaved` says so, for a retry of the end only.
 */
export function useAccessEnd(accountId: string, open: boolean, reasonRequired: boolean) {
  const qc = useQueryClient();
  const [value, setValue] = useState<AccessEndValue>(NO_END);
  const [errors, setErrors] = useState<{ ends?: string; reason?: string }>({});
  const [notSaved, setNotSaved] = useState<{ message: string; grants: EndGrant[] } | null>(null);
  const keptBy = useQuery({ ...membershipEndsQuery(accountId), enabled: open && value.choice.kind !== 'none' }).data?.kept_by;

  return {
    value,
    setValue,
    errors,
    notSaved,
    keptBy,
    reasonRequired,
    /** Checks the choice before the people are added; false (with the message by its field) when it would be refused. */
    check(): boolean {
      const problem = endChoiceProblem(value, reasonRequired);
      setErrors(problem ?? {});
      return !problem;
    },
    /** Registers the end for people just added; true when there was none to register or it is saved. */
    async save(grants: EndGrant[]): Promise<boolean> {
      const endsAt = endOf(value.choice);
      if (!endsAt) return true;
      try {
        for (const g of grants) {
          if (g.people.length) await grantEnds(accountId, { groupId: g.groupId, members: g.people, endsAt, reason: value.reason.trim() || undefined });
        }
        void invalidateMembershipEnds(qc, accountId);
        setNotSaved(null);
        return true;
      } catch (error) {
        const details = isApiError(error) ? error.errors : [];
        setErrors({ ends: details.find((d) => d.pointer === '/ends_at')?.message, reason: details.find((d) => d.pointer === '/reason')?.message });
        setNotSaved({ message: details.map((d) => d.message).join('; ') || String(error), grants });
        return false;
      }
    },
    reset() {
      setValue(NO_END);
      setErrors({});
      setNotSaved(null);
    },
  };
}

export type AccessEndState = ReturnType<typeof useAccessEnd>;
