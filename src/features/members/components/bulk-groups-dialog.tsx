import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { indexedGroupsQuery, memberCountsQuery, type MemberRow } from '@/api/membership-index';
import { PendingInviteesWarning } from '@/components/members/pending-invitees-warning';
import { AccessEndControls } from '@/components/access-end/access-end-controls';
import { useAccessEnd } from '@/components/access-end/use-access-end';
import { Dialog } from '@/components/ui/dialog';
import { DebouncedInput } from '@/components/ui/debounced-input';
import { ErrorBanner } from '@/components/ui/error-banner';
import { pluralize } from '@/lib/format';
import { planBulk, type PlanGroup } from '../lib/bulk-plan';
import { useBulkMembership } from '../use-bulk-membership';

/**
 * "Add to groups" / "Remove from groups" for the selected people: pick groups (searched in the
 * index, no API request), see per group who changes and who is already as asked and how many
 * requests it takes, then send. A failure (a 429 included) stops the run and keeps the choice.
 */
/** Who an add would put in a group while their invitation is still pending, each once. */
function pendingAdded(steps: ReadonlyArray<{ change: ReadonlyArray<{ id: string; email: string }> }>, members: MemberRow[]): string[] {
  const pending = new Set(members.filter((m) => m.status === 'pending').map((m) => m.id));
  return [...new Set(steps.flatMap((s) => s.change.filter((m) => pending.has(m.id)).map((m) => m.email)))];
}

export function BulkGroupsDialog({
  accountId,
  action,
  members,
  onClose,
}: {
  accountId: string;
  action: 'add' | 'remove';
  members: MemberRow[];
  onClose: () => void;
}) {
  const id = useId();
  const [term, setTerm] = useState('');
  const [chosen, setChosen] = useState<PlanGroup[]>([]);
  // Admin-granting groups among the chosen: an end for them needs a reason.
  const [adminGroups, setAdminGroups] = useState<Set<string>>(new Set());
  const end = useAccessEnd(accountId, action === 'add', chosen.some((g) => adminGroups.has(g.id)));
  const { run, execute } = useBulkMembership(accountId);
  const found = useQuery(indexedGroupsQuery(accountId, term));
  // Removing offers the groups the selected people are in; adding searches every group.
  const removable = useMemo(() => {
    const byId = new Map<string, PlanGroup>();
    for (const m of members) for (const g of m.groups) byId.set(g.id, g);
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [members]);
  const offered = action === 'remove' ? removable.filter((g) => g.name.toLowerCase().includes(term.toLowerCase())) : (found.data?.groups ?? []);
  // How big each chosen group is (one /console-api call, no Cloudflare request): it decides
  // whether removing goes as a DELETE per person or one fresh read and a PUT of the list.
  const counts = useQuery({ ...memberCountsQuery(accountId, chosen.map((g) => g.id)), enabled: action === 'remove' && chosen.length > 0 });
  const memberCounts = counts.data?.counts;
  const plan = useMemo(
    () => planBulk(action, members.map((m) => ({ id: m.id, email: m.email, groupIds: new Set(m.groups.map((g) => g.id)) })), chosen, memberCounts),
    [action, members, chosen, memberCounts],
  );
  const toggle = (group: PlanGroup & { grants_admin?: boolean }, on: boolean) => {
    if (group.grants_admin) setAdminGroups((known) => new Set(known).add(group.id));
    setChosen((list) => (on ? [...list, { id: group.id, name: group.name }] : list.filter((g) => g.id !== group.id)));
  };
  /** Adds (or removes), then registers the end of what was added: nothing is sent when the end would be refused. */
  const send = async () => {
    if (action === 'add' && end.notSaved) return void end.save(end.notSaved.grants);
    if (action === 'add' && !end.check()) return;
    const { completed } = await execute(plan);
    if (action !== 'add') return;
    // The groups that went through get their end even when a later one failed: nobody added here
    // keeps access for good because another group refused (the retry adds the rest, with the end).
    await end.save(completed.map((s) => ({ groupId: s.group.id, people: s.change.map((m) => ({ id: m.id, email: m.email })) })));
  };
  const sending = run !== null && !run.finished;
  const verb = action === 'add' ? 'Add' : 'Remove';
  const title = `${verb} ${pluralize(members.length, 'person', 'people')} ${action === 'add' ? 'to' : 'from'} groups`;

  return (
    <Dialog
      open
      onOpenChange={(open) => (!open && !sending ? onClose() : undefined)}
      title={title}
      size="wide"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={sending}>
            {run?.finished && !run.error ? 'Close' : 'Cancel'}
          </button>
          <button
            type="button"
            className={action === 'add' ? 'btn btn-primary' : 'btn btn-danger'}
            disabled={!end.notSaved && (sending || plan.changes === 0 || (run?.finished === true && !run.error))}
            onClick={() => void send()}
          >
            {end.notSaved ? 'Save the end again' : run?.error ? 'Try again' : `${verb} (${pluralize(plan.requests, 'request')})`}
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor={`${id}-q`}>{action === 'add' ? 'Find groups' : 'Filter their groups'}</label>
        <DebouncedInput id={`${id}-q`} className="input" type="search" value={term} onCommit={(v) => setTerm(v.trim())} placeholder="Group name" />
      </div>
      <fieldset className="bulk-group-options">
        <legend>Groups</legend>
        {offered.slice(0, 50).map((g) => (
          <label key={g.id} className="checkbox-row">
            <input type="checkbox" checked={chosen.some((c) => c.id === g.id)} onChange={(e) => toggle(g, e.target.checked)} disabled={sending} />
            {g.name}
          </label>
        ))}
        {offered.length === 0 ? <p className="muted">No group matches.</p> : null}
      </fieldset>

      {chosen.length ? (
        <section aria-labelledby={`${id}-preview`}>
          <h3 id={`${id}-preview`}>Preview</h3>
          <ul className="bulk-preview">
            {plan.steps.map((step) => (
              <li key={step.group.id}>
                <strong>{step.group.name}</strong>: {action === 'add' ? 'adds' : 'removes'} {step.change.map((m) => m.email).join(', ') || 'nobody'}
                {step.method === 'read-and-replace' ? (
                  <span className="muted"> (reads the group’s current list and puts it back without them: {pluralize(step.requests, 'request')})</span>
                ) : null}
                {step.unchanged.length ? (
                  <span className="muted">
                    {' '}
                    ({step.unchanged.map((m) => m.email).join(', ')} {action === 'add' ? 'already in' : 'not in it'})
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          <p className="muted">
            {pluralize(plan.changes, 'change')} in {pluralize(plan.requests, 'API request')}.
          </p>
          {action === 'add' ? <PendingInviteesWarning emails={pendingAdded(plan.steps, members)} /> : null}
        </section>
      ) : null}
      {action === 'add' ? <AccessEndControls state={end} /> : null}

      {run ? (
        <p role="status">
          {run.finished && !run.error ? 'Done: ' : 'Sent '}
          {run.done} of {pluralize(run.total, 'request')}.
        </p>
      ) : null}
      {run?.error ? <ErrorBanner error={run.error} title={`Stopped after ${run.done} of ${run.total} requests`} /> : null}
    </Dialog>
  );
}
