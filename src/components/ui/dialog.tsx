import { useEffect } from 'react';
import type { DialogProps } from './modal-dialog';
import { onDemand } from './on-demand';

const modalDialog = onDemand(() => import('./modal-dialog'));

/**
 * The one modal dialog: focus trapped, Escape closes, labelled by its title (./modal-dialog.tsx).
 * Radix Dialog is in neither the first load nor a page's chunk: it comes when the browser is idle,
 * or when a dialog first opens, and the dialog shows as soon as it is there. A closed dialog
 * renders nothing either way.
 */
export function Dialog(props: DialogProps) {
  const loaded = modalDialog.useLoaded();
  useEffect(() => {
    if (props.open) void modalDialog.load();
  }, [props.open]);
  return loaded ? <loaded.ModalDialog {...props} /> : null;
}
