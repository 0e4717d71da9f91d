import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { DraftPolicy } from '../lib/policy-draft';

/**
 * Unsaved policy edits, one draft per account + user group, kept in localStorage so they survive
 * a reload or a wander elsewhere. Policies hold no secrets (ids of permission and resource
 * groups, scope keys). `base` is what the editor showed when editing began: the lost-update
 * check compares the API's group with it before saving.
 */
/** What a draft will do besides the PUT, or must undo when it is thrown away. */
export interface DraftSideEffects {
  /** Members to add to the group once the policies are saved (an import's "also add members"). */
  membersOnSave?: Array<{ id: string; email: string }>;
  /** Named resource groups created for this draft: deleted again if the draft is discarded. */
  createdResourceGroups?: Array<{ id: string; name: string }>;
}

export interface PolicyDraft extends DraftSideEffects {
  policies: DraftPolicy[];
  base: { modifiedOn: string; policies: DraftPolicy[] };
  /** ISO time of the last edit, shown as "Draft saved locally at …". */
  updatedAt: string;
  /** Set when the draft was built by History's "Revert this change": the journal entry it undoes. */
  revertOf?: { entryId: string; actor: string; at: string };
  /**
   * Text typed in the JSON view that does not parse (yet): kept as typed, across views and
   * reloads, until it parses (then it becomes the policies) or a card edit replaces it.
   */
  jsonText?: string;
}

interface PolicyDraftsState {
  drafts: Record<string, PolicyDraft>;
  /** Sets the draft's policies, starting the draft from `base` if there is none yet. */
  edit: (key: string, base: PolicyDraft['base'], update: (policies: DraftPolicy[]) => DraftPolicy[]) => void;
  /** Replaces the whole draft (after a merge, an overwrite choice, an import). */
  put: (key: string, draft: Omit<PolicyDraft, 'updatedAt'>) => void;
  /** Adds side effects to the draft (starting it from `base` if there is none yet). */
  track: (key: string, base: PolicyDraft['base'], effects: DraftSideEffects) => void;
  /** Keeps (or, with null, forgets) the JSON view's unparsed text, starting the draft from `base`. */
  keepJsonText: (key: string, base: PolicyDraft['base'], text: string | null) => void;
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
          // An edit of the policies (from the cards, or JSON that parses) replaces unparsed text.
          const { jsonText: _replaced, ...rest } = current;
          return { drafts: { ...s.drafts, [key]: { ...rest, policies: update(current.policies), updatedAt: new Date().toISOString() } } };
        }),
      keepJsonText: (key, base, text) =>
        set((s) => {
          const current = s.drafts[key];
          if (text === null) {
            if (!current || current.jsonText === undefined) return s;
            const { jsonText: _parsed, ...rest } = current;
            return { drafts: { ...s.drafts, [key]: rest } };
          }
          const started = current ?? { policies: base.policies, base, updatedAt: '' };
          return { drafts: { ...s.drafts, [key]: { ...started, jsonText: text, updatedAt: new Date().toISOString() } } };
        }),
      // A merge or an overwrite replaces the policies, not what the draft has created or will add,
      // and inside a revert's review it is still that revert.
      put: (key, draft) =>
        set((s) => ({ drafts: { ...s.drafts, [key]: { revertOf: s.drafts[key]?.revertOf, ...sideEffectsOf(s.drafts[key]), ...draft, updatedAt: new Date().toISOString() } } })),
      track: (key, base, effects) =>
        set((s) => {
          const current = s.drafts[key] ?? { policies: base.policies, base, updatedAt: new Date().toISOString() };
          const merged: PolicyDraft = { ...current };
          if (effects.membersOnSave) merged.membersOnSave = unionById(current.membersOnSave, effects.membersOnSave);
          if (effects.createdResourceGroups) merged.createdResourceGroups = unionById(current.createdResourceGroups, effects.createdResourceGroups);
          return { drafts: { ...s.drafts, [key]: merged } };
        }),
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

function sideEffectsOf(draft: PolicyDraft | undefined): DraftSideEffects {
  if (!draft) return {};
  const { membersOnSave, createdResourceGroups } = draft;
  return { ...(membersOnSave ? { membersOnSave } : {}), ...(createdResourceGroups ? { createdResourceGroups } : {}) };
}

function unionById<T extends { id: string }>(current: T[] | undefined, added: T[]): T[] {
  const seen = new Set((current ?? []).map((x) => x.id));
  return [...(current ?? []), ...added.filter((x) => !seen.has(x.id))];
}

/** A draft with side effects is kept even when its policies are back to what is saved. */
export function hasSideEffects(draft: PolicyDraft | undefined): boolean {
  return Boolean(draft?.membersOnSave?.length || draft?.createdResourceGroups?.length);
}
