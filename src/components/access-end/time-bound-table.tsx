import './access-end.css';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { endNow, invalidateMembershipEnds, makePermanent, moveEnd, type MembershipEnd } from '@/api/membership-ends';
import { formatDateTime } from '@/lib/format';
import { useGuardedMutation } from '@/api/use-guarded-mutation';
import { Badge } from '../ui/badge';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { ErrorBanner } from '../ui/error-banner';
import { AccessEndField, endChoiceProblem, endOf, type AccessEndValue } from './access-end-field';
import { EndsIn } from './ends-in';

type Change = { kind: 'move' | 'end-now' | 'permanent'; end: MembershipEnd } | null;

const who = (e: MembershipEnd) => e.member_email ?? e.member_id;
const groupOf = (e: MembershipEnd) => e.group_name ?? e.group_id;

const CLOSED_LABEL: Record<Exclude<MembershipEnd['state'], 'scheduled'>, { tone: 'success' | 'neutral' | 'warning'; text: string }> = {
  removed: { tone: 'success', text: 'Removed on time' },
  left: { tone: 'warning', text: 'Not removed' },
  cancelled: { tone: 'neutral', text: 'Made permanent' },
};

/** Open ends with their countdown and the reviewed changes (move the end, end now, make permanent); closed ones with what happened. */
export function TimeBoundTable({ accountId, ends, caption, showGroup }: { accountId: string; ends: MembershipEnd[]; caption: string; showGroup: boolean }) {
  const qc = useQueryClient();
  const [change, setChange] = useState<Change>(null);
  const [moveTo, setMoveTo] = useState<AccessEndValue>({ choice: { kind: 'duration', hours: 24 }, reason: '' });
  const [moveError, setMoveError] = useState<string | undefined>();
  const apply = useGuardedMutation({
    mutationFn: async (c: NonNullable<Change>) => {
      if (c.kind === 'end-now') return endNow(accountId, c.end.id);
      if (c.kind === 'permanent') return makePermanent(accountId, c.end.id);
      return moveEnd(accountId, c.end.id, endOf(moveTo.choice)!);
    },
    onSuccess: () => setChange(null),
    onSettled: () => invalidateMembershipEnds(qc, accountId),
  });
  const open = (next: Change) => {
    apply.reset();
    setMoveError(undefined);
    setMoveTo({ choice: { kind: 'duration', hours: 24 }, reason: '' });
    setChange(next);
  };
  const confirm = () => {
    if (!change) return;
    if (change.kind === 'move') {
      const problem = moveTo.choice.kind === 'none' ? { ends: 'Choose a new end, or use “Make permanent”' } : endChoiceProblem(moveTo, false);
      setMoveError(problem?.ends);
      if (problem) return;
    }
    apply.mutate(change);
  };

  return (
    <>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            {showGroup ? <th scope="col">Group</th> : null}
            <th scope="col">Ends</th>
            <th scope="col">Granted by</th>
            <th scope="col">Reason</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {ends.map((e) => (
            <tr key={e.id}>
              <td className="mono">{who(e)}</td>
              {showGroup ? (
                <td>
                  <Link to="/accounts/$accountId/groups/$groupId/members" params={{ accountId, groupId: e.group_id }} search={{}}>
                    {groupOf(e)}
                  </Link>
                </td>
              ) : null}
              <td>
                {e.state === 'scheduled' ? (
                  <>
                    <EndsIn endsAt={e.ends_at} /> <span className="muted">{formatDateTime(e.ends_at)}</span>
                    {e.attempts > 0 ? (
                      <p className="field-error">
                        Removal failed {e.attempts} {e.attempts === 1 ? 'time' : 'times'}: {e.last_error}. Trying again {formatDateTime(e.next_attempt_at)}.
                      </p>
                    ) : null}
                  </>
                ) : (
                  <>
                    <Badge tone={CLOSED_LABEL[e.state].tone}>{CLOSED_LABEL[e.state].text}</Badge> <span className="muted">{formatDateTime(e.finished_at)}</span>
                    {e.outcome ? <p className="muted">{e.outcome}</p> : null}
                  </>
                )}
              </td>
              <td>
                {e.granted_by} <span className="muted">{formatDateTime(e.granted_at)}</span>
              </td>
              <td>{e.reason ?? <span className="muted">—</span>}</td>
              <td>
                {e.state === 'scheduled' ? (
                  <div className="row-actions" role="group" aria-label={`Time-bound access of ${who(e)} to ${groupOf(e)}`}>
                    <button type="button" className="btn btn-small" onClick={() => open({ kind: 'move', end: e })}>
                      Change end…
                    </button>
                    <button type="button" className="btn btn-small" onClick={() => open({ kind: 'permanent', end: e })}>
                      Make permanent…
                    </button>
                    <button type="button" className="btn btn-small btn-danger" onClick={() => open({ kind: 'end-now', end: e })}>
                      End now…
                    </button>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={change !== null}
        onOpenChange={(next) => (next ? undefined : setChange(null))}
        title={
          change?.kind === 'end-now'
            ? `End ${who(change.end)}’s access to ${groupOf(change.end)} now?`
            : change?.kind === 'permanent'
              ? `Keep ${change ? who(change.end) : ''} in ${change ? groupOf(change.end) : ''} with no end?`
              : `Change when ${change ? who(change.end) : ''}’s access to ${change ? groupOf(change.end) : ''} ends`
        }
        confirmLabel={change?.kind === 'end-now' ? 'Remove now' : change?.kind === 'permanent' ? 'Make permanent' : 'Save the new end'}
        tone={change?.kind === 'end-now' ? 'danger' : 'primary'}
        pending={apply.isPending}
        onConfirm={confirm}
      >
        {change ? (
          <>
            <p>
              Now: ends {formatDateTime(change.end.ends_at)}, granted by {change.end.granted_by}
              {change.end.reason ? ` (“${change.end.reason}”)` : ''}.
            </p>
            {change.kind === 'end-now' ? <p>The console removes {who(change.end)} from {groupOf(change.end)} through the API now; History records it.</p> : null}
            {change.kind === 'permanent' ? <p>{who(change.end)} stays in the group until someone removes them.</p> : null}
            {change.kind === 'move' ? <AccessEndField value={moveTo} onChange={setMoveTo} reasonRequired={false} endsError={moveError} askReason={false} /> : null}
            {apply.isError ? <ErrorBanner error={apply.error} title="Nothing was changed" /> : null}
          </>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

