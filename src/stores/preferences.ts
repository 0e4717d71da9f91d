import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type Theme = 'light' | 'dark' | 'system';

interface PreferencesState {
  /** The account the admin last chose; validated against the accounts list on every load. */
  accountId: string | null;
  theme: Theme;
  setAccountId: (accountId: string) => void;
  setTheme: (theme: Theme) => void;
}

/** Preferences only: never a secret, a token or server data. */
export const usePreferences = create<PreferencesState>()(
  persist(
    (set) => ({
      accountId: null,
      theme: 'system',
      setAccountId: (accountId) => set({ accountId }),
      setTheme: (theme) => set({ theme }),
    }),
    { name: 'iam-console:preferences', storage: createJSONStorage(() => localStorage), version: 1 },
  ),
);
