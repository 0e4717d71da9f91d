import { Dialog as RadixDialog } from 'radix-ui';
import { useState, type MouseEvent } from 'react';
import { Nav } from './nav';

/**
 * On a narrow screen (≤ 768 px, see app.css) the sidebar gives way to this button: the same
 * navigation in a sheet from the left, focus kept inside, Escape or a chosen link closes it.
 */
export function NavMenu({ accountId }: { accountId: string }) {
  const [open, setOpen] = useState(false);
  const closeOnLink = (event: MouseEvent) => {
    if ((event.target as HTMLElement).closest('a')) setOpen(false);
  };
  return (
    <RadixDialog.Root open={open} onOpenChange={setOpen}>
      <RadixDialog.Trigger className="btn nav-menu-button" aria-label="Open navigation menu">
        <span aria-hidden="true">☰</span> Menu
      </RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content className="nav-sheet" aria-describedby={undefined} onClick={closeOnLink}>
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
