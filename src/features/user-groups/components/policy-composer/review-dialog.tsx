import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { isApiError } from '@/api/api-error';
import { groupMembersQuery, userGroupKeys } from '@/api/user-groups/queries';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { curlCommand } from '@/lib/curl';
import { computeEffectiveAccess, diffAccess, type AccessPolicy } from '@/lib/effective-access';
import { pluralize } from '@/lib/format';
import { countChanges, diffPolicies } from '@/lib/policy-diff';
import { draftFromServer, reattachIds, resourceRefKey, samePolicies, toRequestBody, type DraftPolicy } from '@/lib/policy-draft';
import { placePolicyErrors, type PlacedErrors } from '@/lib/policy-errors';
import { mergePolicies, rebaseOnto } from '@/lib/policy-merge';
import { notify } from '@/stores/toasts';
import { addMembersAfterSave, readGroupFresh, useSavePolicies } from '@/features/user-groups/policy-api';
import { MEMBER_COUNT_PARAMS } from '@/features/user-groups/search-params';
import { ConflictView } from './conflict-view';
import { describeAuthor, useLastGroupChange } from './last-change';
import { CopyButton } from '@/components/ui/copy-button';
import { AccessChangesTable, AffectedMembers, PolicyDiffView } from './policy-diff-view';
import type { Composer, Lookups } from './use-composer';

interface ReviewDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  composer: Composer;
  /** The API refused the request: errors go to the cards, the draft stays. */
  onRefused: (placed: PlacedErrors) => void;
}

function accessPolicies(policies: DraftPolicy[], lookups: Lookups, group: { id: string; name: string }): AccessPolicy[] {
  return policies.map((p, i) => ({
    ref: { groupId: group.id, groupName: group.name, ...(p.id ? { policyId: p.id } : {}), position: i + 1 },
    access: p.access,
    permissionGroups: p.permissionGroups.map((id) => ({ id, name: lookups.permissionGroup(id).name })),
    resourceGroups: p.resourceGroups.map((ref) => {
      const r = lookups.resource(ref);
      return { id: resourceRefKey(ref), name: r.label, scope: r.scope };
    }),
  }));
}

/**
 * Review before save. On opening it reads the group again (the API has no ETag): if its policies
 * moved since the draft began, the conflict view comes first; otherwise the diff against what the
 * API holds now, what members gain or lose, and the exact PUT. Saving reads once more first.
 */
