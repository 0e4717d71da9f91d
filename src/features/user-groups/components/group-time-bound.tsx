import { useQuery } from '@tanstack/react-query';
import { membershipEndsQuery } from '@/api/membership-ends';
import { TimeBoundTable } from '@/components/access-end/time-bound-table';

/** The group's time-bound memberships: who leaves when, and what became of the ended ones. Nothing when there are none. */
export function GroupTimeBound({ accountId, groupId, groupName }: { accountId: string; groupId: string; groupName: string }) {
  const ends = useQuery(membershipEndsQuery(accountId, { group: groupId })).data?.result ?? [];
  if (ends.length === 0) return null;
  const open = ends.filter((e) => e.state === 'scheduled').length;
  return (
    <section className="time-bound" aria-labelledby="time-bound-heading">
      <h3 id="time-bound-heading">
        Time-bound access{open ? ` · ${open} ending` : ''}
      </h3>
      <TimeBoundTable accountId={accountId} ends={ends} caption={`Time-bound access to ${groupName}`} showGroup={false} />
    </section>
  );
}
