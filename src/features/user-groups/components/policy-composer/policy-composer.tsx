import { lockedProps, useGroupManaged } from '@/features/user-groups/scim-managed';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatDateTime, pluralize } from '@/lib/format';
import { countChanges, diffPolicies } from '@/lib/policy-diff';
import { draftProblems, duplicatePolicy, emptyPolicy, type DraftPolicy } from '@/lib/policy-draft';
import type { PlacedErrors } from '@/lib/policy-errors';
import type { KnownIds } from '@/lib/policy-lint';
import { onSaveRequest, useKeyboard } from '@/stores/keyboard';
import { DraftLeaveGuard } from '@/components/ui/draft-leave-guard';
import { TabPanel, Tabs } from '@/components/ui/tabs';
import { ComposerMenu } from './composer-menu';
import { JsonView } from './json-view';
import { describeAuthor, useLastGroupChange } from './last-change';
import { PolicyCard } from './policy-card';
import { useComposer } from './use-composer';

// Loaded when the admin first reviews: keeps the composer's route chunk within its budget.
const ReviewDialog = lazy(() => import('./review-dialog').then((m) => ({ default: m.ReviewDialog })));

const VIEW_TABS = [
  { value: 'cards', label: 'Cards' },
  { value: 'json', label: 'JSON' },
] as const;

/**
 * The policy composer: a group's policies as cards (or as the exact JSON body), edited as a draft
 * that survives reloads, reviewed as a diff, and saved with a check for concurrent changes.
 */
