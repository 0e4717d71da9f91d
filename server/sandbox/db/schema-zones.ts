/**
 * The zones table (a migration of its own, appended to schema.ts). A zone belongs to one account;
 * its id is what resource-group scope objects name (com.cloudflare.api.account.zone.<id>).
 * Names are stored lower-case, as Cloudflare normalises them.
 */
export const ZONES_MIGRATION = `
  CREATE TABLE zones (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('initializing', 'pending', 'active', 'moved')),
    type TEXT NOT NULL CHECK (type IN ('full', 'partial', 'secondary', 'internal')),
    paused INTEGER NOT NULL DEFAULT 0,
    plan TEXT NOT NULL CHECK (plan IN ('free', 'pro', 'business', 'enterprise')),
    name_servers TEXT NOT NULL,           -- JSON array
    original_registrar TEXT,
    original_dnshost TEXT,
    activated_on TEXT,
    created_on TEXT NOT NULL,
    modified_on TEXT NOT NULL
  );
  CREATE INDEX zones_account_name ON zones(account_id, name);
  CREATE INDEX zones_name ON zones(name);
`;
