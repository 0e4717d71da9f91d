import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { CfError, ErrorCode, ok } from '../../http/envelope.ts';
import { ID_PATTERN } from '../ids.ts';
import { offsetOf, resultInfo } from '../pagination.ts';
import { intParam, parseQuery } from '../validation.ts';
import { directionParam, optionalQuery } from '../group-names.ts';
import { nameCondition, parseNameFilter, PLAN_ID_SQL, zoneResource, type NameFilter, type ZoneRow } from './model.ts';

const ZONE_TYPES = ['full', 'partial', 'secondary', 'internal'] as const;

/** `order` values of the SDK's ZoneListParams; ties break by name, then id. */
const ORDER = {
  name: 'z.name',
  status: 'z.status',
  'account.id': 'z.account_id',
  'account.name': 'a.name COLLATE NOCASE',
  'plan.id': PLAN_ID_SQL,
} as const;

/** A domain is at most 253 characters; an operator prefix adds a few. */
const nameParam = optionalQuery(
  z
    .string()
    .max(300, 'must be at most 300 characters')
    .transform((raw, ctx): NameFilter => {
      const parsed = parseNameFilter(raw);
      if ('error' in parsed) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed;
    }),
);

const listQuery = z.object({
  name: nameParam,
  'account.id': optionalQuery(z.string().regex(ID_PATTERN, 'must be a 32-character hex identifier')),
  'account.name': nameParam,
  status: optionalQuery(z.enum(['initializing', 'pending', 'active', 'moved'])),
  order: optionalQuery(z.enum(Object.keys(ORDER) as [keyof typeof ORDER])),
  direction: directionParam,
  match: optionalQuery(z.enum(['any', 'all'])),
  page: intParam(1, 1_000_000, 1),
  per_page: intParam(5, 50, 20),
});

/**
 * `type` may repeat (?type=full&type=partial, as the SDK sends it) or list values with commas
 * (?type=full,partial, as the reference writes it). Absent, internal zones are left out.
 */
function typesOf(c: Context): string[] {
  const values = (c.req.queries('type') ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const unknown = values.filter((v) => !(ZONE_TYPES as readonly string[]).includes(v));
  if (unknown.length) {
    throw new CfError(400, {
      code: ErrorCode.invalidQuery,
      message: `type: unknown zone type "${unknown[0]}"; use ${ZONE_TYPES.join(', ')} (comma-separated for several)`,
    });
  }
  return values;
}

const FROM = 'FROM zones z JOIN accounts a ON a.id = z.account_id';
const COLUMNS = 'z.*, a.name AS account_name';

export function registerZones(api: Hono<SandboxEnv>, { db }: SandboxDeps): void {
  api.get('/zones', (c) => {
    const query = parseQuery(c, listQuery);
    const types = typesOf(c);
    const params: Record<string, string | number> = {};
    // `match` joins the search requirements: all of them (default) or at least one.
    const search: string[] = [];
    if (query.name) search.push(nameCondition('z.name', query.name, 'name', params));
    if (query['account.name']) search.push(nameCondition('a.name', query['account.name'], 'account_name', params));
    if (query.status) {
      search.push('z.status = @status');
      params.status = query.status;
    }
    const where: string[] = [];
    if (search.length) where.push(`(${search.join(query.match === 'any' ? ' OR ' : ' AND ')})`);
    // The account a caller asks for narrows what is visible rather than being one more requirement.
    if (query['account.id']) {
      where.push('z.account_id = @account_id');
      params.account_id = query['account.id'];
    }
    if (types.length) where.push(`z.type IN (${types.map((t) => `'${t}'`).join(', ')})`);
    else where.push("z.type <> 'internal'");
    const clause = `WHERE ${where.join(' AND ')}`;

    const total = (db.prepare(`SELECT COUNT(*) AS n ${FROM} ${clause}`).get(params) as { n: number }).n;
    const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
    const orderBy = ORDER[query.order ?? 'name'];
    const rows = db
      .prepare(
        `SELECT ${COLUMNS} ${FROM} ${clause}
          ORDER BY ${orderBy} ${direction}, z.name ${direction}, z.id ${direction} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: query.per_page, offset: offsetOf(query) }) as ZoneRow[];
    return ok(c, rows.map(zoneResource), resultInfo(query, rows.length, total));
  });

  api.get('/zones/:zone_id', (c) => {
    const id = c.req.param('zone_id');
    if (!ID_PATTERN.test(id)) {
      throw new CfError(404, {
        code: ErrorCode.invalidIdentifier,
        message: `Could not route to ${c.req.path}, perhaps your object identifier is invalid?`,
      });
    }
    const row = db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE z.id = ?`).get(id) as ZoneRow | undefined;
    // A zone of an account the credential cannot reach looks the same as one that does not exist.
    if (!row) throw new CfError(404, { code: ErrorCode.notFound, message: `Zone ${id} not found, or not visible to this credential` });
    return ok(c, zoneResource(row));
  });
}
