import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Dialog } from './dialog';

interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  /** When set, the admin must type this exactly before confirming (e.g. the group's name). */
  typeToConfirm?: string;
  pending?: boolean;
  /** Not ready to confirm yet (e.g. still checking what the action affects), without "Working…". */
  disabled?: boolean;
  onConfirm: () => void;
}

/** A yes/no question before something consequential; dangerous ones ask to type the name. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  children,
  confirmLabel,
  tone = 'danger',
  typeToConfirm,
  pending = false,
  disabled = false,
  onConfirm,
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const matches = (typeToConfirm === undefined || typed === typeToConfirm) && !disabled;
  // `pending` arrives with the next render; a double click lands before it. This lock is set at
  // the first click and released once the action has been pending and settled (or on reopen).
  const confirmed = useRef(false);
  useEffect(() => {
    if (!pending) confirmed.current = false;
  }, [pending, open]);
  const confirm = () => {
    if (confirmed.current || pending || !matches) return;
    confirmed.current = true;
    onConfirm();
  };
  const close = (next: boolean) => {
    if (!next) setTyped('');
    onOpenChange(next);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={title}
      footer={
        <>
          <button type="button" className="btn" onClick={() => close(false)}>
            Cancel
          </button>
          <button
            type="button"
            className={`btn btn-${tone}`}
            disabled={!matches || pending}
            aria-busy={pending}
            onClick={confirm}
          >
            {pending ? 'Working…' : confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {typeToConfirm !== undefined ? (
        <div className="field">
          <label htmlFor={inputId}>
            Type <strong className="mono">{typeToConfirm}</strong> to confirm
          </label>
          <input
            id={inputId}
            className="input"
            value={typed}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') confirm();
            }}
          />
        </div>
      ) : null}
    </Dialog>
  );
}
