import { request } from '../client';
import { listOf } from '../common-schema';
import { perPageWithin } from '../iam-request';
import { accountMemberSchema, accountSchema, tokenVerificationSchema } from './schema';

export function listAccounts(params: { page?: number; per_page?: number; name?: string } = {}) {
  return request('/accounts', { query: { ...params }, schema: listOf(accountSchema) });
}
export function getAccount(accountId: string) {
  return request(`/accounts/${encodeURIComponent(accountId)}`, { schema: accountSchema });
}
export interface AccountMemberListParams {
  page?: number;
  /** The real API and the sandbox serve 5–50. */
  per_page?: number;
  status?: 'accepted' | 'pending' | 'rejected';
  direction?: 'asc' | 'desc';
  /** Sandbox extension: substring of email or name. The real API has no search parameter. */
  search?: string;
}
export function listAccountMembers(accountId: string, params: AccountMemberListParams = {}, signal?: AbortSignal) {
  return request(`/accounts/${encodeURIComponent(accountId)}/members`, {
    query: { ...params, per_page: perPageWithin(params.per_page, 5, 50) },
    schema: listOf(accountMemberSchema),
    signal,
  });
}
export function verifyToken() {
  return request('/user/tokens/verify', { schema: tokenVerificationSchema });
}
