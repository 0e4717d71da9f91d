import { useQuery } from '@tanstack/react-query';
import { membershipEndsQuery } from '@/api/membership-ends';
import { TimeBoundTable } from '@/components/access-end/time-bound-table';

/** A person's time-bound memberships, across groups; nothing when they have none. */
export function MemberTimeBound({ accountId, memberId, who }: { accountId: string; memberId: string; who: string }) {
  const ends = useQuery(membershipEndsQuery(accountId, { member: memberId })).data?.result ?? [];
  if (ends.length === 0) return null;
  return (
    <section className="card time-bound" aria-labelledby="member-time-bound-heading">
      <h2 id="member-time-bound-heading">Time-bound access</h2>
      <TimeBoundTable accountId={accountId} ends={ends} caption={`Time-bound access of ${who}`} showGroup />
    </section>
  );
}
