import { request } from '../client';
import { deletedSchema, listOf } from '../common-schema';
import { deleteIdempotently } from '../idempotent-delete';
import { iamPath, perPageWithin, writeHeaders, type PageParams, type WriteOptions } from '../iam-request';
import { groupMemberDetailSchema, groupMemberSchema, userGroupSchema, type PolicyInput } from './schema';

const seg = encodeURIComponent;

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
  return request(`${iamPath(accountId)}/user_groups`, { query, schema: listOf(userGroupSchema) });
}
export function getUserGroup(accountId: string, id: string) {
  return request(`${iamPath(accountId)}/user_groups/${seg(id)}`, { schema: userGroupSchema });
}
export function createUserGroup(accountId: string, body: { name: string; policies?: PolicyInput[] }, options?: WriteOptions) {
  return request(`${iamPath(accountId)}/user_groups`, { method: 'POST', body, schema: userGroupSchema, headers: writeHeaders(options) });
}
/** Replaces the whole policy set when `policies` is given. */
export function updateUserGroup(accountId: string, id: string, body: { name?: string; policies?: PolicyInput[] }, options?: WriteOptions) {
  return request(`${iamPath(accountId)}/user_groups/${seg(id)}`, { method: 'PUT', body, schema: userGroupSchema, headers: writeHeaders(options) });
}
export function deleteUserGroup(accountId: string, id: string, options?: WriteOptions) {
  return deleteIdempotently(id, () =>
    request(`${iamPath(accountId)}/user_groups/${seg(id)}`, { method: 'DELETE', schema: deletedSchema, headers: writeHeaders(options) }),
  );
}

// User group members
const members = (accountId: string, groupId: string) => `${iamPath(accountId)}/user_groups/${seg(groupId)}/members`;
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
