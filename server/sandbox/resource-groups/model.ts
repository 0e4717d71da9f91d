import { z } from 'zod';
import type { SandboxApiShapes } from '../../config.ts';
import type { Db } from '../db/open.ts';
import type { CfMessage } from '../../http/envelope.ts';
import { ErrorCode } from '../../http/envelope.ts';
import { newId, timestamp } from '../ids.ts';

/** Scope objects per resource group: a generous bound that still refuses absurd payloads. */
export const MAX_SCOPE_OBJECTS = 1000;

const ACCOUNT_KEY = /^com\.cloudflare\.api\.account\.([0-9a-f]{32})$/;
const ZONE_KEY = /^com\.cloudflare\.api\.account\.zone\.([0-9a-f]{32})$/;
/** A single Worker (per-resource permissions docs): `com.cloudflare.api.account.worker.<WORKER_ID>`. */
const WORKER_KEY = /^com\.cloudflare\.api\.account\.worker\.([0-9a-f]{32})$/;
const WILDCARD = '*';

/** The meta the API gives the anonymous resource group it creates for an inline scope. */
export const ADHOC_META = { key: 'adhoc', value: 'true' } as const;

export function accountScopeKey(accountId: string): string {
  return `com.cloudflare.api.account.${accountId}`;
}

const scopeObject = z.strictObject(
  {
    key: z.string().max(200, 'must be at most 200 characters'),
    objects: z
      .array(z.strictObject({ key: z.string().max(200, 'must be at most 200 characters') }))
      .min(1, 'The number of Scope objects should not be zero.')
      .max(MAX_SCOPE_OBJECTS, `must have at most ${MAX_SCOPE_OBJECTS} scope objects`),
  },
  { error: (issue) => (Array.isArray(issue.input) ? 'must be one scope: an object, or an array holding exactly one' : undefined) },
);

/**
 * Request shape: ONE scope. The seeds send it as an object while responses carry an array of
 * them; the official SDK 7.x types it as an object, too — but a client that sends back what it
 * read sends the array, so an array of exactly one is taken as that scope (README, Sandbox fidelity).
 */
export const scopeSchema = z.preprocess((value) => (Array.isArray(value) && value.length === 1 ? value[0] : value), scopeObject);
export type ScopeInput = z.output<typeof scopeSchema>;

export interface Scope {
  key: string;
  objects: string[];
}

export interface ResourceGroupRow {
  id: string;
  account_id: string;
  name: string;
  scope_key: string;
  scope_objects: string;
  meta: string | null;
  created_on: string;
  modified_on: string;
}

/** Where a scope sits in the request, for error pointers and messages. */
export interface ScopeLocation {
  pointer: string; // e.g. /scope or /policies/0/resource_groups/1/scope
  label: string; // e.g. scope or policies[0].resource_groups[1].scope
}

/**
 * Checks a requested scope. The key names this account; objects are zones of it, or `*` / the
 * account key itself for the whole account (alone, since they cover every zone). An inline
 * (ad-hoc) scope may instead name one zone with the object `*`, as the dashboard sends.
 */
export function checkScope(
  input: ScopeInput,
  accountId: string,
  at: ScopeLocation,
  { inline }: { inline: boolean },
): { scope: Scope; errors: CfMessage[] } {
  const errors: CfMessage[] = [];
  const fail = (path: string, labelPath: string, message: string) =>
    errors.push({
      code: ErrorCode.invalidField,
      message: `${at.label}${labelPath}: ${message}`,
      source: { pointer: `${at.pointer}${path}` },
    });
  const objects = [...new Set(input.objects.map((o) => o.key))];
  const scope = { key: input.key, objects };
  const ownKey = accountScopeKey(accountId);

  if (inline && ZONE_KEY.test(input.key)) {
    input.objects.forEach((o, i) => {
      if (o.key !== WILDCARD) fail(`/objects/${i}/key`, `.objects[${i}].key`, `a zone scope takes the object "*" only`);
    });
    return { scope, errors };
  }
  const account = ACCOUNT_KEY.exec(input.key);
  if (!account) {
    const expected = inline
      ? 'com.cloudflare.api.account.<account id> or com.cloudflare.api.account.zone.<zone id> (32 hex)'
      : 'com.cloudflare.api.account.<account id> (32 lowercase hex)';
    fail('/key', '.key', `must be ${expected}, got "${input.key}"`);
    return { scope, errors };
  }
  if (account[1] !== accountId) {
    fail('/key', '.key', `must be this account's key ${ownKey}, got "${input.key}"`);
    return { scope, errors };
  }
  const wholeAccount = (key: string) => key === WILDCARD || key === ownKey;
  input.objects.forEach((o, i) => {
    if (!ZONE_KEY.test(o.key) && !WORKER_KEY.test(o.key) && !wholeAccount(o.key)) {
      fail(
        `/objects/${i}/key`,
        `.objects[${i}].key`,
        `must be com.cloudflare.api.account.zone.<zone id>, com.cloudflare.api.account.worker.<worker id> (32 lowercase hex), "*" or ${ownKey}, got "${o.key}"`,
      );
    } else if (wholeAccount(o.key) && objects.length > 1) {
      fail(`/objects/${i}/key`, `.objects[${i}].key`, `"${o.key}" covers the whole account and must be the only scope object`);
    }
  });
  return { scope, errors };
}

export function objectsOf(row: Pick<ResourceGroupRow, 'scope_objects'>): string[] {
  const parsed = JSON.parse(row.scope_objects) as Array<string | { key: string }>;
  return parsed.map((o) => (typeof o === 'string' ? o : o.key));
}

