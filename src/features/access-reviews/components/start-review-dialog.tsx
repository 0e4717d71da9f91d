import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useStore } from '@tanstack/react-form';
import { useId, useMemo, useState } from 'react';
import { useGuardedMutation } from '@/api/use-guarded-mutation';
import { accessReviewKeys, startReview } from '@/api/access-reviews';
import { allUserGroupsQuery } from '@/api/user-groups/queries';
import { applyApiErrorsBy, asWritten, unplacedApiError } from '@/components/form/api-errors';
import { useFocusFirstInvalid } from '@/components/form/focus-first-invalid';
import { onFormSubmit } from '@/components/form/submit-form';
import { useAppForm } from '@/components/form/use-app-form';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { grantsAdmin } from '@/lib/effective-access';
import { pluralize } from '@/lib/format';

const MAX_GROUPS = 50;

/** The field an error of the console's review API is about (`/reviewers/2` is the reviewers box), or null for the banner. */
function fieldFor(pointer: string): 'name' | 'due_at' | 'reviewers' | null {
  if (pointer === '/name' || pointer === '/due_at') return pointer.slice(1) as 'name' | 'due_at';
  return pointer === '/reviewers' || pointer.startsWith('/reviewers/') ? 'reviewers' : null;
}
const ownsField = (pointer: string) => fieldFor(pointer) !== null;

/** A due date two weeks out, as the date input holds it. */
function inTwoWeeks(): string {
  return new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
}

/** Start a review: a name, the groups (every admin-granting group in one click), reviewers and a due date. */
export function StartReviewDialog({
  accountId,
  open,
  onOpenChange,
  signedInAs,
}: {
  accountId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  signedInAs: string | null;
}) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const filterId = useId();
  const groups = useQuery({ ...allUserGroupsQuery(accountId), enabled: open });
  const [filter, setFilter] = useState('');
  const { rootRef, request: focusFirstInvalid } = useFocusFirstInvalid();
  const start = useGuardedMutation({
    mutationFn: (body: Parameters<typeof startReview>[1]) => startReview(accountId, body),
    onSuccess: async (id: string) => {
      await qc.invalidateQueries({ queryKey: accessReviewKeys.all(accountId) });
      onOpenChange(false);
      void navigate({ to: '/accounts/$accountId/reviews/$reviewId', params: { accountId, reviewId: id } });
    },
  });
  const form = useAppForm({
    defaultValues: { name: `Access review ${new Date().toISOString().slice(0, 7)}`, due_at: inTwoWeeks(), reviewers: '', groupIds: [] as string[] },
    onSubmit: async ({ value, formApi }) => {
      try {
        await start.mutateAsync({
          name: value.name.trim(),
          groupIds: value.groupIds,
          dueAt: value.due_at,
          reviewers: value.reviewers
            .split(/[\s,;]+/)
            .map((r) => r.trim())
            .filter(Boolean),
        });
      } catch (error) {
        // The console's own API names the field in its message ("reviewers.0: …"): shown as written.
        applyApiErrorsBy(formApi, error, fieldFor, asWritten);
        focusFirstInvalid();
      }
    },
  });
  const chosen = useStore(form.store, (s) => s.values.groupIds);
  const pending = start.isPending;
  const failed = unplacedApiError(start.error, ownsField);
  const adminGroups = useMemo(() => (groups.data ?? []).filter((g) => grantsAdmin(g.policies ?? [])), [groups.data]);
  const shown = (groups.data ?? []).filter((g) => g.name.toLowerCase().includes(filter.trim().toLowerCase())).slice(0, 200);
  const toggle = (id: string, on: boolean) => form.setFieldValue('groupIds', (prev) => (on ? [...prev.filter((g) => g !== id), id] : prev.filter((g) => g !== id)));

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
          <button type="submit" form={form.formId} className="btn btn-primary" disabled={chosen.length === 0 || pending} aria-busy={pending}>
            {pending ? 'Reading the groups…' : `Review ${pluralize(chosen.length, 'group')}`}
          </button>
        </>
      }
    >
      <form id={form.formId} ref={rootRef} onSubmit={onFormSubmit(form)} noValidate>
        {failed ? <ErrorBanner error={failed} title="The review was not started" /> : null}
        <form.AppField name="name">{(field) => <field.TextField label="Name" className="input" maxLength={200} />}</form.AppField>
        <form.AppField name="due_at">{(field) => <field.TextField label="Due" type="date" className="input" />}</form.AppField>
        <form.AppField name="reviewers">
          {(field) => (
            <field.TextField
              label="Reviewers (emails, optional)"
              hint={
                signedInAs
                  ? `Signed in through Access as ${signedInAs}; you are the reviewer unless you name others.`
                  : 'On this computer you are the reviewer unless you name others.'
              }
              className="input"
              placeholder="ana@acme.com, li@acme.com"
            />
          )}
        </form.AppField>
        <fieldset className="review-groups" aria-busy={groups.isPending}>
          <legend>
            Groups · {chosen.length} chosen{chosen.length > MAX_GROUPS ? ` (at most ${MAX_GROUPS})` : ''}
          </legend>
          {groups.isError ? <ErrorBanner error={groups.error} title="The groups could not be loaded" onRetry={() => void groups.refetch()} /> : null}
          <div className="toolbar">
            <div className="field">
              <label htmlFor={filterId}>Filter groups</label>
              <input id={filterId} type="search" className="input" value={filter} onChange={(e) => setFilter(e.target.value)} />
            </div>
            <button
              type="button"
              className="btn"
              disabled={adminGroups.length === 0}
              onClick={() =>
                form.setFieldValue(
                  'groupIds',
                  adminGroups.slice(0, MAX_GROUPS).map((g) => g.id),
                )
              }
            >
              Choose every group that grants administrator access ({adminGroups.length})
            </button>
          </div>
          <ul className="review-group-list">
            {shown.map((g) => (
              <li key={g.id}>
                <label>
                  <input type="checkbox" checked={chosen.includes(g.id)} onChange={(e) => toggle(g.id, e.target.checked)} /> {g.name}
                  {grantsAdmin(g.policies ?? []) ? <span className="badge badge-warning">Administrator access</span> : null}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </form>
    </Dialog>
  );
}
