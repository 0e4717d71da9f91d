import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { SandboxApiShapes } from '../../config.ts';
import type { Db } from '../db/open.ts';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { CfError, ErrorCode, notFound, ok, okBytes, okItemBody, okItemsBody, okJsonItem } from '../../http/envelope.ts';
import { newId, timestamp } from '../ids.ts';
import { offsetOf, resultInfo } from '../pagination.ts';
import { containsPattern } from '../sql.ts';
import { intParam, parseBody, parseQuery } from '../validation.ts';
import { directionParam, duplicateName, nameSchema, nameTaken, optionalQuery, USER_GROUP_NAME_MAX } from '../group-names.ts';
import { loadPolicies, planPolicies, plannedFingerprint, policiesSchema, writePolicies, type PolicyFingerprintRow } from './policies.ts';
import { dropOrphanAdhoc } from '../resource-groups/model.ts';
import { cachedAnswer, cachedJson, cachedRows } from '../db/response-cache.ts';

export interface UserGroupRow {
  id: string;
  account_id: string;
  name: string;
  created_on: string;
  modified_on: string;
  /** 'scim' when an identity provider provisions the group (Decision 4); absent or null otherwise. */
  managed_by?: string | null;
}

export const SCIM_MANAGED_MESSAGE = 'Invalid request: this user group is managed by SCIM provisioning and cannot be modified';

/** A group an identity provider provisions through SCIM takes no write from the API (Decision 4). */
export function refuseIfScimManaged(row: UserGroupRow): void {
  if (row.managed_by === 'scim') throw new CfError(400, { code: ErrorCode.invalidField, message: SCIM_MANAGED_MESSAGE });
}

const text = (max: number) => optionalQuery(z.string().max(max, `must be at most ${max} characters`));

/** Today's schema: the id filter is a user group id, exactly 32 characters (minLength = maxLength = 32). */
const listQuery = (shapes: SandboxApiShapes) => z.object({
  id: shapes === 'today' ? optionalQuery(z.string().length(32, 'must be 32 characters: a user group id')) : text(64),
  name: text(USER_GROUP_NAME_MAX),
  fuzzy_name: text(USER_GROUP_NAME_MAX),
  fuzzyName: text(USER_GROUP_NAME_MAX), // the official SDK's spelling
  direction: directionParam,
  page: intParam(1, 1_000_000, 1),
  per_page: intParam(1, 500, 100),
});

/** The SDK makes `policies` optional on create (seed 003's Python form requires it). */
const createBody = z.strictObject({ name: nameSchema(USER_GROUP_NAME_MAX), policies: policiesSchema.optional() });
const updateBody = z.strictObject({
  name: nameSchema(USER_GROUP_NAME_MAX).optional(),
  policies: policiesSchema.optional(),
});

export function getUserGroup(db: Db, accountId: string, id: string): UserGroupRow | undefined {
  return db.prepare('SELECT * FROM user_groups WHERE id = ? AND account_id = ?').get(id, accountId) as
    | UserGroupRow
    | undefined;
}

export function userGroupResources(db: Db, rows: UserGroupRow[], shapes: SandboxApiShapes) {
  const policies = loadPolicies(
    db,
    rows.map((r) => r.id),
    shapes,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    created_on: r.created_on,
    modified_on: r.modified_on,
    policies: policies.get(r.id) ?? [],
  }));
}

