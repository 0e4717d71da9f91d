import type { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { notFound, ok } from '../envelope.ts';
import { offsetOf, resultInfo } from '../pagination.ts';
import { containsPattern } from '../sql.ts';
import { intParam, parseQuery } from '../validation.ts';

export interface PermissionGroupRow {
  id: string;
  name: string;
  label: string;
  scope_level: 'account' | 'zone';
}

/** What a permission group acts on, in the published schema's `meta.scopes` form. */
const SCOPE_OF_LEVEL = { account: 'com.cloudflare.api.account', zone: 'com.cloudflare.api.account.zone' } as const;

/**
 * The seeds type `meta` as {key, value}; the official SDK (newer published schema) reads
 * `meta.label` and `meta.scopes`. Both forms are sent so either kind of client finds the label.
 */
export function permissionGroupResource(row: PermissionGroupRow) {
  return {
    id: row.id,
    name: row.name,
    meta: { key: 'label', value: row.label, label: row.label, scopes: SCOPE_OF_LEVEL[row.scope_level] },
  };
}

const listQuery = z.object({
  id: z.string().optional(),
  name: z.string().max(200).optional(),
  label: z.string().max(200).optional(),
  page: intParam(1, 1_000_000, 1),
  per_page: intParam(5, 50, 20),
});

export function registerPermissionGroups(api: Hono<SandboxEnv>, { db }: SandboxDeps): void {
  api.get('/accounts/:account_id/iam/permission_groups', (c) => {
    const query = parseQuery(c, listQuery);
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
    if (query.label) {
      where.push("label LIKE @label ESCAPE '\\'");
      params.label = containsPattern(query.label);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (db.prepare(`SELECT COUNT(*) AS n FROM permission_groups ${clause}`).get(params) as { n: number }).n;
    const rows = db
      .prepare(`SELECT * FROM permission_groups ${clause} ORDER BY position LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: query.per_page, offset: offsetOf(query) }) as PermissionGroupRow[];
    return ok(c, rows.map(permissionGroupResource), resultInfo(query, rows.length, total));
  });

  api.get('/accounts/:account_id/iam/permission_groups/:permission_group_id', (c) => {
    const row = db
      .prepare('SELECT * FROM permission_groups WHERE id = ?')
      .get(c.req.param('permission_group_id')) as PermissionGroupRow | undefined;
    if (!row) throw notFound('Permission group');
    return ok(c, permissionGroupResource(row));
  });
}
