/**
 * Which IAM resource a write touches, read from its path alone, so the audit log records every
 * route module's writes without any handler knowing about it.
 */
export type AuditResourceType = 'user_group' | 'user_group_members' | 'resource_group' | 'sso_connector' | 'oauth_client';

export interface WriteTarget {
  resourceType: AuditResourceType;
  /** Absent on a create: the id comes from the response. */
  resourceId?: string;
  /** v1's action.type: create, update, delete, or the specific verb of an action endpoint. */
  action: string;
  /** Where the resource's current state is read, relative to /client/v4/accounts/{id}/; null on create. */
  snapshotPath: string | null;
  /** The write's answer is the resource as a GET of snapshotPath answers it (a user group's PUT). */
  answersState?: boolean;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether a request with this method could change anything. */
export const isWriteMethod = (method: string) => WRITE_METHODS.has(method);
const verb = (method: string) => (method === 'POST' ? 'create' : method === 'DELETE' ? 'delete' : 'update');

/** `rest` is the path after /accounts/{account_id}/, without a trailing slash. */
export function writeTarget(method: string, rest: string): WriteTarget | null {
  if (!isWriteMethod(method)) return null;
  const p = rest.split('/');
  if (p[0] === 'iam' && p[1] === 'user_groups') {
    const [, , groupId, sub, memberId] = p;
    if (!groupId) return method === 'POST' ? { resourceType: 'user_group', action: 'create', snapshotPath: null } : null;
    if (sub === undefined && (method === 'PUT' || method === 'DELETE')) {
      return { resourceType: 'user_group', resourceId: groupId, action: verb(method), snapshotPath: `iam/user_groups/${groupId}`, answersState: method === 'PUT' };
    }
    if (sub === 'members' && p.length <= 5 && (memberId ? method === 'DELETE' : method === 'POST' || method === 'PUT')) {
      const action = memberId ? 'remove_member' : method === 'POST' ? 'add_members' : 'replace_members';
      return { resourceType: 'user_group_members', resourceId: groupId, action, snapshotPath: `iam/user_groups/${groupId}/members` };
    }
    return null;
  }
  if (p[0] === 'iam' && p[1] === 'resource_groups' && p.length <= 3) {
    const id = p[2];
    if (!id) return method === 'POST' ? { resourceType: 'resource_group', action: 'create', snapshotPath: null } : null;
    if (method !== 'PUT' && method !== 'DELETE') return null;
    return { resourceType: 'resource_group', resourceId: id, action: verb(method), snapshotPath: `iam/resource_groups/${id}` };
  }
  if (p[0] === 'sso_connectors' || p[0] === 'oauth_clients') {
    const resourceType = p[0] === 'sso_connectors' ? 'sso_connector' : 'oauth_client';
    const [, id, sub] = p;
    if (!id) return method === 'POST' && p.length === 1 ? { resourceType, action: 'create', snapshotPath: null } : null;
    const snapshotPath = `${p[0]}/${id}`;
    if (sub === undefined) {
      return method === 'PATCH' || method === 'DELETE' ? { resourceType, resourceId: id, action: verb(method), snapshotPath } : null;
    }
    if (p.length !== 3) return null;
    if (sub === 'begin_verification' && method === 'POST') return { resourceType, resourceId: id, action: 'begin_verification', snapshotPath };
    if (sub === 'rotate_secret' && (method === 'POST' || method === 'DELETE')) {
      return { resourceType, resourceId: id, action: method === 'POST' ? 'rotate_secret' : 'delete_rotated_secret', snapshotPath };
    }
    return null;
  }
  return null;
}

/** v2 knows only four action types; the specific verb goes into action.description. */
export function generalAction(action: string): 'create' | 'update' | 'delete' {
  if (action === 'create') return 'create';
  if (action === 'delete') return 'delete';
  return 'update';
}
