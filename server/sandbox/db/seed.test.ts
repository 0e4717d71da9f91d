import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedKind } from '../../config.ts';
import { openSandboxDb, type Db, type NodeDb } from './open.ts';
import { DEFAULT_ACCOUNT_ID, STAGING_ACCOUNT_ID } from './seed.ts';
import { ACCOUNT_WIDE_RESOURCE_GROUP_ID } from './seed-company.ts';
import { ALL_STAFF_GROUP_NAME, LARGE_EXTRA_GROUPS, LARGE_EXTRA_MEMBERS } from './seed-large.ts';

const HEX32 = /^[0-9a-f]{32}$/;

const count = (db: Db, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
const rows = <T>(db: Db, sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];

const dbs: Partial<Record<SeedKind, NodeDb>> = {};

beforeAll(() => {
  dbs.empty = openSandboxDb(':memory:', 'empty');
  dbs.default = openSandboxDb(':memory:', 'default');
  dbs.large = openSandboxDb(':memory:', 'large');
});
afterAll(() => {
  for (const db of Object.values(dbs)) db?.close();
});

describe.each(['empty', 'default', 'large'] as const)('every seed kind: %s', (kind) => {
  it('has both accounts and the full catalogues', () => {
    const db = dbs[kind]!;
    expect(rows<{ id: string; name: string }>(db, 'SELECT id, name FROM accounts ORDER BY name')).toEqual([
      { id: DEFAULT_ACCOUNT_ID, name: 'Acme Corp' },
      { id: STAGING_ACCOUNT_ID, name: 'Acme Staging' },
    ]);
    expect(count(db, 'SELECT COUNT(*) AS n FROM permission_groups')).toBeGreaterThanOrEqual(60);
    expect(count(db, 'SELECT COUNT(*) AS n FROM oauth_scopes')).toBeGreaterThanOrEqual(25);
  });

  it('keeps the API reference example ids for its permission groups', () => {
    const byId = new Map(
      rows<{ id: string; name: string }>(dbs[kind]!, 'SELECT id, name FROM permission_groups').map((r) => [r.id, r.name]),
    );
    expect(byId.get('c8fed203ed3043cba015a93ad1616f1f')).toBe('Zone Read');
    expect(byId.get('82e64a83756745bbbb1c9c2701bf816b')).toBe('Magic Network Monitoring');
    expect(byId.get('6d7f2f5f5b1d4a0e9081fdc98d432fd1')).toBe('Load Balancer');
  });

  it('has a well-formed catalogue: unique names and labels, snake_case labels, gapless positions', () => {
    const db = dbs[kind]!;
    const pgs = rows<{ id: string; name: string; label: string; position: number }>(
      db,
      'SELECT * FROM permission_groups ORDER BY position',
    );
    expect(new Set(pgs.map((p) => p.name)).size).toBe(pgs.length);
    expect(new Set(pgs.map((p) => p.label)).size).toBe(pgs.length);
    expect(pgs.map((p) => p.position)).toEqual(pgs.map((_, i) => i));
    for (const pg of pgs) {
      expect(pg.id).toMatch(HEX32);
      expect(pg.label).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
    }
    const scopes = rows<{ id: string; category: string; scopes: string }>(db, 'SELECT * FROM oauth_scopes');
    for (const scope of scopes) {
      expect(scope.id).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/);
      expect(scope.category).toBeTruthy();
      expect(JSON.parse(scope.scopes).length).toBeGreaterThan(0);
    }
    expect(scopes.map((s) => s.id)).not.toContain('openid');
    expect(scopes.map((s) => s.id)).not.toContain('offline_access');
    expect(new Set(scopes.map((s) => s.category)).size).toBeGreaterThanOrEqual(5);
  });

  it('passes integrity checks: foreign keys, scope rule 1006, same-account references', () => {
    const db = dbs[kind]!;
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Every policy row references rows that exist (the FK check covers it; asserted explicitly too).
    expect(
      count(
        db,
        `SELECT COUNT(*) AS n FROM policy_permission_groups ppg
         LEFT JOIN permission_groups pg ON pg.id = ppg.permission_group_id WHERE pg.id IS NULL`,
      ),
    ).toBe(0);
    expect(
      count(
        db,
        `SELECT COUNT(*) AS n FROM policy_resource_groups prg
         LEFT JOIN resource_groups rg ON rg.id = prg.resource_group_id WHERE rg.id IS NULL`,
      ),
    ).toBe(0);
    // Every policy grants something on something (a group may have no policies, a policy may not be empty).
    expect(
      count(
        db,
        `SELECT COUNT(*) AS n FROM policies p
         WHERE NOT EXISTS (SELECT 1 FROM policy_permission_groups WHERE policy_id = p.id)
            OR NOT EXISTS (SELECT 1 FROM policy_resource_groups WHERE policy_id = p.id)`,
      ),
    ).toBe(0);
    // An account-level permission group never sits in a policy with a zone resource group.
    expect(
      count(
        db,
        `SELECT COUNT(*) AS n FROM policies p
         JOIN policy_permission_groups ppg ON ppg.policy_id = p.id
         JOIN permission_groups pg ON pg.id = ppg.permission_group_id AND pg.scope_level = 'account'
         JOIN policy_resource_groups prg ON prg.policy_id = p.id
         JOIN resource_groups rg ON rg.id = prg.resource_group_id
         WHERE rg.scope_objects <> json_array('com.cloudflare.api.account.' || rg.account_id)`,
      ),
    ).toBe(0);
    // …nor a zone-level one with the whole account (today's 1006 holds both ways: Decision 3).
    expect(
      rows(
        db,
        `SELECT p.id FROM policies p
         JOIN policy_permission_groups ppg ON ppg.policy_id = p.id
         JOIN permission_groups pg ON pg.id = ppg.permission_group_id AND pg.scope_level = 'zone'
         JOIN policy_resource_groups prg ON prg.policy_id = p.id
         JOIN resource_groups rg ON rg.id = prg.resource_group_id
         WHERE rg.scope_objects IN (json_array('com.cloudflare.api.account.' || rg.account_id), json_array('*'))`,
      ),
    ).toEqual([]);
    // Policies and memberships stay inside the user group's account.
    expect(
      count(
        db,
        `SELECT COUNT(*) AS n FROM policy_resource_groups prg
         JOIN policies p ON p.id = prg.policy_id JOIN user_groups ug ON ug.id = p.user_group_id
         JOIN resource_groups rg ON rg.id = prg.resource_group_id WHERE rg.account_id <> ug.account_id`,
      ),
    ).toBe(0);
    expect(
      count(
        db,
        `SELECT COUNT(*) AS n FROM user_group_members ugm
         JOIN user_groups ug ON ug.id = ugm.user_group_id JOIN account_members m ON m.id = ugm.member_id
         WHERE m.account_id <> ug.account_id`,
      ),
    ).toBe(0);
  });

  it('uses 32-hex ids, unique names per account and consistent timestamps', () => {
    const db = dbs[kind]!;
    for (const table of ['user_groups', 'resource_groups', 'account_members', 'policies', 'sso_connectors']) {
      expect(count(db, `SELECT COUNT(*) AS n FROM ${table} WHERE id NOT GLOB '${'[0-9a-f]'.repeat(32)}'`)).toBe(0);
    }
    for (const table of ['user_groups', 'resource_groups']) {
      expect(
        count(
          db,
          `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${table} GROUP BY account_id, lower(name) HAVING COUNT(*) > 1)`,
        ),
      ).toBe(0);
      expect(count(db, `SELECT COUNT(*) AS n FROM ${table} WHERE modified_on < created_on`)).toBe(0);
    }
    expect(
      count(db, 'SELECT COUNT(*) AS n FROM (SELECT 1 FROM account_members GROUP BY account_id, lower(email) HAVING COUNT(*) > 1)'),
    ).toBe(0);
    expect(count(db, 'SELECT COUNT(*) AS n FROM account_members WHERE length(email) > 90')).toBe(0);
    expect(
      count(
        db,
        `SELECT COUNT(*) AS n FROM user_group_members ugm
         JOIN user_groups ug ON ug.id = ugm.user_group_id JOIN account_members m ON m.id = ugm.member_id
         WHERE ugm.created_at < ug.created_on OR ugm.created_at < m.created_on`,
      ),
    ).toBe(0);
  });
});

