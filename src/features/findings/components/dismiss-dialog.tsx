import { useId, useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { notify } from '@/stores/toasts';
import { useDismissFinding, type FindingWithDismissal } from '../api';

/** Dismissing asks why: the reason is kept with the dismissal, for the next admin who wonders. */
export function DismissDialog({ accountId, finding, onClose }: { accountId: string; finding: FindingWithDismissal; onClose: () => void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const dismiss = useDismissFinding(accountId);
  const empty = reason.trim() === '';
  const submit = () => {
    setTouched(true);
    if (empty || dismiss.isPending) return;
    dismiss.mutate(
      { findingId: finding.id, reason: reason.trim() },
      {
        onSuccess: () => {
          notify.success('Finding dismissed');
          onClose();
        },
      },
    );
  };
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title="Dismiss this finding?"
      description={finding.title}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" onClick={submit} disabled={dismiss.isPending} aria-busy={dismiss.isPending}>
            {dismiss.isPending ? 'Dismissing…' : 'Dismiss'}
          </button>
        </>
      }
    >
      <div className={`field${touched && empty ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-reason`}>Reason</label>
        <textarea
          id={`${id}-reason`}
          className="input"
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={touched && empty}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className={touched && empty ? 'field-error' : 'field-hint'}>
          {touched && empty ? 'Say why this finding is dismissed.' : 'Kept with the dismissal for this account; anyone can restore it.'}
        </p>
      </div>
      {dismiss.error ? <ErrorBanner error={dismiss.error} title="The finding was not dismissed" /> : null}
    </Dialog>
  );
}