export function ReviewDialog({ open, onOpenChange, composer, onRefused }: ReviewDialogProps) {
  const { accountId, group, base, policies, lookups, names } = composer;
  const qc = useQueryClient();
  const save = useSavePolicies(group.id);
  const [notes, setNotes] = useState<string[]>([]);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const check = useQuery({
    queryKey: [...userGroupKeys.detail(accountId, group.id), 'review-check'],
    queryFn: () => readGroupFresh(qc, accountId, group.id),
    enabled: open,
    gcTime: 0,
    staleTime: Infinity,
    retry: false,
  });
  const fresh = check.data;
  const theirs = fresh ? draftFromServer(fresh.policies) : null;
  const moved = fresh ? fresh.modified_on !== base.modifiedOn : false;
  const conflict = Boolean(fresh && theirs && moved && !samePolicies(theirs, base.policies));
  const lastChange = useLastGroupChange(accountId, group.id, moved);
  // How many people the access changes reach: one request of one member, its total_count (as the Overview reads it).
  const memberList = useQuery({ ...groupMembersQuery(accountId, group.id, MEMBER_COUNT_PARAMS), enabled: open });
  const memberCount = memberList.isPlaceholderData ? undefined : memberList.data?.resultInfo?.total_count;

  // What will be sent: my draft on top of what the API holds now, kept ids that still exist.
  const prepared = theirs ? reattachIds(theirs, rebaseOnto(theirs, policies)) : policies;
  const diff = theirs ? diffPolicies(theirs, prepared) : null;
  const body = toRequestBody(prepared);
  const path = `/accounts/${accountId}/iam/user_groups/${group.id}`;
  const changes = fresh && theirs ? diffAccess(computeEffectiveAccess(accessPolicies(theirs, lookups, group)), computeEffectiveAccess(accessPolicies(prepared, lookups, group))) : [];

  const close = (next: boolean) => {
    if (!next) {
      setNotes([]);
      setSaveError(null);
    }
    onOpenChange(next);
  };

  const adopt = (nextPolicies: DraftPolicy[], note: string[]) => {
    if (!fresh || !theirs) return;
    composer.put({ base: { modifiedOn: fresh.modified_on, policies: theirs }, policies: nextPolicies });
    setNotes(note);
  };

  const onSave = async () => {
    if (!fresh) return;
    setBusy(true);
    setSaveError(null);
    try {
      // Read again: a save between opening the review and now must not be overwritten either.
      const latest = (await check.refetch()).data;
      if (!latest || latest.modified_on !== fresh.modified_on) {
        setNotes(['The group changed again while you were reviewing. Check the review below, then save.']);
        return;
      }
      await save.mutateAsync({ policies: body.policies, revertOf: composer.draft?.revertOf?.entryId });
      const members = composer.draft?.membersOnSave ?? [];
      composer.clearAfterSave();
      notify.success('Policies saved', `${group.name}: ${pluralize(body.policies.length, 'policy', 'policies')}`);
      if (members.length) {
        await addMembersAfterSave(qc, accountId, group.id, members.map((m) => m.id)).then(
          () => notify.success(`Added ${pluralize(members.length, 'member')} from the import`),
          () => notify.error('The policies are saved, but the import’s members were not added', 'Add them on the Members tab.'),
        );
      }
      close(false);
    } catch (error) {
      // A refusal of the policies goes back to the cards that caused it; a 429 refused nothing
      // in them: the review stays open, counting down to when Save may go.
      if (isApiError(error) && error.kind === 'api' && error.status >= 400 && error.status < 500 && error.status !== 429) {
        onRefused(placePolicyErrors(error.errors, prepared));
        close(false);
      } else setSaveError(error);
    } finally {
      setBusy(false);
    }
  };

  const canSave = Boolean(fresh && !conflict && diff && countChanges(diff) > 0 && !busy);
  // Once the check finds nobody else changed the group, Save takes the focus (once per opening):
  // from Ctrl/⌘+S, saving is one Enter; Tab still reaches everything else.
  const saveButton = useRef<HTMLButtonElement>(null);
  const focusedSave = useRef(false);
  useEffect(() => {
    if (!open) focusedSave.current = false;
    else if (canSave && !focusedSave.current) {
      focusedSave.current = true;
      saveButton.current?.focus();
    }
  }, [open, canSave]);

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      size="wide"
      title={`Review changes to ${group.name}`}
      description="Nothing is saved until you press Save. The API replaces the group's whole policy set with this request."
      onDismissAttempt={() => !busy}
      footer={
        conflict ? (
          <button type="button" className="btn" onClick={() => close(false)}>
            Back to editing
          </button>
        ) : (
          <>
            <button type="button" className="btn" onClick={() => close(false)} disabled={busy}>
              Back to editing
            </button>
            <button ref={saveButton} type="button" className="btn btn-primary" disabled={!canSave} aria-busy={busy} onClick={() => void onSave()}>
              {busy ? 'Saving…' : 'Save policies'}
            </button>
          </>
        )
      }
    >
      {check.isPending ? (
        <p role="status">Checking whether someone else changed this group…</p>
      ) : check.error ? (
        <ErrorBanner error={check.error} title="Could not read the group to check for other changes" onRetry={() => void check.refetch()} />
      ) : null}
      {saveError ? <ErrorBanner error={saveError} title="Not saved" /> : null}
      {notes.length ? (
        <div className="banner banner-info" role="status">
          <ul>
            {notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {fresh && theirs && conflict ? (
        <ConflictView
          base={base.policies}
          baseModifiedOn={base.modifiedOn}
          theirs={theirs}
          theirModifiedOn={fresh.modified_on}
          mine={policies}
          lookups={lookups}
          changedBy={lastChange ? describeAuthor(lastChange) : undefined}
          onMerge={() => {
            const { merged, conflicts } = mergePolicies(base.policies, theirs, policies);
            adopt(merged, [
              'Merged: their changes and yours are both in the draft now. Check the result below before saving.',
              ...conflicts.map((c) => c.message),
            ]);
          }}
          onOverwrite={() => adopt(rebaseOnto(theirs, policies), ['Overwriting: the changes below include undoing theirs.'])}
          onDiscardMine={() => {
            composer.discard();
            notify.info('Draft discarded', 'The editor shows the policies as they are saved now.');
            close(false);
          }}
        />
      ) : null}

      {fresh && diff && !conflict ? (
        <>
          {moved ? (
            <p className="banner banner-info">
              This group was changed {lastChange ? `by ${describeAuthor(lastChange)}` : 'by someone else'} since you opened it, but not its policies
              (its name or members). Saving keeps their change.
            </p>
          ) : null}
          {composer.draft?.membersOnSave?.length ? (
            <p className="banner banner-info">
              Saving also adds {pluralize(composer.draft.membersOnSave.length, 'member')} from the import:{' '}
              {composer.draft.membersOnSave.map((m) => m.email).join(', ')}.
            </p>
          ) : null}
          <section aria-labelledby="review-policies">
            <h3 id="review-policies">
              Policies{' '}
              <span className="muted">
                ({diff.added.length} added, {diff.removed.length} removed, {diff.changed.length} changed)
              </span>
            </h3>
            <PolicyDiffView diff={diff} after={prepared} lookups={lookups} emptyText="Your draft matches what is saved: nothing to send." />
          </section>
          <section aria-labelledby="review-access">
            <h3 id="review-access">What members gain or lose</h3>
            <AffectedMembers count={memberCount} failed={memberList.isError} groupName={group.name} changes={changes.length} />
            <AccessChangesTable changes={changes} names={names} />
          </section>
          <section aria-labelledby="review-request">
            <h3 id="review-request">The request</h3>
            <p className="mono">PUT /client/v4{path}</p>
            <pre className="code-block" tabIndex={0} aria-label="Request body">
              {JSON.stringify(body, null, 2)}
            </pre>
            <div className="button-row">
              <CopyButton value={JSON.stringify(body, null, 2)} label="Copy request body">Copy request body</CopyButton>
              <CopyButton value={curlCommand('PUT', path, body)} label="Copy as curl">Copy as curl</CopyButton>
              <span className="muted">curl uses $CLOUDFLARE_API_TOKEN from your shell; the console never includes a credential.</span>
            </div>
          </section>
        </>
      ) : null}
    </Dialog>
  );
}
