import { useQuery } from '@tanstack/react-query';
import { membershipEndsQuery } from '@/api/membership-ends';
import { TimeBoundTable } from '@/components/access-end/time-bound-table';
import { PageHeader } from '@/components/layout/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorBanner } from '@/components/ui/error-banner';
import { TableSkeleton } from '@/components/ui/skeleton';
import { pluralize } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';

/** Every time-bound membership of the account: what ends next, and what the console did with the ones that ended (30 days). */
export function ExpiringPage() {
  const accountId = useAccountId();
  const query = useQuery(membershipEndsQuery(accountId));
  const ends = query.data?.result ?? [];
  const open = ends.filter((e) => e.state === 'scheduled');
  const closed = ends.filter((e) => e.state !== 'scheduled');
  const serverNow = query.data ? Date.parse(query.data.now) : 0;
  const failing = open.filter((e) => e.attempts > 0 && Date.parse(e.ends_at) <= serverNow);
  return (
    <>
      <PageHeader
        title="Expiring access"
        description="Group memberships with an end. The console removes each person at its end through the API and records it in History."
      />
      {query.data?.kept_by === 'process-timer' ? (
        <p className="banner banner-info">
          On this computer, removals happen while the console server runs: keep it running, or use the team deployment. An end that passes while it is stopped
          is carried out at its next start.
        </p>
      ) : null}
      {failing.length ? (
        <div className="banner banner-error" role="alert">
          <strong>{pluralize(failing.length, 'membership')} past the end not removed yet</strong>
          <p>The API refused the removal; the console keeps trying within the request budget. See each row for the reason.</p>
        </div>
      ) : null}
      {query.error ? <ErrorBanner error={query.error} title="Time-bound memberships could not be loaded" onRetry={() => void query.refetch()} /> : null}
      {!query.data && !query.error ? <TableSkeleton rows={4} columns={5} label="Loading time-bound memberships" /> : null}
      {query.data ? (
        <>
          <section aria-labelledby="expiring-open-heading">
            <h2 id="expiring-open-heading">Ending · {open.length}</h2>
            {open.length ? (
              <TimeBoundTable accountId={accountId} ends={open} caption="Memberships that will end" showGroup />
            ) : (
              <EmptyState title="No membership has an end">When you add people to a group, choose “Access ends” to give them access for a while.</EmptyState>
            )}
          </section>
          {closed.length ? (
            <section aria-labelledby="expiring-closed-heading">
              <h2 id="expiring-closed-heading">Ended in the last 30 days · {closed.length}</h2>
              <TimeBoundTable accountId={accountId} ends={closed} caption="Memberships that ended" showGroup />
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
