import type { FeatureMigrations } from '../storage.ts';

/**
 * Time-bound memberships: one row per grant with an end. The row outlives the end (state
 * `removed`, `left`, `cancelled`) so the group page, the person's page and an audit can say what
 * happened to it; `next_attempt_at` is when the scheduler next looks at an open row.
 */
export const membershipEndsMigrations: FeatureMigrations = {
  feature: 'membership-ends',
  steps: [
    `CREATE TABLE membership_ends (
       id TEXT PRIMARY KEY,
       account_id TEXT NOT NULL,
       group_id TEXT NOT NULL,
       group_name TEXT,
       member_id TEXT NOT NULL,
       member_email TEXT,
       granted_at TEXT NOT NULL,
       granted_by TEXT NOT NULL,
       reason TEXT,
       ends_at INTEGER NOT NULL,
       state TEXT NOT NULL,
       attempts INTEGER NOT NULL DEFAULT 0,
       next_attempt_at INTEGER NOT NULL,
       last_error TEXT,
       outcome TEXT,
       finished_at TEXT
     )`,
    'CREATE INDEX membership_ends_due ON membership_ends (state, next_attempt_at)',
    'CREATE INDEX membership_ends_account ON membership_ends (account_id, group_id)',
    // One open end per membership: a second grant extends or shortens the first instead.
    `CREATE UNIQUE INDEX membership_ends_open ON membership_ends (account_id, group_id, member_id) WHERE state = 'scheduled'`,
  ],
};
