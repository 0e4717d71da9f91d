import { useLayoutEffect, useRef, useState, type ComponentProps, type KeyboardEvent, type PointerEvent } from 'react';
import type { Select } from '../ui/select';
import { onDemand } from './on-demand';

const radixSelect = onDemand(() => import('../ui/select'));

type SelectProps = Omit<ComponentProps<typeof Select>, 'defaultOpen'>;

/**
 * The header's selects (account, theme) without Radix Select and floating-ui in the first load:
 * until that code arrives (when the browser is idle, or at first focus, hover or press) the
 * trigger is drawn as the same button Radix draws, named by the same <label>; pressing it, or
 * Enter, Space or an arrow key on it, opens the real select as soon as it is there.
 */
export function ShellSelect(props: SelectProps) {
  const loaded = radixSelect.useLoaded();
  const [openOnArrival, setOpenOnArrival] = useState(false);
  const hadFocus = useRef(false);

  useLayoutEffect(() => {
    // The stand-in had focus and went away with the swap: the real trigger takes it over.
    if (loaded && hadFocus.current && !openOnArrival) document.getElementById(props.id)?.focus();
  }, [loaded, openOnArrival, props.id]);

  if (loaded) return <loaded.Select {...props} defaultOpen={openOnArrival} />;

  const { id, value, options, disabled, size = 'small' } = props;
  const open = () => {
    setOpenOnArrival(true);
    void radixSelect.load();
  };
  return (
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
  );
}
