import { Dialog as RadixDialog } from 'radix-ui';
import type { MouseEvent, RefObject } from 'react';
import { Nav } from './nav';

interface NavSheetProps {
  accountId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The Menu button, which gets focus back when the sheet closes. */
  trigger: RefObject<HTMLButtonElement | null>;
}

/** The navigation in a sheet from the left (narrow screens): focus kept inside, Escape or a chosen link closes it. */
export function NavSheet({ accountId, open, onOpenChange, trigger }: NavSheetProps) {
  const closeOnLink = (event: MouseEvent) => {
    if ((event.target as HTMLElement).closest('a')) onOpenChange(false);
  };
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className="nav-sheet"
          aria-describedby={undefined}
          onClick={closeOnLink}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            trigger.current?.focus();
          }}
        >
          <div className="nav-sheet-header">
            <RadixDialog.Title className="nav-sheet-title">IAM Console</RadixDialog.Title>
            <RadixDialog.Close className="btn btn-small" aria-label="Close navigation">
              Close
            </RadixDialog.Close>
          </div>
          <Nav accountId={accountId} />
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