describe('empty seed', () => {
  it('has catalogues and accounts but nothing an admin made', () => {
    const db = dbs.empty!;
    for (const table of [
      'resource_groups',
      'user_groups',
      'policies',
      'account_members',
      'user_group_members',
      'sso_connectors',
      'oauth_clients',
      'sandbox_dns_records',
      'zones',
    ]) {
      expect(count(db, `SELECT COUNT(*) AS n FROM ${table}`), table).toBe(0);
    }
  });
});

describe('default seed', () => {
  const db = () => dbs.default!;

  it('gives Acme Corp ~25 user groups with allow and deny policies, one with no members', () => {
    const groups = count(db(), 'SELECT COUNT(*) AS n FROM user_groups WHERE account_id = ?', DEFAULT_ACCOUNT_ID);
    expect(groups).toBeGreaterThanOrEqual(22);
    expect(groups).toBeLessThanOrEqual(32);
    const access = rows<{ access: string }>(db(), 'SELECT DISTINCT access FROM policies').map((r) => r.access);
    expect(access.sort()).toEqual(['allow', 'deny']);
    const sizes = rows<{ name: string; n: number }>(
      db(),
      `SELECT ug.name, (SELECT COUNT(*) FROM user_group_members WHERE user_group_id = ug.id) AS n
       FROM user_groups ug WHERE account_id = ?`,
      DEFAULT_ACCOUNT_ID,
    );
    expect(sizes.some((g) => g.n === 0)).toBe(true);
    expect(Math.max(...sizes.map((g) => g.n))).toBeLessThanOrEqual(60);
    expect(Math.max(...sizes.map((g) => g.n))).toBeGreaterThanOrEqual(30);
  });

  it('gives Acme Corp ~200 members, accepted and pending, staff and contractors', () => {
    const members = rows<{ email: string; status: string; user_id: string }>(
      db(),
      'SELECT email, status, user_id FROM account_members WHERE account_id = ?',
      DEFAULT_ACCOUNT_ID,
    );
    expect(members.length).toBeGreaterThanOrEqual(190);
    expect(members.length).toBeLessThanOrEqual(210);
    const pending = members.filter((m) => m.status === 'pending').length;
    expect(pending / members.length).toBeGreaterThan(0.1);
    expect(pending / members.length).toBeLessThan(0.2);
    expect(members.every((m) => HEX32.test(m.user_id))).toBe(true);
    expect(members.every((m) => /^[a-z0-9.]+@[a-z0-9.-]+\.[a-z]+$/.test(m.email))).toBe(true);
    expect(new Set(members.map((m) => m.email.split('@')[1])).size).toBeGreaterThanOrEqual(3);
  });

  it('has an account-wide resource group, zone groups and one group of Workers (TODAY.md row 27)', () => {
    const rgs = rows<{ id: string; scope_key: string; scope_objects: string }>(
      db(),
      'SELECT * FROM resource_groups WHERE account_id = ?',
      DEFAULT_ACCOUNT_ID,
    );
    const accountKey = `com.cloudflare.api.account.${DEFAULT_ACCOUNT_ID}`;
    const accountWide = rgs.find((rg) => rg.id === ACCOUNT_WIDE_RESOURCE_GROUP_ID)!;
    expect(JSON.parse(accountWide.scope_objects)).toEqual([accountKey]);
    const isWorkers = (rg: { scope_objects: string }) => (JSON.parse(rg.scope_objects) as string[]).every((key) => key.startsWith('com.cloudflare.api.account.worker.'));
    const workers = rgs.filter(isWorkers);
    expect(workers).toHaveLength(1);
    for (const key of JSON.parse(workers[0]!.scope_objects)) expect(key).toMatch(/^com\.cloudflare\.api\.account\.worker\.[0-9a-f]{32}$/);
    const zoneGroups = rgs.filter((rg) => rg.id !== ACCOUNT_WIDE_RESOURCE_GROUP_ID && !isWorkers(rg));
    expect(zoneGroups.length).toBeGreaterThanOrEqual(5);
    for (const rg of zoneGroups) {
      expect(rg.scope_key).toBe(accountKey);
      for (const key of JSON.parse(rg.scope_objects)) expect(key).toMatch(/^com\.cloudflare\.api\.account\.zone\.[0-9a-f]{32}$/);
    }
  });

  it('gives Acme Staging a handful of groups and members', () => {
    expect(count(db(), 'SELECT COUNT(*) AS n FROM user_groups WHERE account_id = ?', STAGING_ACCOUNT_ID)).toBeGreaterThan(2);
    expect(count(db(), 'SELECT COUNT(*) AS n FROM account_members WHERE account_id = ?', STAGING_ACCOUNT_ID)).toBeGreaterThan(5);
  });

  it('has SSO connectors in every verification state, with DNS records that match', () => {
    const sso = rows<{
      email_domain: string;
      enabled: number;
      verification_code: string;
      verification_status: string;
      verification_started_at: string | null;
    }>(db(), 'SELECT * FROM sso_connectors WHERE account_id = ?', DEFAULT_ACCOUNT_ID);
    expect(new Set(sso.map((s) => s.verification_status))).toEqual(new Set(['verified', 'pending', 'failed', 'awaiting']));
    for (const s of sso) {
      expect(s.verification_code).toMatch(/^cloudflare_dashboard_sso=[0-9a-f]{32}$/);
      const txt = rows<{ content: string }>(
        db(),
        "SELECT content FROM sandbox_dns_records WHERE name = ? AND type = 'TXT'",
        s.email_domain,
      ).map((r) => r.content);
      if (s.verification_status === 'verified') expect(txt).toContain(s.verification_code);
      else expect(txt).not.toContain(s.verification_code);
      if (s.verification_status === 'awaiting') expect(s.verification_started_at).toBeNull();
      else expect(s.verification_started_at).not.toBeNull();
      if (s.enabled) expect(s.verification_status).toBe('verified');
    }
  });

  it('has public and private OAuth clients whose scopes follow the catalogue and protocol rules', () => {
    const catalogue = new Set(rows<{ id: string }>(db(), 'SELECT id FROM oauth_scopes').map((r) => r.id));
    const clients = rows<{
      visibility: string;
      fields: string;
      rotated_secret_hash: string | null;
      uri_verification_status: string | null;
      uri_verification_text: string | null;
      promoted_at: string | null;
    }>(db(), 'SELECT * FROM oauth_clients WHERE account_id = ?', DEFAULT_ACCOUNT_ID);
    expect(new Set(clients.map((c) => c.visibility))).toEqual(new Set(['public', 'private']));
    expect(clients.some((c) => c.rotated_secret_hash !== null)).toBe(true);
    expect(clients.some((c) => c.uri_verification_status === 'pending')).toBe(true);
    for (const c of clients) {
      const f = JSON.parse(c.fields);
      expect(f.grant_types).toContain('authorization_code');
      expect(f.scopes.includes('offline_access')).toBe(f.grant_types.includes('refresh_token'));
      expect(f.scopes.includes('openid')).toBe(f.response_types.includes('id_token'));
      for (const scope of f.scopes) {
        if (scope !== 'openid' && scope !== 'offline_access') expect(catalogue.has(scope), scope).toBe(true);
      }
      for (const scope of f.optional_scopes) expect(f.scopes).toContain(scope);
      if (c.uri_verification_text) expect(c.uri_verification_text).toMatch(/^cloudflare_oauth_client_verification=[0-9a-f]{32}$/);
      if (c.visibility === 'public') {
        expect(c.promoted_at).not.toBeNull();
        expect(c.uri_verification_status).toBe('verified');
        expect(f.logo_uri).toMatch(/^https:\/\//);
        expect(f.client_name).toBeTruthy();
      }
    }
  });

  it('stores no plaintext secret: only SHA-256 hex hashes', () => {
    const clients = rows<Record<string, unknown>>(db(), 'SELECT * FROM oauth_clients');
    for (const c of clients) {
      expect(c.secret_hash).toMatch(/^[0-9a-f]{64}$/);
      if (c.rotated_secret_hash !== null) expect(c.rotated_secret_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.parse(c.fields as string)).not.toHaveProperty('client_secret');
      // A secret is 43 base64url characters; none may appear anywhere in the row.
      expect(JSON.stringify(c)).not.toMatch(/(^|[^A-Za-z0-9_-])[A-Za-z0-9_-]{43}([^A-Za-z0-9_-]|$)/);
    }
  });
});

describe('large seed', () => {
  it('adds 10,000 user groups and 5,000 members on top of the default data', () => {
    const large = dbs.large!;
    const base = dbs.default!;
    const groups = (db: Db) => count(db, 'SELECT COUNT(*) AS n FROM user_groups WHERE account_id = ?', DEFAULT_ACCOUNT_ID);
    const members = (db: Db) => count(db, 'SELECT COUNT(*) AS n FROM account_members WHERE account_id = ?', DEFAULT_ACCOUNT_ID);
    expect(groups(large) - groups(base)).toBe(LARGE_EXTRA_GROUPS);
    expect(members(large) - members(base)).toBe(LARGE_EXTRA_MEMBERS);
    const policiesPerGroup = rows<{ n: number }>(
      large,
      `SELECT COUNT(p.id) AS n FROM user_groups ug LEFT JOIN policies p ON p.user_group_id = ug.id
       WHERE ug.name LIKE '% – % – %' GROUP BY ug.id`,
    ).map((r) => r.n);
    expect(Math.min(...policiesPerGroup)).toBe(1);
    expect(Math.max(...policiesPerGroup)).toBe(3);
    const allStaff = rows<{ id: string }>(large, 'SELECT id FROM user_groups WHERE name = ?', ALL_STAFF_GROUP_NAME)[0]!;
    expect(count(large, 'SELECT COUNT(*) AS n FROM user_group_members WHERE user_group_id = ?', allStaff.id)).toBe(
      members(large),
    );
  });
});

describe('determinism', () => {
  const snapshot = (db: Db) => ({
    userGroups: rows(db, 'SELECT id, account_id, name, created_on, modified_on FROM user_groups ORDER BY id'),
    policies: rows(db, 'SELECT * FROM policies ORDER BY id'),
    grants: rows(db, 'SELECT * FROM policy_permission_groups ORDER BY policy_id, position'),
    targets: rows(db, 'SELECT * FROM policy_resource_groups ORDER BY policy_id, position'),
    resourceGroups: rows(db, 'SELECT * FROM resource_groups ORDER BY id'),
    members: rows(db, 'SELECT * FROM account_members ORDER BY id'),
    memberships: rows(db, 'SELECT * FROM user_group_members ORDER BY user_group_id, member_id'),
    permissionGroups: rows(db, 'SELECT * FROM permission_groups ORDER BY position'),
    scopes: rows(db, 'SELECT * FROM oauth_scopes ORDER BY position'),
    // Secrets are random by design and in-progress verifications start at the real seeding time.
    sso: rows(db, "SELECT id, email_domain, verification_code, verification_status, created_on FROM sso_connectors ORDER BY id"),
    oauth: rows(db, 'SELECT client_id, visibility, fields, uri_verification_text, promoted_at, created_at FROM oauth_clients ORDER BY client_id'),
    dns: rows(db, 'SELECT * FROM sandbox_dns_records ORDER BY id'),
  });

  it('produces identical rows, ids included, on every open of the default seed', () => {
    const again = openSandboxDb(':memory:', 'default');
    try {
      expect(snapshot(again)).toEqual(snapshot(dbs.default!));
    } finally {
      again.close();
    }
  });

  it('produces identical user groups and members on every open of the large seed', () => {
    const again = openSandboxDb(':memory:', 'large');
    try {
      const ids = (db: Db) => rows(db, 'SELECT id, name FROM user_groups ORDER BY rowid');
      const members = (db: Db) => rows(db, 'SELECT id, email FROM account_members ORDER BY rowid');
      expect(ids(again)).toEqual(ids(dbs.large!));
      expect(members(again)).toEqual(members(dbs.large!));
    } finally {
      again.close();
    }
  });
});

describe('SCIM-managed groups and the all-zones resource group (default seed)', () => {
  it('seeds two groups an IdP provisions, each with a SCIM creation entry in the audit log', () => {
    const db = dbs.default!;
    const scim = rows<{ id: string; name: string }>(db, "SELECT id, name FROM user_groups WHERE managed_by = 'scim' ORDER BY name");
    expect(scim.map((g) => g.name)).toEqual(['Okta · Finance', 'Okta · Platform Engineers']);
    for (const group of scim) {
      expect(rows(db, 'SELECT action_type, uri FROM audit_logs WHERE resource_id = ?', group.id)).toEqual([
        { action_type: 'create', uri: `/client/v4/accounts/${DEFAULT_ACCOUNT_ID}/scim/v2/Groups` },
      ]);
      expect(count(db, 'SELECT COUNT(*) AS n FROM user_group_members WHERE user_group_id = ?', group.id)).toBeGreaterThan(0);
    }
    expect(count(db, "SELECT COUNT(*) AS n FROM user_groups WHERE managed_by IS NOT NULL AND managed_by <> 'scim'")).toBe(0);
  });

  it('has an "All Acme zones" group naming every Acme Corp zone', () => {
    const db = dbs.default!;
    const [group] = rows<{ scope_objects: string }>(db, "SELECT scope_objects FROM resource_groups WHERE name = 'All Acme zones'");
    const objects = JSON.parse(group!.scope_objects) as string[];
    expect(objects.length).toBe(10);
    expect(objects.every((o) => /^com\.cloudflare\.api\.account\.zone\.[0-9a-f]{32}$/.test(o))).toBe(true);
  });
});
