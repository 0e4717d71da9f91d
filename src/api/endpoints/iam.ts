import { request } from '../client';
import { deleteIdempotently } from '../idempotent-delete';
import { deletedSchema, listOf } from '../schemas/common';
import {
  groupMemberDetailSchema,
  groupMemberSchema,
  permissionGroupSchema,
  resourceGroupSchema,
  userGroupSchema,
  type PolicyInput,
  type ScopeInput,
} from '../schemas/iam';

const iam = (accountId: string) => `/accounts/${encodeURIComponent(accountId)}/iam`;
const seg = encodeURIComponent;

/** A write that undoes a recorded change: the server's journal links it to that entry. */
export interface WriteOptions {
  revertOf?: string;
}
const writeHeaders = (options?: WriteOptions) => (options?.revertOf ? { 'X-IAM-Console-Revert': options.revertOf } : undefined);

export interface PageParams {
  page?: number;
  per_page?: number;
}

/** Keeps a page size within what the operation serves (the published schema's limits). */
export function perPageWithin(perPage: number | undefined, min: number, max: number): number | undefined {
  return perPage === undefined ? undefined : Math.min(max, Math.max(min, Math.round(perPage)));
}

// Permission groups (read-only catalogue)
export function listPermissionGroups(accountId: string, params: PageParams & { id?: string; name?: string; label?: string } = {}) {
  const query = { ...params, per_page: perPageWithin(params.per_page, 5, 50) };
  return request(`${iam(accountId)}/permission_groups`, { query, schema: listOf(permissionGroupSchema) });
}
export function getPermissionGroup(accountId: string, id: string) {
  return request(`${iam(accountId)}/permission_groups/${seg(id)}`, { schema: permissionGroupSchema });
}

// Resource groups
export function listResourceGroups(accountId: string, params: { id?: string; name?: string } = {}) {
  return request(`${iam(accountId)}/resource_groups`, { query: { ...params }, schema: listOf(resourceGroupSchema) });
}
export function getResourceGroup(accountId: string, id: string) {
  return request(`${iam(accountId)}/resource_groups/${seg(id)}`, { schema: resourceGroupSchema });
}
export function createResourceGroup(accountId: string, body: { name: string; scope: ScopeInput }) {
  return request(`${iam(accountId)}/resource_groups`, { method: 'POST', body, schema: resourceGroupSchema });
}
export function updateResourceGroup(accountId: string, id: string, body: { name?: string; scope?: ScopeInput }) {
  return request(`${iam(accountId)}/resource_groups/${seg(id)}`, { method: 'PUT', body, schema: resourceGroupSchema });
}
export function deleteResourceGroup(accountId: string, id: string) {
  return deleteIdempotently(id, () => request(`${iam(accountId)}/resource_groups/${seg(id)}`, { method: 'DELETE', schema: deletedSchema }));
}

// User groups
export interface UserGroupListParams extends PageParams {
  id?: string;
  name?: string;
  /** Substring of the name (today's API and the sandbox; the 2024 pages said `fuzzy_name`). */
  fuzzyName?: string;
  direction?: 'asc' | 'desc';
}
export function listUserGroups(accountId: string, params: UserGroupListParams = {}) {
  const query = { ...params, per_page: perPageWithin(params.per_page, 1, 500) };
  return request(`${iam(accountId)}/user_groups`, { query, schema: listOf(userGroupSchema) });
}
export function getUserGroup(accountId: string, id: string) {
  return request(`${iam(accountId)}/user_groups/${seg(id)}`, { schema: userGroupSchema });
}
export function createUserGroup(accountId: string, body: { name: string; policies?: PolicyInput[] }, options?: WriteOptions) {
  return request(`${iam(accountId)}/user_groups`, { method: 'POST', body, schema: userGroupSchema, headers: writeHeaders(options) });
}
/** Replaces the whole policy set when `policies` is given. */
export function updateUserGroup(accountId: string, id: string, body: { name?: string; policies?: PolicyInput[] }, options?: WriteOptions) {
  return request(`${iam(accountId)}/user_groups/${seg(id)}`, { method: 'PUT', body, schema: userGroupSchema, headers: writeHeaders(options) });
}
export function deleteUserGroup(accountId: string, id: string, options?: WriteOptions) {
  return deleteIdempotently(id, () =>
    request(`${iam(accountId)}/user_groups/${seg(id)}`, { method: 'DELETE', schema: deletedSchema, headers: writeHeaders(options) }),
  );
}

// User group members
const members = (accountId: string, groupId: string) => `${iam(accountId)}/user_groups/${seg(groupId)}/members`;
export interface GroupMemberListParams extends PageParams {
  /** Partial email (today's API, the official SDK and the sandbox). */
  fuzzyEmail?: string;
  direction?: 'asc' | 'desc';
}
export function listGroupMembers(accountId: string, groupId: string, params: GroupMemberListParams = {}, signal?: AbortSignal) {
  const query = { ...params, per_page: perPageWithin(params.per_page, 1, 500) };
  // Today's API answers an empty group with `result: null`: listOf reads it as [].
  return request(members(accountId, groupId), { query, schema: listOf(groupMemberSchema), signal });
}
export function getGroupMember(accountId: string, groupId: string, memberId: string) {
  return request(`${members(accountId, groupId)}/${seg(memberId)}`, { schema: groupMemberDetailSchema });
}
export function addGroupMembers(accountId: string, groupId: string, memberIds: string[], options?: WriteOptions) {
  return request(members(accountId, groupId), {
    method: 'POST',
    headers: writeHeaders(options),
    body: memberIds.map((id) => ({ id })),
    schema: listOf(groupMemberSchema),
  });
}
export function replaceGroupMembers(accountId: string, groupId: string, memberIds: string[], options?: WriteOptions) {
  return request(members(accountId, groupId), {
    method: 'PUT',
    headers: writeHeaders(options),
    body: memberIds.map((id) => ({ id })),
    schema: listOf(groupMemberSchema),
  });
}
export function removeGroupMember(accountId: string, groupId: string, memberId: string) {
  return request(`${members(accountId, groupId)}/${seg(memberId)}`, { method: 'DELETE', schema: groupMemberSchema });
}
