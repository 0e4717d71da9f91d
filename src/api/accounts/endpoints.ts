import { request } from '../client';
import { listOf } from '../common-schema';
import { accountSchema, tokenVerificationSchema } from './schema';

export function listAccounts(params: { page?: number; per_page?: number; name?: string } = {}) {
  return request('/accounts', { query: { ...params }, schema: listOf(accountSchema) });
}
export function getAccount(accountId: string) {
  return request(`/accounts/${encodeURIComponent(accountId)}`, { schema: accountSchema });
}
export function verifyToken() {
  return request('/user/tokens/verify', { schema: tokenVerificationSchema });
}
