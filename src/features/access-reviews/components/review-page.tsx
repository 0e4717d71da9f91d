import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { accessReviewKeys, accessReviewQuery, applyReview, decide, evidenceCsvUrl, type ReviewDetail, type ReviewItem } from '@/api/access-reviews';
import { isApiError } from '@/api/api-error';
import { useGuardedMutation } from '@/api/use-guarded-mutation';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { TableSkeleton } from '@/components/ui/skeleton';
import { formatDate, formatDateTime, pluralize } from '@/lib/format';
import { ACTION_LABEL, RESOURCE_TYPE_LABEL } from '@/lib/history-labels';
import { useAccountId } from '@/stores/current-account';
import './access-reviews.css';

const who = (i: ReviewItem) => i.member_email ?? i.member_id;

/** When this membership last changed, from History: a reviewer weighs a grant made last week differently from one made years ago. */
function LastChange({ item }: { item: ReviewItem }) {
  const change = item.last_change;
  if (!change) return <span className="muted">Not in History</span>;
  return (
    <span>
      {change.action === 'remove_member' ? 'Removed' : 'Added'} {formatDateTime(change.at)} <span className="muted">by {change.by}</span>
    </span>
  );
}

/** The person's own last change anywhere in the account, where the audit log shows one. */
function LastActivity({ item }: { item: ReviewItem }) {
  const activity = item.last_activity;
  if (!activity) return <span className="muted">None in the audit log</span>;
  const what = `${ACTION_LABEL[activity.action] ?? activity.action} · ${RESOURCE_TYPE_LABEL[activity.resource_type] ?? activity.resource_type}${activity.resource_name ? ` ${activity.resource_name}` : ''}`;
  return (
    <span>
      {formatDateTime(activity.at)} <span className="muted">{what}</span>
    </span>
  );
}

/** One membership's decision: keep or remove, with a reason (required to remove). Saved as it is made. */
function DecisionCell({ accountId, reviewId, item, locked }: { accountId: string; reviewId: string; item: ReviewItem; locked: boolean }) {
  const qc = useQueryClient();
  const [reason, setReason] = useState(item.reason ?? '');
  const [choice, setChoice] = useState<'keep' | 'remove' | null>(item.decision);
  const save = useGuardedMutation({
    mutationFn: (next: { decision: 'keep' | 'remove'; reason: string }) => decide(accountId, reviewId, item.id, next.decision, next.reason),
    onSuccess: () => qc.invalidateQueries({ queryKey: accessReviewKeys.detail(accountId, reviewId) }),
  });
  const label = `${who(item)} in ${item.group_name}`;
  if (locked) {
    return (
      <span>
        <Badge tone={item.decision === 'remove' ? 'danger' : 'success'}>{item.decision === 'remove' ? 'Remove' : 'Keep'}</Badge> {item.reason}
      </span>
    );
  }
  const reasonError = isApiError(save.error) ? save.error.errors.find((e) => e.pointer === '/reason')?.message : undefined;
  return (
    <div className="review-decision" role="group" aria-label={`Decision for ${label}`}>
      <label>
        <input type="radio" name={`decision-${item.id}`} checked={choice === 'keep'} onChange={() => (setChoice('keep'), save.mutate({ decision: 'keep', reason }))} /> Keep
      </label>
      <label>
        <input type="radio" name={`decision-${item.id}`} checked={choice === 'remove'} onChange={() => setChoice('remove')} /> Remove
      </label>
      <input
        className="input"
        aria-label={`Reason for ${label}`}
        aria-invalid={Boolean(reasonError)}
        placeholder={choice === 'remove' ? 'Why they lose it (required)' : 'Reason (optional)'}
        value={reason}
        maxLength={500}
        onChange={(e) => setReason(e.target.value)}
        onBlur={() => choice && (choice !== item.decision || reason !== (item.reason ?? '')) && save.mutate({ decision: choice, reason })}
        onKeyDown={(e) => e.key === 'Enter' && choice && save.mutate({ decision: choice, reason })}
      />
      {choice === 'remove' ? (
        <button type="button" className="btn btn-small" onClick={() => save.mutate({ decision: 'remove', reason })}>
          Save decision
        </button>
      ) : null}
      {save.isError ? (
        <p className="field-error" role="alert">
          {reasonError ?? (isApiError(save.error) ? save.error.errors.map((e) => e.message).join('; ') : String(save.error))}
        </p>
      ) : item.decision ? (
        <span className="muted">
          Saved: {item.decision} · {item.decided_by}
        </span>
      ) : null}
    </div>
  );
}

