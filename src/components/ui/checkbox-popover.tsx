import { useLayoutEffect, useRef, useState } from 'react';
import { onDemand } from './on-demand';
import type { CheckboxPopoverProps } from './radix-checkbox-popover';

const radixPopover = onDemand(() => import('./radix-checkbox-popover'));
/** The wrapper draws no box: the trigger lays out as the parent's own child. */
const SLOT_STYLE = { display: 'contents' } as const;

/**
 * A searchable checkbox list in a popover (the composer's pickers, the zone picker;
 * ./radix-checkbox-popover.tsx) whose code — Radix Popover and its positioning, ~25 KB gzip — is
 * not part of a page's chunk: it is asked for as the picker mounts. Until it arrives the trigger
 * is drawn as the same button Radix draws, with the same name; pressing it opens the real popover
 * as soon as it is there, and a focused stand-in hands its focus to the real trigger.
 *
 * Both are drawn inside one wrapper that stays put across the swap (`display: contents`), as
 * ./select.tsx does, so a modal opened meanwhile still hides the trigger from assistive technology.
 */
export function CheckboxPopover(props: CheckboxPopoverProps) {
  const loaded = radixPopover.useLoaded('mount');
  const [openOnArrival, setOpenOnArrival] = useState(false);
  const hadFocus = useRef(false);
  const slot = useRef<HTMLSpanElement>(null);

  useLayoutEffect(() => {
    if (loaded && hadFocus.current && !openOnArrival) slot.current?.querySelector('button')?.focus();
  }, [loaded, openOnArrival]);

  if (loaded) {
    return (
      <span ref={slot} className="picker-slot" style={SLOT_STYLE}>
        <loaded.RadixCheckboxPopover {...props} defaultOpen={openOnArrival} />
      </span>
    );
  }

  const open = () => {
    setOpenOnArrival(true);
    void radixPopover.load();
  };
  return (
    <span ref={slot} className="picker-slot" style={SLOT_STYLE}>
      <button
        type="button"
        className="btn btn-small picker-trigger"
        aria-label={props.triggerLabel}
        aria-haspopup="dialog"
        aria-expanded={false}
        data-state="closed"
        disabled={props.disabled}
        onFocus={() => {
          hadFocus.current = true;
        }}
        onBlur={() => {
          hadFocus.current = false;
        }}
        onClick={open}
      >
        {props.triggerText}
      </button>
    </span>
  );
}
