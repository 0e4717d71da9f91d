import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useMemo, useState } from 'react';
import { isApiError } from '@/api/api-error';
import { useGuardedMutation } from '@/api/use-guarded-mutation';
import { accessReviewKeys, startReview } from '@/api/access-reviews';
import { allUserGroupsQuery } from '@/api/user-groups/queries';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { Field } from '@/components/ui/field';
import { grantsAdmin } from '@/lib/effective-access';
import { pluralize } from '@/lib/format';

const MAX_GROUPS = 50;

/** A due date two weeks out, as the date input holds it. */
function inTwoWeeks(): string {
  return new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
}

/** Start a review: a name, the groups (every admin-granting group in one click), reviewers and a due date. */
export function StartReviewDialog({ accountId, open, onOpenChange, signedInAs }: { accountId: string; open: boolean; onOpenChange: (open: boolean) => void; signedInAs: string | null }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const filterId = useId();
  const groups = useQuery({ ...allUserGroupsQuery(accountId), enabled: open });
  const [name, setName] = useState(() => `Access review ${new Date().toISOString().slice(0, 7)}`);
  const [dueAt, setDueAt] = useState(inTwoWeeks);
  const [reviewers, setReviewers] = useState('');
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const start = useGuardedMutation({
    mutationFn: () =>
      startReview(accountId, {
        name: name.trim(),
        groupIds: [...chosen],
        dueAt,
        reviewers: reviewers
          .split(/[\s,;]+/)
          .map((r) => r.trim())
          .filter(Boolean),
      }),
    onSuccess: async (id: string) => {
      await qc.invalidateQueries({ queryKey: accessReviewKeys.all(accountId) });
      onOpenChange(false);
      void navigate({ to: '/accounts/$accountId/reviews/$reviewId', params: { accountId, reviewId: id } });
    },
  });
  const pending = start.isPending;
  const error = start.error;
  const adminGroups = useMemo(() => (groups.data ?? []).filter((g) => grantsAdmin(g.policies ?? [])), [groups.data]);
  const shown = (groups.data ?? []).filter((g) => g.name.toLowerCase().includes(filter.trim().toLowerCase())).slice(0, 200);
  const fieldError = (pointer: string) => (isApiError(error) ? error.errors.find((e) => e.pointer === pointer)?.message : undefined);

  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = () => start.mutate();

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Start an access review"
      description="Every membership of the chosen groups, as the API holds it now, gets a keep or remove decision."
      size="wide"
      footer={
        <>
          <button type="button" className="btn" onClick={() => onOpenChange(false)}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={chosen.size === 0 || pending} aria-busy={pending} onClick={submit}>
            {pending ? 'Reading the groups…' : `Review ${pluralize(chosen.size, 'group')}`}
          </button>
        </>
      }
    >
      {error && !fieldError('/name') && !fieldError('/due_at') && !fieldError('/reviewers/0') ? <ErrorBanner error={error} title="The review was not started" /> : null}
      <Field label="Name" error={fieldError('/name')}>
        {(props) => <input {...props} className="input" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Due" error={fieldError('/due_at')}>
        {(props) => <input {...props} type="date" className="input" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />}
      </Field>
      <Field
        label="Reviewers (emails, optional)"
        hint={signedInAs ? `Signed in through Access as ${signedInAs}; you are the reviewer unless you name others.` : 'On this computer you are the reviewer unless you name others.'}
        error={fieldError('/reviewers/0')}
      >
        {(props) => <input {...props} className="input" value={reviewers} placeholder="ana@acme.com, li@acme.com" onChange={(e) => setReviewers(e.target.value)} />}
      </Field>
      <fieldset className="review-groups" aria-busy={groups.isPending}>
        <legend>
          Groups · {chosen.size} chosen{chosen.size > MAX_GROUPS ? ` (at most ${MAX_GROUPS})` : ''}
        </legend>
        {groups.isError ? <ErrorBanner error={groups.error} title="The groups could not be loaded" onRetry={() => void groups.refetch()} /> : null}
        <div className="toolbar">
          <div className="field">
            <label htmlFor={filterId}>Filter groups</label>
            <input id={filterId} type="search" className="input" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </div>
          <button type="button" className="btn" disabled={adminGroups.length === 0} onClick={() => setChosen(new Set(adminGroups.slice(0, MAX_GROUPS).map((g) => g.id)))}>
            Choose every group that grants administrator access ({adminGroups.length})
          </button>
        </div>
        <ul className="review-group-list">
          {shown.map((g) => (
            <li key={g.id}>
              <label>
                <input type="checkbox" checked={chosen.has(g.id)} onChange={(e) => toggle(g.id, e.target.checked)} /> {g.name}
                {grantsAdmin(g.policies ?? []) ? <span className="badge badge-warning">Administrator access</span> : null}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </Dialog>
  );
}