function GroupSection({ accountId, review, groupId }: { accountId: string; review: ReviewDetail; groupId: string }) {
  const group = review.groups.find((g) => g.id === groupId)!;
  const items = review.items.filter((i) => i.group_id === groupId);
  const locked = review.state === 'applied';
  return (
    <section className="review-group" aria-labelledby={`review-group-${groupId}`}>
      <h2 id={`review-group-${groupId}`}>
        {group.name} {group.grants_admin ? <Badge tone="warning">Administrator access</Badge> : null}
      </h2>
      {items.length === 0 ? (
        <p className="muted">No members when the review started.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Memberships of {group.name} under review</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Membership last changed</th>
              <th scope="col">Their last change in the account</th>
              <th scope="col">Decision</th>
              {locked ? <th scope="col">Outcome</th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link to="/accounts/$accountId/members/$memberId" params={{ accountId, memberId: item.member_id }}>
                    {who(item)}
                  </Link>{' '}
                  {item.member_status === 'pending' ? <Badge tone="warning">Invitation pending</Badge> : null}
                </td>
                <td>
                  <LastChange item={item} />
                </td>
                <td>
                  <LastActivity item={item} />
                </td>
                <td>
                  <DecisionCell key={`${item.id}:${item.decision ?? ''}`} accountId={accountId} reviewId={review.id} item={item} locked={locked} />
                </td>
                {locked ? (
                  <td>
                    {item.outcome} <span className="muted">{formatDateTime(item.applied_at)}</span>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A review: every membership with its decision; applying removes the people decided against, after a preview. */
export function ReviewPage({ reviewId }: { reviewId: string }) {
  const accountId = useAccountId();
  const qc = useQueryClient();
  const query = useQuery(accessReviewQuery(accountId, reviewId));
  const [previewing, setPreviewing] = useState(false);
  const apply = useGuardedMutation({
    mutationFn: () => applyReview(accountId, reviewId),
    onSuccess: () => setPreviewing(false),
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: accessReviewKeys.all(accountId) })]),
  });
  const review = query.data;
  const undecided = review?.items.filter((i) => !i.decision).length ?? 0;
  const removals = review?.items.filter((i) => i.decision === 'remove') ?? [];
  return (
    <>
      <p className="no-print">
        <Link to="/accounts/$accountId/reviews" params={{ accountId }}>
          ← Access reviews
        </Link>
      </p>
      {query.error ? <ErrorBanner error={query.error} title="The review could not be loaded" onRetry={() => void query.refetch()} /> : null}
      {!review && !query.error ? <TableSkeleton rows={6} columns={2} label="Loading the review" /> : null}
      {review ? (
        <>
          <PageHeader
            title={review.name}
            description={`Reviewers: ${review.reviewers.join(', ')} · due ${formatDate(review.due_at)} · started by ${review.created_by} ${formatDateTime(review.created_at)}`}
            actions={
              <div className="row-actions no-print">
                <a className="btn" href={evidenceCsvUrl(accountId, reviewId)} download>
                  Download evidence (CSV)
                </a>
                <Link className="btn" to="/accounts/$accountId/reviews/$reviewId/evidence" params={{ accountId, reviewId }}>
                  Printable evidence
                </Link>
                {review.state === 'open' ? (
                  <button type="button" className="btn btn-primary" disabled={undecided > 0} onClick={() => setPreviewing(true)}>
                    Apply decisions…
                  </button>
                ) : null}
              </div>
            }
          />
          <p className="review-summary" role="status">
            <span>{pluralize(review.items.length, 'membership')}</span>
            <span>{undecided ? `${undecided} without a decision` : 'Every membership decided'}</span>
            <span>{pluralize(removals.length, 'removal')}</span>
            {review.state === 'applied' ? <Badge tone="success">Applied by {review.applied_by} {formatDateTime(review.applied_at)}</Badge> : null}
          </p>
          {apply.isError && !previewing ? <ErrorBanner error={apply.error} title="Some decisions were not applied" /> : null}
          {review.groups.map((g) => (
            <GroupSection key={g.id} accountId={accountId} review={review} groupId={g.id} />
          ))}
          <ConfirmDialog
            open={previewing}
            onOpenChange={setPreviewing}
            title={`Apply “${review.name}”?`}
            confirmLabel={removals.length ? `Remove ${pluralize(removals.length, 'membership')}` : 'Close the review'}
            tone={removals.length ? 'danger' : 'primary'}
            pending={apply.isPending}
            onConfirm={() => apply.mutate()}
          >
            {removals.length ? (
              <>
                <p>Who loses what (checked against each group as it is now; anyone already gone is reported, not removed twice):</p>
                <ul>
                  {removals.map((i) => (
                    <li key={i.id}>
                      {who(i)} leaves {i.group_name}
                      {i.grants_admin ? ' (administrator access)' : ''} — “{i.reason}”
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>Everyone keeps their access; the review is recorded as applied.</p>
            )}
            {apply.isError ? <ErrorBanner error={apply.error} title="Not everything was applied" /> : null}
          </ConfirmDialog>
        </>
      ) : null}
    </>
  );
}
