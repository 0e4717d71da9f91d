import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { PaletteItem } from './palette-items';

const MAX_RECENT = 6;

/** The last items chosen in the palette, per account (names and ids only), newest first. */
export const useRecentItems = create<{ byAccount: Record<string, PaletteItem[]>; remember: (accountId: string, item: PaletteItem) => void }>()(
  persist(
    (set) => ({
      byAccount: {},
      remember: (accountId, item) =>
        set((s) => {
          const list = [item, ...(s.byAccount[accountId] ?? []).filter((i) => i.key !== item.key)].slice(0, MAX_RECENT);
          return { byAccount: { ...s.byAccount, [accountId]: list } };
        }),
    }),
    { name: 'iam-console:palette-recent', storage: createJSONStorage(() => localStorage), version: 1 },
  ),
);
