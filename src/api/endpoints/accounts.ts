import * as z from 'zod/mini';
import { request } from '../client';
import { accountMemberSchema, accountSchema, tokenVerificationSchema } from '../schemas/accounts';

export function listAccounts(params: { page?: number; per_page?: number; name?: string } = {}) {
  return request('/accounts', { query: { ...params }, schema: z.array(accountSchema) });
}
export function getAccount(accountId: string) {
  return request(`/accounts/${encodeURIComponent(accountId)}`, { schema: accountSchema });
}
export function listAccountMembers(
  accountId: string,
  params: { page?: number; per_page?: number; status?: 'accepted' | 'pending'; direction?: 'asc' | 'desc'; search?: string } = {},
) {
  return request(`/accounts/${encodeURIComponent(accountId)}/members`, {
    query: { ...params },
    schema: z.array(accountMemberSchema),
  });
}
export function verifyToken() {
  return request('/user/tokens/verify', { schema: tokenVerificationSchema });
}