/** Account-wide: the account key with `*` or the account itself as its only object; anything else acts on zones. */
export function isAccountWide(row: Pick<ResourceGroupRow, 'scope_key' | 'scope_objects'>): boolean {
  if (!ACCOUNT_KEY.test(row.scope_key)) return false;
  const objects = objectsOf(row);
  return objects.length === 1 && (objects[0] === WILDCARD || objects[0] === row.scope_key);
}

/** The classes of resource a group reaches, for rule 1006: the whole account, zones, Workers (zones and Workers may mix). */
export type ResourceClass = 'account' | 'zone' | 'worker';

export function resourceClassesOf(row: Pick<ResourceGroupRow, 'scope_key' | 'scope_objects'>): Set<ResourceClass> {
  if (isAccountWide(row)) return new Set(['account']);
  if (ZONE_KEY.test(row.scope_key)) return new Set(['zone']); // an inline scope naming one zone
  return new Set(objectsOf(row).map((key): ResourceClass => (WORKER_KEY.test(key) ? 'worker' : 'zone')));
}

function metaOf(row: Pick<ResourceGroupRow, 'meta'>): { key?: string; value?: string } | null {
  return row.meta ? (JSON.parse(row.meta) as { key?: string; value?: string }) : null;
}

export function isAdhoc(row: Pick<ResourceGroupRow, 'meta'>): boolean {
  const meta = metaOf(row) as Record<string, unknown> | null;
  return Boolean(meta && ((meta.key === 'adhoc' && meta.value === 'true') || meta.adhoc === 'true'));
}

/**
 * The API's shape. Today `scope` is ONE object {key, objects[{key}]} (schema `iam_scope`, the SDK
 * since 2026-07-24); the 2024 pages answered an array holding it.
 */
export function resourceGroupResource(row: ResourceGroupRow, shapes: SandboxApiShapes) {
  const meta = metaOf(row);
  const scope = { key: row.scope_key, objects: objectsOf(row).map((key) => ({ key })) };
  return {
    id: row.id,
    name: row.name,
    ...(meta ? { meta } : {}),
    scope: shapes === 'today' ? scope : [scope],
  };
}

export function getResourceGroup(db: Db, accountId: string, id: string): ResourceGroupRow | undefined {
  return db.prepare('SELECT * FROM resource_groups WHERE id = ? AND account_id = ?').get(id, accountId) as
    | ResourceGroupRow
    | undefined;
}

export function insertResourceGroup(
  db: Db,
  accountId: string,
  name: string,
  scope: Scope,
  meta: { key: string; value: string } | null,
): ResourceGroupRow {
  const now = timestamp();
  const row: ResourceGroupRow = {
    id: newId(),
    account_id: accountId,
    name,
    scope_key: scope.key,
    scope_objects: JSON.stringify(scope.objects),
    meta: meta ? JSON.stringify(meta) : null,
    created_on: now,
    modified_on: now,
  };
  db.prepare(
    `INSERT INTO resource_groups (id, account_id, name, scope_key, scope_objects, meta, created_on, modified_on)
     VALUES (@id, @account_id, @name, @scope_key, @scope_objects, @meta, @created_on, @modified_on)`,
  ).run(row);
  return row;
}

/**
 * The anonymous resource group for an inline scope: an existing ad-hoc group of this account
 * with the same scope is reused, otherwise one is created, named after its scope key.
 */
export function adhocResourceGroup(db: Db, accountId: string, scope: Scope): ResourceGroupRow {
  const wanted = [...scope.objects].sort().join('\n');
  const candidates = db
    .prepare('SELECT * FROM resource_groups WHERE account_id = ? AND scope_key = ? AND meta IS NOT NULL')
    .all(accountId, scope.key) as ResourceGroupRow[];
  const same = candidates.find((row) => isAdhoc(row) && objectsOf(row).sort().join('\n') === wanted);
  return same ?? insertResourceGroup(db, accountId, scope.key, scope, { ...ADHOC_META });
}

/** Ad-hoc groups live only as long as a policy uses them: drop those among `ids` nothing references now. */
export function dropOrphanAdhoc(db: Db, ids: Iterable<string>): void {
  const referenced = db.prepare('SELECT 1 FROM policy_resource_groups WHERE resource_group_id = ? LIMIT 1');
  const load = db.prepare('SELECT * FROM resource_groups WHERE id = ?');
  const remove = db.prepare('DELETE FROM resource_groups WHERE id = ?');
  for (const id of new Set(ids)) {
    const row = load.get(id) as ResourceGroupRow | undefined;
    if (row && isAdhoc(row) && !referenced.get(id)) remove.run(id);
  }
}

export interface PolicyReference {
  user_group: { id: string; name: string };
  policy_id: string;
  access: 'allow' | 'deny';
}

/**
 * Which user-group policies use a resource group (for a delete confirmation). Clients of the
 * real API compute the same from the user groups list; the sandbox needs no extra endpoint.
 */
export function policiesReferencingResourceGroup(db: Db, accountId: string, resourceGroupId: string): PolicyReference[] {
  const rows = db
    .prepare(
      `SELECT ug.id AS user_group_id, ug.name AS user_group_name, p.id AS policy_id, p.access
         FROM policy_resource_groups prg
         JOIN policies p ON p.id = prg.policy_id
         JOIN user_groups ug ON ug.id = p.user_group_id
        WHERE prg.resource_group_id = ? AND ug.account_id = ?
        ORDER BY ug.name COLLATE NOCASE, ug.id, p.position`,
    )
    .all(resourceGroupId, accountId) as Array<{
    user_group_id: string;
    user_group_name: string;
    policy_id: string;
    access: 'allow' | 'deny';
  }>;
  return rows.map((r) => ({
    user_group: { id: r.user_group_id, name: r.user_group_name },
    policy_id: r.policy_id,
    access: r.access,
  }));
}
