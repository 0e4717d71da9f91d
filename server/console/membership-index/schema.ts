import type { FeatureMigrations } from '../storage.ts';

/**
 * The membership index's tables in the console store. `sweep` numbers each pass over the account,
 * so rows a finished pass did not see (deleted members or groups) can be dropped.
 */
export const membershipIndexMigrations: FeatureMigrations = {
  feature: 'membership-index',
  steps: [
    `CREATE TABLE membership_index_accounts (
       account_id TEXT PRIMARY KEY,
       phase TEXT NOT NULL CHECK (phase IN ('members', 'groups', 'memberships', 'idle')),
       page INTEGER NOT NULL DEFAULT 1,
       sweep INTEGER NOT NULL DEFAULT 1,
       sweep_started_at INTEGER NOT NULL,
       sweep_requests INTEGER NOT NULL DEFAULT 0,
       members_listed_at INTEGER,
       completed_at INTEGER,
       last_build_requests INTEGER,
       last_build_ms INTEGER
     );
     CREATE TABLE membership_index_members (
       account_id TEXT NOT NULL,
       member_id TEXT NOT NULL,
       email TEXT NOT NULL,
       first_name TEXT,
       last_name TEXT,
       status TEXT NOT NULL,
       last_change INTEGER,
       sweep INTEGER NOT NULL,
       PRIMARY KEY (account_id, member_id)
     );
     CREATE TABLE membership_index_groups (
       account_id TEXT NOT NULL,
       group_id TEXT NOT NULL,
       name TEXT NOT NULL,
       created_on TEXT NOT NULL,
       modified_on TEXT NOT NULL,
       policies TEXT NOT NULL,
       synced_modified_on TEXT,
       sweep INTEGER NOT NULL,
       PRIMARY KEY (account_id, group_id)
     );
     CREATE TABLE membership_index_memberships (
       account_id TEXT NOT NULL,
       group_id TEXT NOT NULL,
       member_id TEXT NOT NULL,
       PRIMARY KEY (account_id, group_id, member_id)
     );
     CREATE INDEX membership_index_by_member ON membership_index_memberships (account_id, member_id);`,
    // What a member holds directly (legacy roles, member policies) as JSON {roles, policies}; NULL
    // when nothing. Admin access reaches people this way too, not only through groups (Decision 7).
    `ALTER TABLE membership_index_members ADD COLUMN direct_grants TEXT;`,
    // A console write to a group's members, recorded before it is sent and cleared once its answer
    // is in the index: a row left at start is a write whose outcome the index never saw.
    `CREATE TABLE membership_index_inflight (
       token TEXT PRIMARY KEY,
       account_id TEXT NOT NULL,
       group_id TEXT NOT NULL,
       started_at INTEGER NOT NULL
     );`,
    // How many members and groups the API says the account has (result_info.total_count of the
    // lists' first pages), so a view can say "2,650 of 5,200" while the index builds; NULL until read.
    // grants_admin: the group has an allow policy with an admin permission group (read first).
    // A person looked up directly (SCIM Users: their groups in one call): their memberships are
    // known as of looked_up_at even while most groups are unread.
    `ALTER TABLE membership_index_accounts ADD COLUMN members_total INTEGER;
     ALTER TABLE membership_index_accounts ADD COLUMN groups_total INTEGER;
     ALTER TABLE membership_index_groups ADD COLUMN grants_admin INTEGER NOT NULL DEFAULT 0;
     CREATE TABLE membership_index_person_lookups (
       account_id TEXT NOT NULL,
       member_id TEXT NOT NULL,
       looked_up_at INTEGER NOT NULL,
       PRIMARY KEY (account_id, member_id)
     );`,
  ],
};
