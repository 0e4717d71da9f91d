import type { AuditRow } from './store.ts';
import { generalAction } from '../../iam-write-target.ts';

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));
const PRODUCT: Record<string, string> = {
  user_group: 'iam',
  user_group_members: 'iam',
  resource_group: 'iam',
  sso_connector: 'sso',
  oauth_client: 'oauth',
};

/**
 * GET /accounts/{id}/audit_logs (the SDK's `auditLogs.list`, `Shared.AuditLog`): old and new values
 * as JSON strings, as the SDK types them, and parsed in oldValueJson / newValueJson as the API also sends.
 */
export function v1Entry(row: AuditRow) {
  return {
    id: row.id,
    action: { type: row.action_type, result: true },
    actor: { id: row.actor_id, ...(row.actor_email ? { email: row.actor_email } : {}), ip: row.actor_ip, type: 'user' as const },
    // What the write came through: the SCIM API for a group an identity provider provisioned (Decision 4).
    interface: row.interface ?? (row.uri.includes('/scim/v2/') ? 'SCIM' : 'API'),
    metadata: {
      method: row.method,
      uri: row.uri,
      ...(row.actor_token_id ? { token_id: row.actor_token_id } : {}),
      ...(row.actor_token_name ? { token_name: row.actor_token_name } : {}),
    },
    oldValue: row.old_value ?? '',
    newValue: row.new_value ?? '',
    oldValueJson: parse(row.old_value),
    newValueJson: parse(row.new_value),
    owner: { id: row.account_id },
    resource: { id: row.resource_id ?? undefined, type: row.resource_type },
    when: row.at,
  };
}

/** GET /accounts/{id}/logs/audit (the SDK's `accounts.logs.audit.list`, `AuditListResponse`). */
export function v2Entry(row: AuditRow, accountName: string) {
  return {
    id: row.id,
    account: { id: row.account_id, name: accountName },
    action: { type: generalAction(row.action_type), description: row.action_type, result: 'success', time: row.at },
    actor: {
      id: row.actor_id,
      context: row.actor_context,
      ...(row.actor_email ? { email: row.actor_email } : {}),
      ip_address: row.actor_ip,
      ...(row.actor_token_id ? { token_id: row.actor_token_id } : {}),
      ...(row.actor_token_name ? { token_name: row.actor_token_name } : {}),
      type: 'user' as const,
    },
    raw: { method: row.method, status_code: row.status_code, uri: row.uri },
    resource: {
      id: row.resource_id ?? undefined,
      product: PRODUCT[row.resource_type] ?? 'iam',
      type: row.resource_type,
      scope: 'accounts',
      request: parse(row.request),
      response: parse(row.new_value),
      value: { before: parse(row.old_value), after: parse(row.new_value) },
    },
    zone: {},
  };
}
