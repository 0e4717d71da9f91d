import { useState } from 'react';
import type { HistoryEntry } from '@/api/history/schema';
import { ErrorBanner } from '@/components/ui/error-banner';
import { planRevert } from '../lib/revert-plan';
import { useStartPolicyRevert } from '../use-start-policy-revert';
import { RevertDialog } from './revert-dialog';

/** "Revert this change", or plainly why it cannot be. Never a blind write: every path ends in a review. */
export function RevertControl({ entry }: { entry: HistoryEntry }) {
  const plan = planRevert(entry);
  const [open, setOpen] = useState(false);
  const policyRevert = useStartPolicyRevert();
  if (plan.kind === 'none') return <p className="muted history-no-revert">Cannot be reverted: {plan.reason}</p>;
  const label = `Revert this change`;
  const onClick = () => (plan.kind === 'policies' ? void policyRevert.start(entry, plan.groupId, plan.policies) : setOpen(true));
  return (
    <div className="history-revert">
      <button type="button" className="btn btn-small" onClick={onClick} disabled={policyRevert.busy} aria-describedby={`history-${entry.id}`}>
        {policyRevert.busy ? 'Preparing the revert…' : label}
      </button>
      {plan.kind === 'policies' ? (
        <span className="muted">
          {' '}
          Opens the policies as they were in the composer, to review and save.
          {plan.rename ? ` The rename is not part of it: rename the group back to “${plan.rename}” on its Overview tab.` : ''}
        </span>
      ) : null}
      <ErrorBanner error={policyRevert.error} title="Could not prepare the revert" />
      {open && plan.kind !== 'policies' ? <RevertDialog entry={entry} plan={plan} open onOpenChange={setOpen} /> : null}
    </div>
  );
}
