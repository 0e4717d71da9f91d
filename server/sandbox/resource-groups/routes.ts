import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { SandboxApiShapes } from '../../config.ts';
import type { Db } from '../db/open.ts';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { CfError, ErrorCode, notFound, ok, okBody, okBytes } from '../../http/envelope.ts';
import { timestamp } from '../ids.ts';
import { parseBody, parseQuery } from '../validation.ts';
import { duplicateName, nameSchema, nameTaken, optionalQuery, RESOURCE_GROUP_NAME_MAX } from '../group-names.ts';
import { cachedAnswer, cachedRows } from '../db/response-cache.ts';
import { COMBINATION_MESSAGE } from '../user-groups/policies.ts';
import { combinationClash } from '../user-groups/combination-rule.ts';
import { actsOnOf } from '../db/seed-catalogue-permission-groups.ts';
import {
  checkScope,
  getResourceGroup,
  insertResourceGroup,
  resourceClassesOf,
  resourceGroupResource,
  scopeSchema,
  type ResourceGroupRow,
} from './model.ts';

export { policiesReferencingResourceGroup } from './model.ts';

const listQuery = z.object({
  id: optionalQuery(z.string().max(64, 'must be at most 64 characters')),
  name: optionalQuery(z.string().max(RESOURCE_GROUP_NAME_MAX, `must be at most ${RESOURCE_GROUP_NAME_MAX} characters`)),
});

const createBody = z.strictObject({ name: nameSchema(RESOURCE_GROUP_NAME_MAX), scope: scopeSchema });
const updateBody = z.strictObject({
  name: nameSchema(RESOURCE_GROUP_NAME_MAX).optional(),
  scope: scopeSchema.optional(),
});

const SCOPE_AT = { pointer: '/scope', label: 'scope' };

/**
 * A group that policies use must stay a valid pairing for each of their permission groups (rule
 * 1006, combination-rule.ts): an account-level group's resource group stays account-wide, a zone
 * group's keeps naming zones (today), a Workers role's stays the account or Workers.
 */
function assertStillValidForPolicies(db: Db, id: string, next: Pick<ResourceGroupRow, 'name' | 'scope_key' | 'scope_objects'>, shapes: SandboxApiShapes): void {
  const granted = db
    .prepare(
      `SELECT DISTINCT ug.name AS user_group, pg.name, pg.scope_level
         FROM policy_resource_groups prg
         JOIN policies p ON p.id = prg.policy_id
         JOIN user_groups ug ON ug.id = p.user_group_id
         JOIN policy_permission_groups ppg ON ppg.policy_id = p.id
         JOIN permission_groups pg ON pg.id = ppg.permission_group_id
        WHERE prg.resource_group_id = ?`,
    )
    .all(id) as Array<{ user_group: string; name: string; scope_level: 'account' | 'zone' }>;
  const reached = new Map([...resourceClassesOf(next)].map((resourceClass) => [resourceClass, `resource group "${next.name}"`] as const));
  for (const pg of granted) {
    const clash = combinationClash(pg.name, actsOnOf(pg), reached, shapes);
    if (!clash) continue;
    if (shapes === 'today') {
      throw new CfError(400, { code: ErrorCode.invalidPermissionCombination, message: COMBINATION_MESSAGE, source: { pointer: '/scope' } });
    }
    throw new CfError(400, {
      code: ErrorCode.invalidPermissionCombination,
      message:
        `scope: invalid permission group and resource group combination: user group "${pg.user_group}" ` +
        `grants the account-level permission group "${pg.name}" on this resource group, ` +
        'so its scope must stay account-wide',
      source: { pointer: '/scope' },
    });
  }
}

