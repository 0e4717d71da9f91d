import { request } from '../client';
import { deletedSchema, listOf } from '../common-schema';
import { deleteIdempotently } from '../idempotent-delete';
import { iamPath } from '../iam-request';
import { resourceGroupSchema, type ScopeInput } from './schema';

const seg = encodeURIComponent;

// Resource groups
export function listResourceGroups(accountId: string, params: { id?: string; name?: string } = {}) {
  return request(`${iamPath(accountId)}/resource_groups`, { query: { ...params }, schema: listOf(resourceGroupSchema) });
}
export function getResourceGroup(accountId: string, id: string) {
  return request(`${iamPath(accountId)}/resource_groups/${seg(id)}`, { schema: resourceGroupSchema });
}
export function createResourceGroup(accountId: string, body: { name: string; scope: ScopeInput }) {
  return request(`${iamPath(accountId)}/resource_groups`, { method: 'POST', body, schema: resourceGroupSchema });
}
export function updateResourceGroup(accountId: string, id: string, body: { name?: string; scope?: ScopeInput }) {
  return request(`${iamPath(accountId)}/resource_groups/${seg(id)}`, { method: 'PUT', body, schema: resourceGroupSchema });
}
export function deleteResourceGroup(accountId: string, id: string) {
  return deleteIdempotently(id, () => request(`${iamPath(accountId)}/resource_groups/${seg(id)}`, { method: 'DELETE', schema: deletedSchema }));
}