export function registerUserGroups(api: Hono<SandboxEnv>, { db, shapes = 'today' }: SandboxDeps): void {
  const base = '/accounts/:account_id/iam/user_groups';

  /** One group's answer, from the same cache as the list's (writes answer through it too). */
  const groupJson = (row: UserGroupRow) => cachedJson(db, [row], (missing) => userGroupResources(db, missing, shapes))[0]!;

  const querySchema = listQuery(shapes);
  const listPage = (c: Context<SandboxEnv>) => {
    const query = parseQuery(c, querySchema);
    const where = ['account_id = @account'];
    const params: Record<string, string | number> = { account: c.get('accountId') };
    if (query.id) {
      where.push('id = @id');
      params.id = query.id;
    }
    if (query.name) {
      where.push('name = @name COLLATE NOCASE'); // exact name, any case
      params.name = query.name.trim();
    }
    // Both spellings filter by substring, ignoring case; sent together, both apply.
    for (const [key, value] of [
      ['fuzzy_name', query.fuzzy_name],
      ['fuzzyName', query.fuzzyName],
    ] as const) {
      if (!value) continue;
      where.push(`name LIKE @${key} ESCAPE '\\'`);
      params[key] = containsPattern(value);
    }
    const clause = where.join(' AND ');
    const countSql = `SELECT COUNT(*) AS n FROM user_groups WHERE ${clause}`;
    const total = cachedRows<{ n: number }>(db, 'user_groups', countSql, params)[0]!.n;
    const order = query.direction === 'desc' ? 'DESC' : 'ASC';
    // The page's rowids from the index alone (account, name, id: in this order), then their rows:
    // a deep page skips index entries, not table rows.
    const pageSql = `SELECT * FROM user_groups WHERE rowid IN (
           SELECT rowid FROM user_groups WHERE ${clause}
            ORDER BY name COLLATE NOCASE ${order}, id ${order} LIMIT @limit OFFSET @offset)
          ORDER BY name COLLATE NOCASE ${order}, id ${order}`;
    const rows = cachedRows<UserGroupRow>(db, 'user_groups', pageSql, { ...params, limit: query.per_page, offset: offsetOf(query) });
    const items = cachedJson(db, rows, (missing) => userGroupResources(db, missing, shapes));
    return okItemsBody(items, resultInfo(query, rows.length, total));
  };

  api.get(base, (c) => okBytes(c, cachedAnswer(db, 'user_groups', c.req.url, () => listPage(c))));

  api.get(`${base}/:user_group_id`, (c) =>
    okBytes(
      c,
      cachedAnswer(db, 'user_groups', c.req.url, () => {
        const row = getUserGroup(db, c.get('accountId'), c.req.param('user_group_id'));
        if (!row) throw notFound('User group');
        return okItemBody(groupJson(row));
      }),
    ),
  );

  api.post(base, async (c) => {
    const accountId = c.get('accountId');
    const body = await parseBody(c, createBody);
    const row = db.transaction(() => {
      const { plan, errors } = planPolicies(db, accountId, null, body.policies ?? [], shapes);
      if (nameTaken(db, 'user_groups', accountId, body.name)) errors.unshift(...duplicateName('user group', body.name).errors);
      if (errors.length) throw new CfError(400, errors);
      const now = timestamp();
      const created: UserGroupRow = { id: newId(), account_id: accountId, name: body.name, created_on: now, modified_on: now };
      db.prepare(
        'INSERT INTO user_groups (id, account_id, name, created_on, modified_on) VALUES (@id, @account_id, @name, @created_on, @modified_on)',
      ).run(created);
      writePolicies(db, accountId, created.id, plan);
      return created;
    })();
    return okJsonItem(c, groupJson(row));
  });

  /** PUT replaces: `name` if given, and the whole policy set if `policies` is given. */
  api.put(`${base}/:user_group_id`, async (c) => {
    const accountId = c.get('accountId');
    const id = c.req.param('user_group_id');
    const existing = getUserGroup(db, accountId, id);
    if (!existing) throw notFound('User group');
    refuseIfScimManaged(existing);
    const body = await parseBody(c, updateBody);
    const row = db.transaction(() => {
      const current = getUserGroup(db, accountId, id);
      if (!current) throw notFound('User group');
      const { plan, errors } = planPolicies(db, accountId, id, body.policies ?? [], shapes);
      if (body.name !== undefined && nameTaken(db, 'user_groups', accountId, body.name, id)) {
        errors.unshift(...duplicateName('user group', body.name).errors);
      }
      if (errors.length) throw new CfError(400, errors);
      const renamed = body.name !== undefined && body.name !== current.name;
      let policiesChanged = false;
      if (body.policies !== undefined) {
        if (plan.some((policy) => policy.created)) {
          writePolicies(db, accountId, id, plan); // a new policy: the set changed, whatever else it holds
          policiesChanged = true;
        } else {
          const before = policyFingerprint(db, id);
          // An update that re-sends the stored set with its ids (the SDK's types send policies[].id
          // on every update, a rename too) leaves the rows as they are: not deleted and written again.
          const planned = plannedFingerprint(plan);
          if (planned === null || JSON.stringify(planned) !== before) {
            policiesChanged = JSON.stringify(writePolicies(db, accountId, id, plan)) !== before;
          }
        }
      }
      // A PUT that re-sends what is stored is not a modification: editors compare modified_on
      // to detect a colleague's change, and a no-op save must not look like one.
      if (!renamed && !policiesChanged) return current;
      const next = { ...current, name: body.name ?? current.name, modified_on: timestamp() };
      db.prepare('UPDATE user_groups SET name = @name, modified_on = @modified_on WHERE id = @id').run(next);
      return next;
    })();
    return okJsonItem(c, groupJson(row));
  });

  /** Deleting a group takes its policies and memberships with it; the account members stay. */
  api.delete(`${base}/:user_group_id`, (c) => {
    const accountId = c.get('accountId');
    const id = c.req.param('user_group_id');
    db.transaction(() => {
      const existing = getUserGroup(db, accountId, id);
      if (!existing) throw notFound('User group');
      refuseIfScimManaged(existing);
      const used = db
        .prepare(
          `SELECT prg.resource_group_id AS id FROM policy_resource_groups prg
             JOIN policies p ON p.id = prg.policy_id WHERE p.user_group_id = ?`,
        )
        .all(id) as Array<{ id: string }>;
      db.prepare('DELETE FROM user_groups WHERE id = ?').run(id);
      dropOrphanAdhoc(
        db,
        used.map((u) => u.id),
      );
    })();
    return ok(c, { id });
  });
}

/**
 * The stored policy set of a group (ids, access, references, in order) as one comparable string,
 * in the shape writePolicies answers: ids only, from one query.
 */
function policyFingerprint(db: Db, userGroupId: string): string {
  const rows = db
    .prepare(
      `SELECT p.id, p.access,
              (SELECT group_concat(permission_group_id, ',' ORDER BY position) FROM policy_permission_groups WHERE policy_id = p.id) AS pgs,
              (SELECT group_concat(resource_group_id, ',' ORDER BY position) FROM policy_resource_groups WHERE policy_id = p.id) AS rgs
         FROM policies p WHERE p.user_group_id = ? ORDER BY p.position`,
    )
    .all(userGroupId) as Array<{ id: string; access: string; pgs: string | null; rgs: string | null }>;
  return JSON.stringify(rows.map((p): PolicyFingerprintRow => [p.id, p.access, p.pgs ?? '', p.rgs ?? '']));
}
