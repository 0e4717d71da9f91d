import { Dialog as RadixDialog } from 'radix-ui';
import type { ReactNode } from 'react';

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  /** Wider layout for previews and editors. */
  size?: 'normal' | 'wide';
  /** Called when the user tries to dismiss (Escape / outside click); return false to keep it open. */
  onDismissAttempt?: () => boolean;
}

/** The one modal dialog (Radix): focus trapped, Escape closes, labelled by its title. Loaded through ./dialog.tsx. */
export function ModalDialog({ open, onOpenChange, title, description, children, footer, size = 'normal', onDismissAttempt }: DialogProps) {
  const guard = (event: Event) => {
    if (onDismissAttempt && !onDismissAttempt()) event.preventDefault();
  };
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className={`dialog dialog-${size}`}
          onEscapeKeyDown={guard}
          onPointerDownOutside={guard}
        >
          <RadixDialog.Title className="dialog-title">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="dialog-description">{description}</RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="visually-hidden">{title}</RadixDialog.Description>
          )}
          <div className="dialog-body">{children}</div>
          {footer ? <div className="dialog-footer">{footer}</div> : null}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
