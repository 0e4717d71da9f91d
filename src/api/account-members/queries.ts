import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { accountKeys } from '../accounts/queries';
import { listAccountMembers, type AccountMemberListParams } from './endpoints';

/** One page of the account's members (the people a user group can hold). */
export function accountMembersQuery(accountId: string, params: AccountMemberListParams) {
  return queryOptions({
    queryKey: accountKeys.memberList(accountId, params),
    queryFn: ({ signal }) => listAccountMembers(accountId, params, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
