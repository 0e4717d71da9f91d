import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ClientFormValues } from './schemas';

/**
 * Unsaved OAuth client forms (new, or an edit of one client), one per account + client, kept in
 * localStorage so a reload or a wander elsewhere loses nothing. The form holds no secret: names,
 * URIs, flows and scopes only (a client's secret is never part of it).
 */
export interface OAuthFormDraft {
  values: ClientFormValues;
  updatedAt: string;
}

interface OAuthFormDraftsState {
  drafts: Record<string, OAuthFormDraft>;
  save: (key: string, values: ClientFormValues) => void;
  discard: (key: string) => void;
}

/** `clientId` is 'new' for the create form. */
export const oauthDraftKey = (accountId: string, clientId: string) => `${accountId}:${clientId}`;

export const useOAuthFormDrafts = create<OAuthFormDraftsState>()(
  persist(
    (set) => ({
      drafts: {},
      save: (key, values) => set((s) => ({ drafts: { ...s.drafts, [key]: { values, updatedAt: new Date().toISOString() } } })),
      discard: (key) =>
        set((s) => {
          if (!(key in s.drafts)) return s;
          const { [key]: _gone, ...rest } = s.drafts;
          return { drafts: rest };
        }),
    }),
    { name: 'iam-console:oauth-form-drafts', storage: createJSONStorage(() => localStorage), version: 1 },
  ),
);
