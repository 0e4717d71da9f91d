import { request } from '../client';
import { listOf } from '../common-schema';
import { iamPath, perPageWithin, type PageParams } from '../iam-request';
import { permissionGroupSchema } from './schema';

const seg = encodeURIComponent;

// Permission groups (read-only catalogue)
export function listPermissionGroups(accountId: string, params: PageParams & { id?: string; name?: string; label?: string } = {}) {
  const query = { ...params, per_page: perPageWithin(params.per_page, 5, 50) };
  return request(`${iamPath(accountId)}/permission_groups`, { query, schema: listOf(permissionGroupSchema) });
}
export function getPermissionGroup(accountId: string, id: string) {
  return request(`${iamPath(accountId)}/permission_groups/${seg(id)}`, { schema: permissionGroupSchema });
}
