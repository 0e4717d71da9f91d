import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { accessReviewQuery } from '@/api/access-reviews';
import { ErrorBanner } from '@/components/ui/error-banner';
import { formatDateTime } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';
import './access-reviews.css';

/** The review's evidence as one printable page: scope, reviewers, every decision with time and reason, what was removed and when. */
export function EvidencePage({ reviewId }: { reviewId: string }) {
  const accountId = useAccountId();
  const query = useQuery(accessReviewQuery(accountId, reviewId));
  const review = query.data;
  if (query.error) return <ErrorBanner error={query.error} title="The review could not be loaded" />;
  if (!review) return <p role="status">Loading the evidence…</p>;
  return (
    <article className="evidence">
      <p className="no-print">
        <Link to="/accounts/$accountId/reviews/$reviewId" params={{ accountId, reviewId }}>
          ← Back to the review
        </Link>{' '}
        <button type="button" className="btn" onClick={() => window.print()}>
          Print
        </button>
      </p>
      <h1>Access review evidence: {review.name}</h1>
      <dl className="shortcut-list">
        <dt>Account</dt>
        <dd className="mono">{accountId}</dd>
        <dt>Scope</dt>
        <dd>{review.groups.map((g) => `${g.name}${g.grants_admin ? ' (administrator access)' : ''}`).join('; ')}</dd>
        <dt>Reviewers</dt>
        <dd>{review.reviewers.join(', ')}</dd>
        <dt>Started</dt>
        <dd>
          {formatDateTime(review.created_at)} by {review.created_by}
        </dd>
        <dt>Due</dt>
        <dd>{review.due_at}</dd>
        <dt>Applied</dt>
        <dd>{review.applied_at ? `${formatDateTime(review.applied_at)} by ${review.applied_by}` : 'Not yet'}</dd>
      </dl>
      <table className="table">
        <caption>Every decision</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Person</th>
            <th scope="col">Decision</th>
            <th scope="col">Reason</th>
            <th scope="col">Decided</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {review.items.map((i) => (
            <tr key={i.id}>
              <td>{i.group_name}</td>
              <td>{i.member_email ?? i.member_id}</td>
              <td>{i.decision ?? 'none yet'}</td>
              <td>{i.reason}</td>
              <td>
                {i.decided_by} {formatDateTime(i.decided_at)}
              </td>
              <td>
                {i.outcome ?? '—'} {i.applied_at ? formatDateTime(i.applied_at) : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
