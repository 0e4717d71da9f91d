/**
 * Test-only helpers for the IAM route tests: a sandbox that depends on no seed row but the
 * default account id, with its own permission groups and account members inserted directly.
 */
import { expect } from 'vitest';
import type { SandboxApiShapes } from '../config.ts';
import type { Db } from './db/open.ts';
import { newId, timestamp } from './ids.ts';
import { ACCOUNT, createTestSandbox, snapshotCounts, type ApiResponse } from './test-support.ts';

export const OTHER_ACCOUNT = '0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b';
export const ACCOUNT_KEY = `com.cloudflare.api.account.${ACCOUNT}`;

export const zoneKey = (n: number) => `com.cloudflare.api.account.zone.${n.toString(16).padStart(32, '0')}`;
export const zoneScope = (...zones: number[]) => ({ key: ACCOUNT_KEY, objects: zones.map((z) => ({ key: zoneKey(z) })) });
export const accountScope = () => ({ key: ACCOUNT_KEY, objects: [{ key: '*' }] });

let position = 10_000;

export function insertPermissionGroup(db: Db, name: string, scopeLevel: 'account' | 'zone'): string {
  const id = newId();
  db.prepare('INSERT INTO permission_groups (id, name, label, scope_level, position) VALUES (?, ?, ?, ?, ?)').run(
    id,
    name,
    name.toLowerCase().replace(/\W+/g, '_'),
    scopeLevel,
    position++,
  );
  return id;
}

export interface MemberFields {
  email: string;
  status?: 'accepted' | 'pending';
  first_name?: string | null;
  last_name?: string | null;
  account?: string;
}

export function insertAccountMember(db: Db, fields: MemberFields): string {
  const id = newId();
  db.prepare(
    `INSERT INTO account_members (id, account_id, user_id, email, first_name, last_name, status, created_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    fields.account ?? ACCOUNT,
    newId(),
    fields.email,
    fields.first_name === undefined ? 'First' : fields.first_name,
    fields.last_name === undefined ? 'Last' : fields.last_name,
    fields.status ?? 'accepted',
    timestamp(),
  );
  return id;
}

/**
 * A fresh sandbox ('empty' seed) with both accounts (named "Test Account" and "Other Account")
 * and its own permission groups: one account-level, two zone-level.
 */
export function createIamSandbox(shapes: SandboxApiShapes = 'today') {
  const sandbox = createTestSandbox('empty', 0, shapes);
  const { db } = sandbox;
  // Whatever the 'empty' seed holds, these tests start from no groups and no members.
  for (const table of [
    'user_group_members',
    'policy_permission_groups',
    'policy_resource_groups',
    'policies',
    'user_groups',
    'resource_groups',
    'account_members',
  ]) {
    db.prepare(`DELETE FROM ${table}`).run();
  }
  const account = db.prepare(
    `INSERT INTO accounts (id, name, type, created_on) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name`,
  );
  account.run(ACCOUNT, 'Test Account', 'enterprise', timestamp());
  account.run(OTHER_ACCOUNT, 'Other Account', 'standard', timestamp());
  const accountPg = insertPermissionGroup(db, 'Test Account Settings Write', 'account');
  const zonePg = insertPermissionGroup(db, 'Test Zone Read', 'zone');
  const zonePg2 = insertPermissionGroup(db, 'Test DNS Write', 'zone');

  async function createResourceGroup(name: string, scope: unknown = zoneScope(1)): Promise<string> {
    const res = await sandbox.call('POST', `/accounts/${ACCOUNT}/iam/resource_groups`, { name, scope });
    expect(res.status, JSON.stringify(res.body.errors)).toBe(200);
    return res.body.result.id as string;
  }

  async function createUserGroup(body: unknown): Promise<any> {
    const res = await sandbox.call('POST', `/accounts/${ACCOUNT}/iam/user_groups`, body);
    expect(res.status, JSON.stringify(res.body.errors)).toBe(200);
    return res.body.result;
  }

  /** Sets a user group's modified_on far in the past, so a later bump is visible. */
  function ageUserGroup(id: string): string {
    const old = '2020-01-01T00:00:00.000000Z';
    db.prepare('UPDATE user_groups SET modified_on = ? WHERE id = ?').run(old, id);
    return old;
  }

  const modifiedOn = (id: string) =>
    (db.prepare('SELECT modified_on FROM user_groups WHERE id = ?').get(id) as { modified_on: string }).modified_on;

  return { ...sandbox, accountPg, zonePg, zonePg2, createResourceGroup, createUserGroup, ageUserGroup, modifiedOn };
}

export interface ExpectedError {
  status?: number;
  code?: number;
  pointer?: string;
  message?: string | RegExp;
}

/** Asserts a rejection in the Cloudflare envelope: status, success:false, code ≥ 1000, pointer, message. */
export function expectError(res: ApiResponse, expected: ExpectedError): void {
  expect(res.status, JSON.stringify(res.body)).toBe(expected.status ?? 400);
  expect(res.body.success).toBe(false);
  expect(res.body.result).toBeNull();
  expect(res.body.errors.length).toBeGreaterThan(0);
  for (const e of res.body.errors) expect(e.code).toBeGreaterThanOrEqual(1000);
  const match = res.body.errors.find(
    (e) =>
      (expected.code === undefined || e.code === expected.code) &&
      (expected.pointer === undefined || e.source?.pointer === expected.pointer) &&
      (expected.message === undefined ||
        (typeof expected.message === 'string' ? e.message.includes(expected.message) : expected.message.test(e.message))),
  );
  expect(match, `no error matching ${JSON.stringify(expected)} in ${JSON.stringify(res.body.errors)}`).toBeDefined();
}

/** Runs a request that must be rejected and asserts it wrote nothing. */
export async function expectRejectedWithoutWrite(
  db: Db,
  request: () => Promise<ApiResponse>,
  expected: ExpectedError,
): Promise<ApiResponse> {
  const before = snapshotCounts(db);
  const dump = JSON.stringify(db.prepare('SELECT * FROM user_groups ORDER BY id').all()) +
    JSON.stringify(db.prepare('SELECT * FROM resource_groups ORDER BY id').all());
  const res = await request();
  expectError(res, expected);
  expect(snapshotCounts(db)).toEqual(before);
  expect(
    JSON.stringify(db.prepare('SELECT * FROM user_groups ORDER BY id').all()) +
      JSON.stringify(db.prepare('SELECT * FROM resource_groups ORDER BY id').all()),
  ).toBe(dump);
  return res;
}
