import { request } from '../client';
import { listOf } from '../common-schema';
import { perPageWithin } from '../iam-request';
import { accountMemberSchema } from './schema';

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
