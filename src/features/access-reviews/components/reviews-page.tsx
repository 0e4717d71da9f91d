import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { accessReviewsQuery } from '@/api/access-reviews';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorBanner } from '@/components/ui/error-banner';
import { onDemand } from '@/components/ui/on-demand';
import { TableSkeleton } from '@/components/ui/skeleton';
import { formatDate } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';
import './access-reviews.css';

/** The start form (and the form library with it) comes when the browser is idle, or on first use. */
const startDialog = onDemand(() => import('./start-review-dialog'));

/** The account's access reviews: open ones with their progress, applied ones with their evidence. */
export function ReviewsPage() {
  const accountId = useAccountId();
  const query = useQuery(accessReviewsQuery(accountId));
  const [starting, setStarting] = useState(false);
  const StartDialog = startDialog.useLoaded()?.StartReviewDialog;
  useEffect(() => {
    if (starting) void startDialog.load();
  }, [starting]);
  const reviews = query.data?.result ?? [];
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <PageHeader
        title="Access reviews"
        description="Who should keep the access they have? Decide keep or remove for every membership of some groups, apply the removals in one change, and keep the evidence."
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setStarting(true)}>
            Start a review
          </button>
        }
      />
      {query.error ? <ErrorBanner error={query.error} title="Reviews could not be loaded" onRetry={() => void query.refetch()} /> : null}
      {!query.data && !query.error ? <TableSkeleton rows={3} columns={5} label="Loading reviews" /> : null}
      {query.data && reviews.length === 0 ? (
        <EmptyState title="No access review yet">Start one for every group that grants administrator access: audits ask who approved each admin, and when.</EmptyState>
      ) : null}
      {reviews.length ? (
        <table className="table">
          <caption className="visually-hidden">Access reviews</caption>
          <thead>
            <tr>
              <th scope="col">Review</th>
              <th scope="col">Groups</th>
              <th scope="col">Progress</th>
              <th scope="col">Due</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {reviews.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to="/accounts/$accountId/reviews/$reviewId" params={{ accountId, reviewId: r.id }}>
                    {r.name}
                  </Link>
                </td>
                <td>{r.groups.map((g) => g.name).join(', ')}</td>
                <td>
                  {r.decided} of {r.items} decided · {r.removals} to remove
                </td>
                <td>{formatDate(r.due_at)}</td>
                <td>
                  {r.state === 'applied' ? (
                    <Badge tone="success">Applied {formatDate(r.applied_at)}</Badge>
                  ) : r.due_at < today ? (
                    <Badge tone="danger">Overdue</Badge>
                  ) : (
                    <Badge tone="info">Open</Badge>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {StartDialog ? <StartDialog accountId={accountId} open={starting} onOpenChange={setStarting} signedInAs={query.data?.signed_in_as ?? null} /> : null}
    </>
  );
}
