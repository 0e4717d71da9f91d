import { useNavigate } from '@tanstack/react-router';
import type { HistoryEntry } from '@/api/history/schema';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { formatDateTime } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';
import { notify } from '@/stores/toasts';
import type { RevertPlan } from '../lib/revert-plan';
import { useApplyRevert } from '../use-apply-revert';
import { useRevertPreview } from '../use-revert-preview';

interface RevertDialogProps {
  entry: HistoryEntry;
  plan: Exclude<RevertPlan, { kind: 'none' } | { kind: 'policies' }>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** The review of a revert: what it will do, who gains or loses, what has changed since; then one press to send. */
export function RevertDialog({ entry, plan, open, onOpenChange }: RevertDialogProps) {
  const preview = useRevertPreview(plan, entry.after);
  const apply = useApplyRevert(entry);
  const navigate = useNavigate();
  const accountId = useAccountId();

  const onRevert = async () => {
    if (!preview.write) return;
    try {
      const { groupId } = await apply.mutateAsync(preview.write);
      notify.success('Change reverted', 'The revert is recorded in History.');
      onOpenChange(false);
      if (groupId && plan.kind === 'recreate-group') await navigate({ to: '/accounts/$accountId/groups/$groupId', params: { accountId, groupId } });
    } catch {
      // Shown in the dialog from apply.error; nothing typed to lose.
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      size="wide"
      title={`Revert: ${entry.resource.name ?? 'this change'}`}
      description={`Undoes the change made by ${entry.actor.label} at ${formatDateTime(entry.at)}. Nothing is sent until you press Revert.`}
      onDismissAttempt={() => !apply.isPending}
      footer={
        <>
          <button type="button" className="btn" onClick={() => onOpenChange(false)} disabled={apply.isPending}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={!preview.write || apply.isPending} aria-busy={apply.isPending} onClick={() => void onRevert()}>
            {apply.isPending ? 'Reverting…' : 'Revert'}
          </button>
        </>
      }
    >
      {preview.pending ? <p role="status">Reading the current state to check for later changes…</p> : null}
      <ErrorBanner error={preview.error} title="Could not read the current state" />
      <ErrorBanner error={apply.error} title="Not reverted" />
      {preview.warnings.length ? (
        <div className="banner banner-warning" role="status">
          <ul>
            {preview.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.sections.map((section) => (
        <section key={section.title} aria-label={section.title}>
          <h3>{section.title}</h3>
          {section.items.length ? (
            <ul className="policy-list">
              {section.items.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">None.</p>
          )}
        </section>
      ))}
      {!preview.pending && !preview.error && !preview.write ? <p className="muted">The resource already looks as it did before this change: nothing to send.</p> : null}
    </Dialog>
  );
}
