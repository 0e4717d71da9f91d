import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { listAccountMembers } from '@/api/account-members/endpoints';
import { groupMembersAllQuery } from '@/api/user-groups/queries';
import type { AccountMember } from '@/api/account-members/schema';
import type { GroupMember } from '@/api/user-groups/schema';
import { useAccountId } from '@/stores/current-account';
import { validEmails, type ParsedEmailList } from './lib/email-list';
import type { Person } from './lib/membership';
import { resolveEmailsIndexFirst, type AskIndex } from './lib/resolve-emails';
import { resolveEmailsFromIndex } from '@/api/membership-index';

export function accountMemberAsPerson(m: AccountMember): Person {
  const name = [m.user?.first_name, m.user?.last_name].filter(Boolean).join(' ');
  return { id: m.id, email: m.user?.email ?? '', name: name || undefined, status: m.status };
}

export function groupMemberAsPerson(m: GroupMember): Person {
  return { id: m.id, email: m.email ?? m.id };
}

/** The membership index's answer to a paste (a /console-api call: no Cloudflare request). */
export const askIndex =
  (accountId: string): AskIndex =>
  async (emails) => {
    const answer = await resolveEmailsFromIndex(accountId, emails);
    return {
      // With the status: a pending invitee found in the index is warned about like one found through the API.
      found: answer.found.map((m) => ({ id: m.id, email: m.email, name: [m.first_name, m.last_name].filter(Boolean).join(' ') || undefined, status: m.status })),
      unknown: answer.unknown,
      complete: answer.index.members_listed,
    };
  };

export interface MembershipLookup {
  /** Lower-cased email → account member, for the pasted addresses that are account members. */
  accountMembers: Map<string, Person>;
  /** The group's whole membership as it is right now. */
  current: Person[];
}

/**
 * What every membership preview needs: which pasted emails are account members, and who is in
 * the group now. Both are read fresh (a preview on stale data is the bug this avoids).
 */
export function useMembershipLookup(groupId: string) {
  const accountId = useAccountId();
  const qc = useQueryClient();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const readCurrent = useCallback(async () => {
    const members = await qc.fetchQuery({ ...groupMembersAllQuery(accountId, groupId), staleTime: 0 });
    return members.map(groupMemberAsPerson);
  }, [qc, accountId, groupId]);

  const lookup = useCallback(
    async (list: ParsedEmailList): Promise<MembershipLookup> => {
      setProgress({ done: 0, total: 1 });
      try {
        const [resolution, current] = await Promise.all([
          resolveEmailsIndexFirst(
            validEmails(list),
            askIndex(accountId),
            async (params) => {
              const { result, resultInfo } = await listAccountMembers(accountId, params);
              return { people: result.map(accountMemberAsPerson), total: resultInfo?.total_count };
            },
            { onProgress: (done, total) => setProgress({ done, total }) },
          ),
          readCurrent(),
        ]);
        return { accountMembers: resolution.found, current };
      } finally {
        setProgress(null);
      }
    },
    [accountId, readCurrent],
  );

  return { lookup, readCurrent, progress };
}
