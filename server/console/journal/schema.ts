import type { FeatureMigrations } from '../storage.ts';

/**
 * The change journal: the console's own writes (source 'console', with request and result) and the
 * account audit log's entries merged in (source 'api' or 'dashboard'), one timeline per account.
 */
export const journalMigrations: FeatureMigrations = {
  feature: 'journal',
  steps: [
    `CREATE TABLE journal_entries (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      account_id TEXT NOT NULL,
      at TEXT NOT NULL,
      source TEXT NOT NULL,
      audit_id TEXT UNIQUE,
      actor_id TEXT,
      actor_label TEXT NOT NULL,
      action TEXT NOT NULL,
      resource_type TEXT NOT NULL,
      resource_id TEXT,
      resource_name TEXT,
      method TEXT,
      path TEXT,
      request TEXT,
      status INTEGER,
      success INTEGER NOT NULL,
      errors TEXT,
      before TEXT,
      after TEXT,
      reverts TEXT
    )`,
    'CREATE INDEX journal_entries_account_at ON journal_entries(account_id, at)',
    'CREATE INDEX journal_entries_resource ON journal_entries(resource_id, seq)',
    `CREATE TABLE journal_audit_sync (
      account_id TEXT PRIMARY KEY,
      synced_until TEXT NOT NULL
    )`,
    // User groups provisioned by SCIM (Decision 4), learned from the audit log's creation entry
    // (interface "SCIM") or from a write the API refused with the SCIM message; and how far the
    // audit log's creation entries have been read for them.
    `CREATE TABLE scim_managed_groups (
      account_id TEXT NOT NULL,
      group_id TEXT NOT NULL,
      learned_from TEXT NOT NULL,
      at TEXT NOT NULL,
      PRIMARY KEY (account_id, group_id)
    );
    CREATE TABLE scim_managed_scan (
      account_id TEXT PRIMARY KEY,
      scanned_until TEXT NOT NULL
    )`,
  ],
};