export function PolicyComposer({ groupId }: { groupId: string }) {
  const composer = useComposer(groupId);
  const managed = useGroupManaged(composer.accountId, groupId);
  const { group, policies, saved, draft, dirty, stale, lookups, catalogue, resourceGroups, edit, discard } = composer;
  // Back to JSON typed that did not parse (after a reload, say): open where it is.
  const [view, setView] = useState<'cards' | 'json'>(() => (draft?.jsonText !== undefined ? 'json' : 'cards'));
  const unparsedJson = draft?.jsonText;
  const [reviewing, setReviewing] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [refused, setRefused] = useState<PlacedErrors | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const errorBanner = useRef<HTMLDivElement>(null);
  const lastChange = useLastGroupChange(composer.accountId, groupId, stale && dirty);

  const diff = useMemo(() => diffPolicies(composer.base.policies, policies), [composer.base.policies, policies]);
  const changedKeys = new Set(diff.changed.map((c) => c.after.key));
  const addedKeys = new Set(diff.added.map((p) => p.key));
  const known = useMemo((): KnownIds => {
    const embedded = (group.policies ?? []).flatMap((p) => p.permission_groups ?? []);
    return {
      permissionGroups: new Map([...embedded, ...catalogue].map((pg) => [pg.id, pg.name ?? pg.id])),
      resourceGroups: new Map(
        [...(group.policies ?? []).flatMap((p) => p.resource_groups ?? []), ...resourceGroups].map((rg) => [rg.id, lookups.resource({ id: rg.id }).label]),
      ),
      policies: new Map((group.policies ?? []).flatMap((p, i) => (p.id ? [[p.id, `Policy ${i + 1} (saved)`] as const] : []))),
      permissionGroupMeta: new Map([...embedded, ...catalogue].map((pg) => [pg.id, pg.meta as unknown])),
      resourceGroupScopes: new Map(
        [...(group.policies ?? []).flatMap((p) => p.resource_groups ?? []), ...resourceGroups].map((rg) => [rg.id, lookups.resource({ id: rg.id }).scope ?? []]),
      ),
      keyNames: lookups.names,
    };
  }, [group.policies, catalogue, resourceGroups, lookups]);
  const problems = draftProblems(policies, new Set(known.permissionGroups.keys()));
  const problemCount = Object.keys(problems).length;

  useEffect(() => {
    if (refused) errorBanner.current?.focus();
  }, [refused]);

  const replaceAt = (i: number, next: DraftPolicy) => edit((list) => list.map((p, j) => (j === i ? next : p)));

  const startReview = () => {
    // The last JSON typed does not parse: saving the cards' version would drop it unsaid.
    if (unparsedJson !== undefined) {
      setView('json');
      return;
    }
    if (problemCount) {
      setShowProblems(true);
      return;
    }
    setRefused(null);
    setReviewing(true);
  };

  // Ctrl/⌘+S opens the review, as the Review button does.
  const startReviewRef = useRef(startReview);
  useEffect(() => {
    startReviewRef.current = startReview;
  });
  useEffect(() => onSaveRequest(() => startReviewRef.current()), []);

  // "Add a policy to …" from the palette: a new allow policy, its permission-group picker focused.
  const addPolicyTo = useKeyboard((s) => s.addPolicyTo);
  const cardsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (addPolicyTo !== group.id) return;
    useKeyboard.getState().requestAddPolicy(null);
    edit((list) => [...list, emptyPolicy('allow')]);
    requestAnimationFrame(() => {
      const triggers = cardsRef.current?.querySelectorAll<HTMLButtonElement>('button[aria-label^="Choose permission groups"]');
      triggers?.[triggers.length - 1]?.focus();
    });
  }, [addPolicyTo, group.id, edit]);

  const requestLine = `PUT /client/v4/accounts/${composer.accountId}/iam/user_groups/${group.id}`;
  const refusedCount = refused ? Object.keys(refused.byPolicy).length : 0;

  return (
    <section className="composer" aria-labelledby="composer-heading">
      <div className="composer-header">
        <h2 id="composer-heading">Policies</h2>
        {dirty ? (
          <Badge tone="warning">
            Draft — {unparsedJson !== undefined && !countChanges(diff) ? 'JSON that does not parse yet' : pluralize(countChanges(diff), 'unsaved change')}
          </Badge>
        ) : (
          <Badge tone="success">Saved</Badge>
        )}
        {dirty && draft?.updatedAt ? <span className="muted composer-saved-at">Kept on this device {formatDateTime(draft.updatedAt)}</span> : null}
        <ComposerMenu composer={composer} />
      </div>
      <p className="muted composer-intro">
        Members get what the Allow policies grant, minus anything a Deny policy takes back: a deny always wins. Saving replaces the group’s whole
        policy set.
      </p>

      {stale && dirty ? (
        <div className="banner banner-warning" role="status">
          This group was saved by {lastChange ? describeAuthor(lastChange) : `someone else (${formatDateTime(group.modified_on)})`} after you started
          this draft. When you review, you can merge their change with yours.
        </div>
      ) : null}

      {draft?.revertOf && dirty ? (
        <div className="banner banner-info" role="status">
          This draft reverts the change made by {draft.revertOf.actor} at {formatDateTime(draft.revertOf.at)}. Review it like any edit; saving records the
          revert in History.
        </div>
      ) : null}

      {refused ? (
        <div className="banner banner-error" role="alert" tabIndex={-1} ref={errorBanner}>
          <strong>Not saved: the API refused the request.</strong>{' '}
          {refusedCount ? `The problems are marked on ${pluralize(refusedCount, 'policy', 'policies')} below; ` : ''}
          everything you entered is kept.
          {refused.unplaced.length ? (
            <ul>
              {refused.unplaced.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {showProblems && problemCount ? (
        <div className="banner banner-error" role="alert">
          {pluralize(problemCount, 'policy needs', 'policies need')} fixing before saving:
          <ul>
            {policies.map((p, i) =>
              problems[p.key] ? (
                <li key={p.key}>
                  Policy {i + 1}: {[problems[p.key]!.permissionGroups, problems[p.key]!.resourceGroups].filter(Boolean).join('; ')}
                </li>
              ) : null,
            )}
          </ul>
        </div>
      ) : null}

      <Tabs
        value={view}
        onValueChange={setView}
        label="Edit policies as"
        tabs={VIEW_TABS}
        listClassName="view-switch"
        tabClassName="view-switch-item"
      >
        <TabPanel value="cards" className="composer-cards" ref={cardsRef}>
          {unparsedJson !== undefined ? (
            <div className="banner banner-warning" role="status">
              <strong>The JSON you typed does not parse yet; it is kept in the JSON view, as you typed it.</strong> The cards show the last
              version that parsed; editing them replaces that text.{' '}
              <button type="button" className="btn btn-small" onClick={() => setView('json')}>
                Back to the JSON
              </button>
            </div>
          ) : null}
          {policies.length === 0 ? (
            <div className="empty-state">
              <h3>No policies</h3>
              <p>Members of this group get no access until a policy allows something.</p>
            </div>
          ) : null}
          {policies.map((p, i) => (
            <PolicyCard
              key={p.key}
              index={i}
              policy={p}
              status={addedKeys.has(p.key) ? 'new' : changedKeys.has(p.key) ? 'changed' : 'saved'}
              catalogue={catalogue}
              resourceGroups={resourceGroups}
              lookups={lookups}
              errors={refused?.byPolicy[p.key]}
              problems={showProblems ? problems[p.key] : undefined}
              onChange={(next) => replaceAt(i, next)}
              onDuplicate={() => edit((list) => [...list.slice(0, i + 1), duplicatePolicy(p), ...list.slice(i + 1)])}
              onRemove={() => edit((list) => list.filter((_, j) => j !== i))}
              onCreatedResourceGroup={composer.trackCreated}
            />
          ))}
          <div className="button-row">
            <button type="button" className="btn" onClick={() => edit((list) => [...list, emptyPolicy('allow')])}>
              Add allow policy
            </button>
            <button type="button" className="btn" onClick={() => edit((list) => [...list, emptyPolicy('deny')])}>
              Add deny policy
            </button>
          </div>
        </TabPanel>
        <TabPanel value="json">
          <JsonView
            policies={policies}
            requestLine={requestLine}
            known={known}
            onApply={(next) => edit(() => next)}
            unparsed={unparsedJson}
            onUnparsed={composer.keepJsonText}
          />
        </TabPanel>
      </Tabs>

      <div className="composer-footer">
        <span className="muted">
          {pluralize(policies.length, 'policy', 'policies')}
          {dirty ? ` · ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed` : ` · saved ${formatDateTime(group.modified_on)}`}
        </span>
        <button type="button" className="btn" disabled={!draft} onClick={() => setConfirmDiscard(true)}>
          Discard draft
        </button>
        {managed ? (
          <button type="button" className="btn btn-primary" {...lockedProps(groupId)}>
            Review and save…
          </button>
        ) : (
          <button type="button" className="btn btn-primary" disabled={!dirty} onClick={startReview}>
            Review and save…
          </button>
        )}
      </div>

      {reviewing ? (
        <Suspense fallback={null}>
        <ReviewDialog
          open
          onOpenChange={setReviewing}
          composer={composer}
          onRefused={(placed) => {
            setRefused(placed);
            setView('cards');
          }}
        />
        </Suspense>
      ) : null}
      <ConfirmDialog
        open={confirmDiscard}
        onOpenChange={setConfirmDiscard}
        title="Discard your draft?"
        confirmLabel="Discard draft"
        onConfirm={() => {
          discard();
          setRefused(null);
          setShowProblems(false);
          setConfirmDiscard(false);
        }}
      >
        <p>
          The editor goes back to the {pluralize(saved.length, 'policy', 'policies')} saved in the group. Your {pluralize(countChanges(diff), 'change')}{' '}
          cannot be recovered.
        </p>
        {draft?.createdResourceGroups?.length ? (
          <p>
            The {pluralize(draft.createdResourceGroups.length, 'resource group')} created for this draft (
            {draft.createdResourceGroups.map((g) => g.name).join(', ')}) will be deleted too.
          </p>
        ) : null}
      </ConfirmDialog>
      <DraftLeaveGuard
        when={() => dirty}
        onDiscard={discard}
        title="Leave with unsaved policy changes?"
        description="Your changes are not saved to the group yet. They stay here as a draft, so you can come back and finish them."
        discardLabel="Discard draft and leave"
      />
    </section>
  );
}
