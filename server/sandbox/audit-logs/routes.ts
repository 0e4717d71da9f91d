import type { Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { ok } from '../../http/envelope.ts';
import { resultInfo } from '../pagination.ts';
import { columnFilter, dateParam, decodeCursor, directionOf, encodeCursor, intOf, onlyOne } from './query-params.ts';
import { v1Entry, v2Entry } from './shapes.ts';
import { queryAuditLogs, type AuditQuery } from './store.ts';

/**
 * The account audit log, both generations the official SDK calls: `auditLogs.list` (v1, page
 * paging) and `accounts.logs.audit.list` (v2, cursor paging, `since`/`before` required).
 * IAM changes carry no zone, so a zone filter matches nothing.
 */
export function registerAuditLogs(api: Hono<SandboxEnv>, { db }: SandboxDeps): void {
  api.get('/accounts/:account_id/audit_logs', (c) => {
    const page = { page: intOf(c, 'page', 1, 1_000_000, 1), per_page: intOf(c, 'per_page', 1, 1000, 25) };
    const query: AuditQuery = {
      accountId: c.get('accountId'),
      since: dateParam(c, 'since', false),
      before: dateParam(c, 'before', false),
      direction: directionOf(c),
      columns: {
        id: onlyOne(c, 'id'),
        action_type: onlyOne(c, 'action.type'),
        actor_email: onlyOne(c, 'actor.email'),
        actor_ip: onlyOne(c, 'actor.ip'),
        // Sandbox extensions (not in the SDK's params): narrow to one resource.
        resource_id: onlyOne(c, 'resource.id'),
        resource_type: onlyOne(c, 'resource.type'),
      },
    };
    if (c.req.query('zone.name')) return ok(c, [], resultInfo(page, 0, 0));
    const { rows, total } = queryAuditLogs(db, query, page.per_page, (page.page - 1) * page.per_page);
    return ok(c, rows.map(v1Entry), resultInfo(page, rows.length, total));
  });

  api.get('/accounts/:account_id/logs/audit', (c) => {
    const accountId = c.get('accountId');
    const limit = intOf(c, 'limit', 1, 1000, 100);
    const query: AuditQuery = {
      accountId,
      since: dateParam(c, 'since', true),
      before: dateParam(c, 'before', true),
      direction: directionOf(c),
      afterSeq: decodeCursor(c),
      columns: {
        id: columnFilter(c, 'id'),
        actor_email: columnFilter(c, 'actor_email'),
        actor_id: columnFilter(c, 'actor_id'),
        actor_ip: columnFilter(c, 'actor_ip_address'),
        actor_token_id: columnFilter(c, 'actor_token_id'),
        resource_id: columnFilter(c, 'resource_id'),
        resource_type: columnFilter(c, 'resource_type'),
        method: columnFilter(c, 'raw_method'),
      },
      generalActionType: columnFilter(c, 'action_type'),
    };
    const zoneFiltered = c.req.query('zone_id') || c.req.query('zone_name');
    const { rows } = zoneFiltered ? { rows: [] } : queryAuditLogs(db, query, limit + 1);
    const pageRows = rows.slice(0, limit);
    const name = (db.prepare('SELECT name FROM accounts WHERE id = ?').get(accountId) as { name: string }).name;
    const last = pageRows.at(-1);
    const cursors = rows.length > limit && last ? { after: encodeCursor(last.seq) } : {};
    return c.json({
      success: true,
      errors: [],
      messages: [],
      result: pageRows.map((row) => v2Entry(row, name)),
      result_info: { count: pageRows.length, cursors },
    });
  });
}
