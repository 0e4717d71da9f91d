import { ZONES_MIGRATION } from './schema-zones.ts';

/**
 * The sandbox's tables. Migrations are ordered and append-only: a database records the last one
 * it ran in `user_version`, so an old `.data/sandbox.db` upgrades in place.
 */
export const migrations: string[] = [
  `
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL DEFAULT 'standard',
    created_on TEXT NOT NULL
  );

  -- The permission-group catalogue is Cloudflare's, the same for every account.
  -- scope_level says what a permission group acts on: 'account' or 'zone' (drives rule 1006).
  CREATE TABLE permission_groups (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    label TEXT NOT NULL,
    scope_level TEXT NOT NULL CHECK (scope_level IN ('account', 'zone')),
    position INTEGER NOT NULL
  );

  CREATE TABLE resource_groups (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    name TEXT NOT NULL,
    scope_key TEXT NOT NULL,
    scope_objects TEXT NOT NULL,          -- JSON array of object keys
    meta TEXT,                            -- JSON {key, value} or null
    created_on TEXT NOT NULL,
    modified_on TEXT NOT NULL
  );
  CREATE INDEX resource_groups_account ON resource_groups(account_id, name);

  CREATE TABLE user_groups (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    name TEXT NOT NULL,
    created_on TEXT NOT NULL,
    modified_on TEXT NOT NULL
  );
  CREATE INDEX user_groups_account_name ON user_groups(account_id, name COLLATE NOCASE);

  CREATE TABLE policies (
    id TEXT PRIMARY KEY,
    user_group_id TEXT NOT NULL REFERENCES user_groups(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    access TEXT NOT NULL CHECK (access IN ('allow', 'deny'))
  );
  CREATE INDEX policies_group ON policies(user_group_id, position);

  CREATE TABLE policy_permission_groups (
    policy_id TEXT NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
    permission_group_id TEXT NOT NULL REFERENCES permission_groups(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (policy_id, permission_group_id)
  );

  CREATE TABLE policy_resource_groups (
    policy_id TEXT NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
    resource_group_id TEXT NOT NULL REFERENCES resource_groups(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (policy_id, resource_group_id)
  );
  CREATE INDEX policy_resource_groups_rg ON policy_resource_groups(resource_group_id);

  CREATE TABLE account_members (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    user_id TEXT NOT NULL,
    email TEXT NOT NULL,
    first_name TEXT,
    last_name TEXT,
    status TEXT NOT NULL CHECK (status IN ('accepted', 'pending')),
    created_on TEXT NOT NULL
  );
  CREATE INDEX account_members_email ON account_members(account_id, email COLLATE NOCASE);

  CREATE TABLE user_group_members (
    user_group_id TEXT NOT NULL REFERENCES user_groups(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES account_members(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_group_id, member_id)
  );

  CREATE TABLE sso_connectors (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    email_domain TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 0,
    use_fedramp_language INTEGER NOT NULL DEFAULT 0,
    verification_code TEXT NOT NULL,
    verification_status TEXT NOT NULL CHECK (verification_status IN ('awaiting', 'pending', 'failed', 'verified')),
    verification_started_at TEXT,
    created_on TEXT NOT NULL,
    updated_on TEXT NOT NULL
  );
  CREATE UNIQUE INDEX sso_connectors_domain ON sso_connectors(email_domain);

  -- The sandbox's stand-in for the admin's DNS provider (not part of the Cloudflare API).
  CREATE TABLE sandbox_dns_records (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    content TEXT NOT NULL,
    created_on TEXT NOT NULL
  );
  CREATE INDEX sandbox_dns_records_name ON sandbox_dns_records(name);

  CREATE TABLE oauth_scopes (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    category TEXT,
    scopes TEXT NOT NULL,                 -- JSON array of resource scopes
    position INTEGER NOT NULL
  );

  CREATE TABLE oauth_clients (
    client_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    visibility TEXT NOT NULL CHECK (visibility IN ('public', 'private')),
    fields TEXT NOT NULL,                 -- JSON of the client's writable fields
    secret_hash TEXT NOT NULL,
    rotated_secret_hash TEXT,             -- the previous secret, kept until DELETE rotate_secret
    uri_verification_status TEXT,
    uri_verification_text TEXT,
    uri_verification_started_at TEXT,
    promoted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX oauth_clients_account ON oauth_clients(account_id, created_at);
  `,
  ZONES_MIGRATION,
  `
  -- The account audit log (GET /accounts/{id}/audit_logs and /logs/audit): one row per successful
  -- write, recorded by server/sandbox/audit-logs/record-writes.ts. seq orders rows and backs cursors.
  CREATE TABLE audit_logs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    account_id TEXT NOT NULL,
    at TEXT NOT NULL,
    action_type TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    actor_email TEXT,
    actor_ip TEXT NOT NULL,
    actor_context TEXT NOT NULL,
    actor_token_id TEXT,
    resource_type TEXT NOT NULL,
    resource_id TEXT,
    method TEXT NOT NULL,
    uri TEXT NOT NULL,
    status_code INTEGER NOT NULL,
    old_value TEXT,
    new_value TEXT,
    request TEXT
  );
  CREATE INDEX audit_logs_account_at ON audit_logs(account_id, at);
  `,
  `
  -- 'scim' for a user group an identity provider provisions through SCIM: the API refuses to change
  -- it (README, Sandbox fidelity). NULL for every other group. The API has no field for it; its
  -- v1 audit log's creation entry says interface "SCIM".
  ALTER TABLE user_groups ADD COLUMN managed_by TEXT;
  `,
  `
  -- What a write came through as the v1 audit log names it ('UI' for the Cloudflare dashboard;
  -- NULL: derived from the URI, 'SCIM' or 'API'), and the name of the API token that made it
  -- (v2's actor.token_name). Both set by the seeded past (seed-history.ts); the sandbox's own
  -- writes all come through the API.
  ALTER TABLE audit_logs ADD COLUMN interface TEXT;
  ALTER TABLE audit_logs ADD COLUMN actor_token_name TEXT;
  `,
];

/**
 * Indexes that only make queries faster, created (IF NOT EXISTS) on every open rather than by a
 * migration: any database gets them whatever its version, and they never collide with another
 * feature's migration. The list page walks this one in its exact order (name, then id), so a
 * deep page is an index walk instead of sorting every group of the account.
 */
export const speedIndexes: string[] = [
  'CREATE INDEX IF NOT EXISTS user_groups_account_name_id ON user_groups(account_id, name COLLATE NOCASE, id)',
];
