import { randomUUID } from 'node:crypto';
import type { Db } from '../db/sql.ts';
import type { AuditActor } from './actor.ts';
import type { WriteTarget } from '../../iam-write-target.ts';

export interface AuditRow {
  seq: number;
  id: string;
  account_id: string;
  at: string;
  action_type: string;
  actor_id: string;
  actor_email: string | null;
  actor_ip: string;
  actor_context: string;
  actor_token_id: string | null;
  resource_type: string;
  resource_id: string | null;
  method: string;
  uri: string;
  status_code: number;
  old_value: string | null;
  new_value: string | null;
  request: string | null;
  interface?: string | null;
  actor_token_name?: string | null;
}

export interface AuditRecord {
  accountId: string;
  target: WriteTarget;
  resourceId: string | null;
  actor: AuditActor;
  method: string;
  uri: string;
  status: number;
  oldValue: unknown;
  newValue: unknown;
  request: unknown;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

export function insertAuditLog(db: Db, r: AuditRecord, now = new Date()): void {
  db.prepare(
    `INSERT INTO audit_logs (id, account_id, at, action_type, actor_id, actor_email, actor_ip, actor_context,
       actor_token_id, resource_type, resource_id, method, uri, status_code, old_value, new_value, request)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    randomUUID(), r.accountId, now.toISOString(), r.target.action, r.actor.id, r.actor.email, r.actor.ip,
    r.actor.context, r.actor.tokenId, r.target.resourceType, r.resourceId, r.method, r.uri, r.status,
    json(r.oldValue), json(r.newValue), json(r.request),
  );
}

/** A filter on one column: values it must be one of, and values it must not be. */
export interface ColumnFilter {
  in?: string[];
  not?: string[];
}

export interface AuditQuery {
  accountId: string;
  since?: string;
  before?: string;
  direction: 'asc' | 'desc';
  columns: Partial<Record<'id' | 'action_type' | 'actor_email' | 'actor_ip' | 'actor_token_id' | 'actor_id' | 'resource_id' | 'resource_type' | 'method', ColumnFilter>>;
  /** v2: rows strictly after this seq in the chosen direction. */
  afterSeq?: number;
  /** v2's action_type compares the general verb (create/update/delete), not the stored one. */
  generalActionType?: ColumnFilter;
}

function where(q: AuditQuery): { sql: string; params: Array<string | number> } {
  const clauses = ['account_id = ?'];
  const params: Array<string | number> = [q.accountId];
  const add = (clause: string, ...values: Array<string | number>) => {
    clauses.push(clause);
    params.push(...values);
  };
  const list = (values: string[]) => values.map(() => '?').join(', ');
  if (q.since) add('at >= ?', q.since);
  if (q.before) add('at < ?', q.before);
  for (const [column, filter] of Object.entries(q.columns)) {
    // Emails compare ignoring case, as addresses do.
    const col = column === 'actor_email' ? 'lower(actor_email)' : column;
    const norm = (values: string[]) => (column === 'actor_email' ? values.map((v) => v.toLowerCase()) : values);
    if (filter?.in?.length) add(`${col} IN (${list(filter.in)})`, ...norm(filter.in));
    if (filter?.not?.length) add(`(${col} IS NULL OR ${col} NOT IN (${list(filter.not)}))`, ...norm(filter.not));
  }
  const general = `CASE action_type WHEN 'create' THEN 'create' WHEN 'delete' THEN 'delete' ELSE 'update' END`;
  const verbs = q.generalActionType;
  if (verbs?.in?.length) add(`${general} IN (${list(verbs.in)})`, ...verbs.in);
  if (verbs?.not?.length) add(`${general} NOT IN (${list(verbs.not)})`, ...verbs.not);
  if (q.afterSeq !== undefined) add(q.direction === 'desc' ? 'seq < ?' : 'seq > ?', q.afterSeq);
  return { sql: clauses.join(' AND '), params };
}

export function queryAuditLogs(db: Db, q: AuditQuery, limit: number, offset = 0): { rows: AuditRow[]; total: number } {
  const { sql, params } = where(q);
  const order = q.direction === 'desc' ? 'DESC' : 'ASC';
  const rows = db
    .prepare(`SELECT * FROM audit_logs WHERE ${sql} ORDER BY seq ${order} LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as AuditRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_logs WHERE ${sql}`).get(...params) as { n: number }).n;
  return { rows, total };
}
