import { useRef, useState } from 'react';
import { onDemand } from '../ui/on-demand';

const navSheet = onDemand(() => import('./nav-sheet'));

/**
 * On a narrow screen (≤ 768 px, see app.css) the sidebar gives way to this button: the same
 * navigation in a sheet from the left. The sheet (a Radix dialog) is not part of the first load;
 * it comes at first hover, focus or press, and the sheet opens as soon as it is there.
 */
export function NavMenu({ accountId }: { accountId: string }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // Only on demand: most screens never show the button, so idle time does not fetch the sheet.
  const loaded = navSheet.useLoaded(false);
  const preload = () => void navSheet.load();
  return (
    <>
      <button
        ref={button}
        type="button"
        className="btn nav-menu-button"
        aria-label="Open navigation menu"
        aria-haspopup="dialog"
        aria-expanded={open}
        data-state={open ? 'open' : 'closed'}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => {
          preload();
          setOpen(true);
        }}
      >
        <span aria-hidden="true">☰</span> Menu
      </button>
      {loaded ? <loaded.NavSheet accountId={accountId} open={open} onOpenChange={setOpen} trigger={button} /> : null}
    </>
  );
}
