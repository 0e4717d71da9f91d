import type { ConsoleStorage, FeatureMigrations } from '../storage.ts';

/** Dismissed findings, per account: the finding's stable id, why, and when. */
export const findingsMigrations: FeatureMigrations = {
  feature: 'findings',
  steps: [
    `CREATE TABLE finding_dismissals (
       account_id TEXT NOT NULL,
       finding_id TEXT NOT NULL,
       reason TEXT NOT NULL,
       dismissed_at TEXT NOT NULL,
       PRIMARY KEY (account_id, finding_id)
     )`,
  ],
};

export interface Dismissal {
  finding_id: string;
  reason: string;
  dismissed_at: string;
}

export function createDismissalStore(storage: ConsoleStorage) {
  const list = storage.prepare('SELECT finding_id, reason, dismissed_at FROM finding_dismissals WHERE account_id = ? ORDER BY dismissed_at, finding_id');
  const upsert = storage.prepare(
    `INSERT INTO finding_dismissals (account_id, finding_id, reason, dismissed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(account_id, finding_id) DO UPDATE SET reason = excluded.reason, dismissed_at = excluded.dismissed_at`,
  );
  const remove = storage.prepare('DELETE FROM finding_dismissals WHERE account_id = ? AND finding_id = ?');
  return {
    list: (accountId: string) => list.all(accountId) as unknown as Dismissal[],
    dismiss: (accountId: string, findingId: string, reason: string, at = new Date().toISOString()): Dismissal => {
      upsert.run(accountId, findingId, reason, at);
      return { finding_id: findingId, reason, dismissed_at: at };
    },
    restore: (accountId: string, findingId: string) => remove.run(accountId, findingId).changes > 0,
  };
}

export type DismissalStore = ReturnType<typeof createDismissalStore>;
