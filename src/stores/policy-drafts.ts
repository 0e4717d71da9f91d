import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { DraftPolicy } from '../lib/policy-draft';

/**
 * Unsaved policy edits, one draft per account + user group, kept in localStorage so they survive
 * a reload or a wander elsewhere. Policies hold no secrets (ids of permission and resource
 * groups, scope keys). `base` is what the editor showed when editing began: the lost-update
 * check compares the API's group with it before saving.
 */
export interface PolicyDraft {
  policies: DraftPolicy[];
  base: { modifiedOn: string; policies: DraftPolicy[] };
  /** ISO time of the last edit, shown as "Draft saved locally at …". */
  updatedAt: string;
  /** Set when the draft was built by History's "Revert this change": the journal entry it undoes. */
  revertOf?: { entryId: string; actor: string; at: string };
}

interface PolicyDraftsState {
  drafts: Record<string, PolicyDraft>;
  /** Sets the draft's policies, starting the draft from `base` if there is none yet. */
  edit: (key: string, base: PolicyDraft['base'], update: (policies: DraftPolicy[]) => DraftPolicy[]) => void;
  /** Replaces the whole draft (after a merge, an overwrite choice, an import). */
  put: (key: string, draft: Omit<PolicyDraft, 'updatedAt'>) => void;
  discard: (key: string) => void;
}

export const draftKey = (accountId: string, groupId: string) => `${accountId}:${groupId}`;

export const usePolicyDrafts = create<PolicyDraftsState>()(
  persist(
    (set) => ({
      drafts: {},
      edit: (key, base, update) =>
        set((s) => {
          const current = s.drafts[key] ?? { policies: base.policies, base, updatedAt: '' };
          return { drafts: { ...s.drafts, [key]: { ...current, policies: update(current.policies), updatedAt: new Date().toISOString() } } };
        }),
      put: (key, draft) =>
        // A merge or overwrite inside a revert's review is still that revert.
        set((s) => ({ drafts: { ...s.drafts, [key]: { revertOf: s.drafts[key]?.revertOf, ...draft, updatedAt: new Date().toISOString() } } })),
      discard: (key) =>
        set((s) => {
          if (!(key in s.drafts)) return s;
          const { [key]: _gone, ...rest } = s.drafts;
          return { drafts: rest };
        }),
    }),
    { name: 'iam-console:policy-drafts', storage: createJSONStorage(() => localStorage), version: 1 },
  ),
);
