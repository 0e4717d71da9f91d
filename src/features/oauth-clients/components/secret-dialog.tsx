import { useBlocker } from '@tanstack/react-router';
import { useId, useImperativeHandle, useRef, useState, type ReactNode, type Ref } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { CopyButton } from '@/components/ui/copy-button';

export interface SecretDialogHandle {
  /** Opens the dialog with a secret the API has just returned. */
  reveal: (secret: string) => void;
}

interface SecretDialogProps {
  ref: Ref<SecretDialogHandle>;
  title: string;
  clientId: string;
  children?: ReactNode;
  /** After the dialog closed and forgot the secret; `stored` says whether the admin confirmed. */
  onClosed: (result: { stored: boolean }) => void;
}

/**
 * Shows a client secret exactly once. The secret lives only in this component's state: callers
 * hand it over through `reveal` and never keep it. Closing clears it (and unmounts the text);
 * closing or leaving the page before "I have stored it" asks first.
 */
export function SecretDialog({ ref, title, clientId, children, onClosed }: SecretDialogProps) {
  const [secret, setSecret] = useState<string | null>(null);
  const [stored, setStored] = useState(false);
  const [askingToClose, setAskingToClose] = useState(false);
  const checkboxId = useId();
  const open = secret !== null;
  // Kept in step by the handlers, not by rendering: a caller that navigates from onClosed must not
  // be blocked by the state of the render before the dialog closed.
  const unconfirmed = useRef(false);

  useImperativeHandle(ref, () => ({
    reveal: (next) => {
      unconfirmed.current = true;
      setSecret(next);
      setStored(false);
      setAskingToClose(false);
    },
  }), []);

  // Back button, a typed URL or closing the tab would drop the secret silently: ask, as Close does.
  const blocker = useBlocker({
    shouldBlockFn: () => unconfirmed.current,
    enableBeforeUnload: () => unconfirmed.current,
    withResolver: true,
  });

  const forget = () => {
    unconfirmed.current = false;
    setSecret(null);
    setStored(false);
    setAskingToClose(false);
  };
  const close = (wasStored: boolean) => {
    forget();
    onClosed({ stored: wasStored });
  };

  const warning = askingToClose || blocker.status === 'blocked';
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) close(stored);
      }}
      title={title}
      description="This is the only time the secret is shown. Copy it into your application’s secret store now."
      onDismissAttempt={() => {
        if (stored) return true;
        setAskingToClose(true);
        return false;
      }}
      footer={
        warning ? (
          <>
            <button
              type="button"
              className="btn"
              onClick={() => (blocker.status === 'blocked' ? blocker.reset() : setAskingToClose(false))}
            >
              Go back to the secret
            </button>
            <button
              type="button"
              className="btn btn-danger"
              onClick={() => {
                if (blocker.status === 'blocked') {
                  forget();
                  blocker.proceed();
                } else close(false);
              }}
            >
              {blocker.status === 'blocked' ? 'Leave without storing' : 'Close without storing'}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="btn" onClick={() => (stored ? close(true) : setAskingToClose(true))}>
              Close
            </button>
            <button type="button" className="btn btn-primary" disabled={!stored} onClick={() => close(true)}>
              Done
            </button>
          </>
        )
      }
    >
      {children}
      <dl className="details oc-secret-ids">
        <dt>Client ID</dt>
        <dd className="mono">{clientId}</dd>
      </dl>
      <div className="oc-secret-box">
        <label htmlFor={`${checkboxId}-secret`}>Client secret</label>
        <div className="oc-secret-row">
          <input
            id={`${checkboxId}-secret`}
            className="input mono oc-secret-value"
            readOnly
            value={secret ?? ''}
            autoComplete="off"
            spellCheck={false}
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton value={secret ?? ''} label="Copy client secret" />
        </div>
      </div>
      <label className="oc-checkbox-row" htmlFor={checkboxId}>
        <input
          id={checkboxId}
          type="checkbox"
          checked={stored}
          onChange={(e) => {
            unconfirmed.current = !e.target.checked;
            setStored(e.target.checked);
          }}
        />
        I have stored the secret somewhere safe
      </label>
      {warning ? (
        <div className="banner banner-warning" role="alert">
          <strong>The secret has not been confirmed as stored.</strong> Once this dialog closes it cannot be shown again; you
          would have to rotate to get a new one.
        </div>
      ) : null}
    </Dialog>
  );
}
