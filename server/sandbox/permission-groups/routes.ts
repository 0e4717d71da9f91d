import type { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxApiShapes } from '../../config.ts';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { idsWithTodayLabel, SCOPES_OF_LEVEL, todayMetaOf } from '../db/seed-catalogue-permission-groups.ts';
import { notFound, ok } from '../../http/envelope.ts';
import { timestamp } from '../ids.ts';
import { offsetOf, resultInfo } from '../pagination.ts';
import { containsPattern } from '../sql.ts';
import { intParam, parseQuery } from '../validation.ts';

export interface PermissionGroupRow {
  id: string;
  name: string;
  label: string;
  scope_level: 'account' | 'zone';
  /** Catalogue order, which is also the order Cloudflare created the groups in (oldest first). */
  position?: number;
}

/** The catalogue's creation dates, one day apart in catalogue order: a seeded creation order, not Cloudflare's real dates. */
const CATALOGUE_EPOCH = Date.UTC(2018, 0, 1);

export function permissionGroupCreatedOn(position: number): string {
  return timestamp(new Date(CATALOGUE_EPOCH + position * 86_400_000));
}

/**
 * Today's API answers `meta` as `{label, scopes, description, editable}` (the schema's example, the
 * docs' payloads, the SDK's Meta), with Cloudflare's own labels (`admin`, `super_admin`, …).
 * The 2024 era answers the seeds' `{key, value}` beside `label`/`scopes`, as main did.
 */
export function permissionGroupResource(row: Pick<PermissionGroupRow, 'id' | 'name' | 'label' | 'scope_level' | 'position'>, shapes: SandboxApiShapes) {
  if (shapes === 'today') {
    const meta = todayMetaOf(row.id) ?? {
      label: row.label,
      scopes: SCOPES_OF_LEVEL[row.scope_level],
      description: row.name,
      editable: 'false' as const,
    };
    // Real list items carry created_on/modified_on (docs' payloads); the schema leaves them undeclared.
    const dates = row.position === undefined ? {} : { created_on: permissionGroupCreatedOn(row.position), modified_on: permissionGroupCreatedOn(row.position) };
    return { id: row.id, name: row.name, meta, ...dates };
  }
  return {
    id: row.id,
    name: row.name,
    meta: { key: 'label', value: row.label, label: row.label, scopes: SCOPES_OF_LEVEL[row.scope_level] },
  };
}

const hex32 = z.string().length(32, 'must be 32 characters: a permission group id');

/** Today's schema makes the id filter exactly 32 characters (minLength = maxLength = 32); 2024 took any string. */
const listQuery = (shapes: SandboxApiShapes) => z.object({
  id: shapes === 'today' ? hex32.optional() : z.string().optional(),
  name: z.string().max(200).optional(),
  label: z.string().max(200).optional(),
  page: intParam(1, 1_000_000, 1),
  per_page: intParam(5, 50, 20),
});

export function registerPermissionGroups(api: Hono<SandboxEnv>, { db, shapes = 'today' }: SandboxDeps): void {
  const resource = (row: PermissionGroupRow) => permissionGroupResource(row, shapes);
  const querySchema = listQuery(shapes);
  api.get('/accounts/:account_id/iam/permission_groups', (c) => {
    const query = parseQuery(c, querySchema);
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (query.id) {
      where.push('id = @id');
      params.id = query.id;
    }
    // Name and label match as case-insensitive substrings (the seeds leave exact-vs-substring open).
    if (query.name) {
      where.push("name LIKE @name ESCAPE '\\'");
      params.name = containsPattern(query.name);
    }
    if (query.label && shapes === 'today') {
      // "Label of the permission group to be fetched": today's meta.label, exactly (TF looks up `admin`).
      where.push('id IN (SELECT value FROM json_each(@labelIds))');
      params.labelIds = JSON.stringify(idsWithTodayLabel(query.label));
    } else if (query.label) {
      where.push("label LIKE @label ESCAPE '\\'");
      params.label = containsPattern(query.label);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (db.prepare(`SELECT COUNT(*) AS n FROM permission_groups ${clause}`).get(params) as { n: number }).n;
    const rows = db
      // Today's API lists the newest first, by created_on (TF issue #7097); the 2024 pages said nothing: catalogue order.
      .prepare(`SELECT * FROM permission_groups ${clause} ORDER BY position ${shapes === 'today' ? 'DESC' : 'ASC'} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: query.per_page, offset: offsetOf(query) }) as PermissionGroupRow[];
    return ok(c, rows.map(resource), resultInfo(query, rows.length, total));
  });

  api.get('/accounts/:account_id/iam/permission_groups/:permission_group_id', (c) => {
    const row = db
      .prepare('SELECT * FROM permission_groups WHERE id = ?')
      .get(c.req.param('permission_group_id')) as PermissionGroupRow | undefined;
    if (!row) throw notFound('Permission group');
    return ok(c, resource(row));
  });
}
