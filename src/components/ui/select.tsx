import { useLayoutEffect, useRef, useState, type ComponentProps, type KeyboardEvent, type PointerEvent } from 'react';
import { onDemand } from './on-demand';
import type { RadixSelect } from './radix-select';

export type { SelectOption } from './radix-select';

const radixSelect = onDemand(() => import('./radix-select'));
/** The wrapper draws no box: the trigger lays out as the parent's own child. */
const SLOT_STYLE = { display: 'contents' } as const;

type SelectProps = Omit<ComponentProps<typeof RadixSelect>, 'defaultOpen'>;

/**
 * A styled single choice (Radix Select, ./radix-select.tsx) whose code is not part of the first
 * load nor of a page's chunk: it is asked for as the select mounts; until it arrives (or at first focus,
 * hover or press) the trigger is drawn as the same button Radix draws, named by the same
 * <label>; pressing it, or Enter, Space or an arrow key on it, opens the real select as soon as
 * it is there.
 *
 * Both are drawn inside one wrapper that stays put across the swap (`display: contents`: it draws
 * nothing). A modal opened meanwhile (the command palette right after the page shows) hides the
 * page from assistive technology by marking the DOM nodes there as it opens (aria-hidden); the
 * real trigger is a new node, so without a marked node around it it would come out from under the
 * modal, and nameless, as its <label> stays hidden.
 */
export function Select(props: SelectProps) {
  const loaded = radixSelect.useLoaded('mount');
  const [openOnArrival, setOpenOnArrival] = useState(false);
  const hadFocus = useRef(false);

  useLayoutEffect(() => {
    // The stand-in had focus and went away with the swap: the real trigger takes it over.
    if (loaded && hadFocus.current && !openOnArrival) document.getElementById(props.id)?.focus();
  }, [loaded, openOnArrival, props.id]);

  if (loaded) {
    return (
      <span className="select-slot" style={SLOT_STYLE}>
        <loaded.RadixSelect {...props} defaultOpen={openOnArrival} />
      </span>
    );
  }

  const { id, value, options, disabled, size = 'small' } = props;
  const open = () => {
    setOpenOnArrival(true);
    void radixSelect.load();
  };
  return (
    <span className="select-slot" style={SLOT_STYLE}>
      <button
        type="button"
        role="combobox"
        id={id}
        aria-expanded={false}
        aria-autocomplete="none"
        data-state="closed"
        disabled={disabled}
        className={`input${size === 'small' ? ' input-small' : ''} select-trigger`}
        onPointerEnter={() => void radixSelect.load()}
        onFocus={() => {
          hadFocus.current = true;
          void radixSelect.load();
        }}
        onBlur={() => {
          hadFocus.current = false;
        }}
        onPointerDown={(e: PointerEvent) => {
          if (e.button === 0 && e.pointerType === 'mouse') open();
        }}
        onClick={open}
        onKeyDown={(e: KeyboardEvent) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            open();
          }
        }}
      >
        <span style={{ pointerEvents: 'none' }}>{options.find((o) => o.value === value)?.label ?? ''}</span>
        <span className="select-icon" aria-hidden="true">
          <span className="select-arrow" />
        </span>
      </button>
    </span>
  );
}