export function registerResourceGroups(api: Hono<SandboxEnv>, { db, shapes = 'today' }: SandboxDeps): void {
  const resource = (row: ResourceGroupRow) => resourceGroupResource(row, shapes);
  const base = '/accounts/:account_id/iam/resource_groups';

  const listed = (c: Context<SandboxEnv>) => {
    const query = parseQuery(c, listQuery);
    const where = ['account_id = @account']; // not paginated: the API answers a single page
    const params: Record<string, string> = { account: c.get('accountId') };
    if (query.id) {
      where.push('id = @id');
      params.id = query.id;
    }
    if (query.name) {
      where.push('name = @name COLLATE NOCASE'); // "Name of the resource group to be fetched": exact, any case
      params.name = query.name.trim();
    }
    const sql = `SELECT * FROM resource_groups WHERE ${where.join(' AND ')} ORDER BY name COLLATE NOCASE, id`;
    return okBody(cachedRows<ResourceGroupRow>(db, 'resource_groups', sql, params).map(resource));
  };

  api.get(base, (c) => okBytes(c, cachedAnswer(db, 'resource_groups', c.req.url, () => listed(c))));

  api.get(`${base}/:resource_group_id`, (c) => {
    const row = getResourceGroup(db, c.get('accountId'), c.req.param('resource_group_id'));
    if (!row) throw notFound('Resource group');
    return ok(c, resource(row));
  });

  api.post(base, async (c) => {
    const accountId = c.get('accountId');
    const body = await parseBody(c, createBody);
    const { scope, errors } = checkScope(body.scope, accountId, SCOPE_AT, { inline: false });
    if (errors.length) throw new CfError(400, errors);
    const row = db.transaction(() => {
      if (nameTaken(db, 'resource_groups', accountId, body.name)) throw duplicateName('resource group', body.name);
      return insertResourceGroup(db, accountId, body.name, scope, null);
    })();
    return ok(c, resource(row));
  });

  api.put(`${base}/:resource_group_id`, async (c) => {
    const accountId = c.get('accountId');
    const id = c.req.param('resource_group_id');
    if (!getResourceGroup(db, accountId, id)) throw notFound('Resource group');
    const body = await parseBody(c, updateBody);
    const checked = body.scope ? checkScope(body.scope, accountId, SCOPE_AT, { inline: false }) : null;
    if (checked?.errors.length) throw new CfError(400, checked.errors);
    const row = db.transaction(() => {
      const current = getResourceGroup(db, accountId, id);
      if (!current) throw notFound('Resource group');
      const name = body.name ?? current.name;
      if (body.name !== undefined && nameTaken(db, 'resource_groups', accountId, name, id)) {
        throw duplicateName('resource group', name);
      }
      const next = { ...current, name };
      if (checked) {
        next.scope_key = checked.scope.key;
        next.scope_objects = JSON.stringify(checked.scope.objects);
        assertStillValidForPolicies(db, id, next, shapes);
      }
      if (body.name === undefined && !checked) return current; // an empty body changes nothing
      next.modified_on = timestamp();
      db.prepare(
        'UPDATE resource_groups SET name = @name, scope_key = @scope_key, scope_objects = @scope_objects, modified_on = @modified_on WHERE id = @id',
      ).run(next);
      return next;
    })();
    return ok(c, resource(row));
  });

  /**
   * Deleting a group that policies use is allowed: it leaves those policies, a policy left with
   * no resource group goes, and each affected user group counts as modified.
   */
  api.delete(`${base}/:resource_group_id`, (c) => {
    const accountId = c.get('accountId');
    const id = c.req.param('resource_group_id');
    db.transaction(() => {
      if (!getResourceGroup(db, accountId, id)) throw notFound('Resource group');
      const users = db
        .prepare(
          `SELECT DISTINCT p.id AS policy_id, p.user_group_id FROM policy_resource_groups prg
             JOIN policies p ON p.id = prg.policy_id WHERE prg.resource_group_id = ?`,
        )
        .all(id) as Array<{ policy_id: string; user_group_id: string }>;
      db.prepare('DELETE FROM policy_resource_groups WHERE resource_group_id = ?').run(id);
      const emptied = db.prepare(
        'DELETE FROM policies WHERE id = ? AND NOT EXISTS (SELECT 1 FROM policy_resource_groups WHERE policy_id = ?)',
      );
      for (const u of users) emptied.run(u.policy_id, u.policy_id);
      const now = timestamp();
      const touch = db.prepare('UPDATE user_groups SET modified_on = ? WHERE id = ?');
      for (const groupId of new Set(users.map((u) => u.user_group_id))) touch.run(now, groupId);
      db.prepare('DELETE FROM resource_groups WHERE id = ?').run(id);
    })();
    return ok(c, { id });
  });
}
