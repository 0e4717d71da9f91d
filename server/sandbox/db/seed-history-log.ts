import type { AuditResourceType } from '../../iam-write-target.ts';
import { stableUuid } from './seed-insert.ts';
import type { Db } from './sql.ts';

/**
 * The seeded past's audit-log writer: who made a change (an admin in the dashboard, or an API
 * token such as Terraform's), and the entries themselves, written in time order so the log's
 * sequence (what both audit-log endpoints page by) reads as the account lived it.
 */

export interface HistoryActor {
  /** A user's id, or the token's id. */
  id: string;
  email: string | null;
  ip: string;
  context: 'dash' | 'api_token';
  tokenId: string | null;
  tokenName: string | null;
  /** The v1 `interface`: 'UI' for the Cloudflare dashboard. */
  via: 'UI' | 'API';
}

export const dashboardAdmin = (userId: string, email: string, ip: string): HistoryActor => ({
  id: userId,
  email,
  ip,
  context: 'dash',
  tokenId: null,
  tokenName: null,
  via: 'UI',
});

export const apiToken = (id: string, name: string, ip: string): HistoryActor => ({
  id,
  email: null,
  ip,
  context: 'api_token',
  tokenId: id,
  tokenName: name,
  via: 'API',
});

export interface HistoryEvent {
  /** Unique and readable: the entry's id is derived from it. */
  key: string;
  at: number;
  actor: HistoryActor;
  action: string;
  resourceType: AuditResourceType;
  resourceId: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** After /client/v4/accounts/{account_id}/. */
  path: string;
  before: unknown;
  after: unknown;
  request: unknown;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * Writes `events` into the account's audit log beside the entries already there (the SCIM
 * creations), all in time order: the existing rows are taken out and put back among the new ones.
 */
export function writeHistory(db: Db, accountId: string, events: HistoryEvent[]): void {
  const existing = db.prepare('SELECT * FROM audit_logs WHERE account_id = ? ORDER BY seq').all(accountId) as Array<Record<string, unknown> & { at: string }>;
  db.prepare('DELETE FROM audit_logs WHERE account_id = ?').run(accountId);
  const insert = db.prepare(
    `INSERT INTO audit_logs (id, account_id, at, action_type, actor_id, actor_email, actor_ip, actor_context, actor_token_id,
       actor_token_name, interface, resource_type, resource_id, method, uri, status_code, old_value, new_value, request)
     VALUES (@id, @account_id, @at, @action_type, @actor_id, @actor_email, @actor_ip, @actor_context, @actor_token_id,
       @actor_token_name, @interface, @resource_type, @resource_id, @method, @uri, @status_code, @old_value, @new_value, @request)`,
  );
  const rows = [
    ...existing.map((row) => ({ actor_token_name: null, interface: null, ...row })),
    ...events.map((e) => ({
      id: stableUuid(`history:${accountId}:${e.key}`),
      account_id: accountId,
      at: new Date(e.at).toISOString(),
      action_type: e.action,
      actor_id: e.actor.id,
      actor_email: e.actor.email,
      actor_ip: e.actor.ip,
      actor_context: e.actor.context,
      actor_token_id: e.actor.tokenId,
      actor_token_name: e.actor.tokenName,
      interface: e.actor.via === 'UI' ? 'UI' : null,
      resource_type: e.resourceType,
      resource_id: e.resourceId,
      method: e.method,
      uri: `/client/v4/accounts/${accountId}/${e.path}`,
      status_code: e.method === 'POST' && e.action === 'create' ? 201 : 200,
      old_value: json(e.before),
      new_value: json(e.after),
      request: json(e.request),
    })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const { seq: _seq, ...row } of rows as Array<Record<string, unknown>>) insert.run(row);
}
