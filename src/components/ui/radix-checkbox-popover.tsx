import { Popover } from 'radix-ui';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { pluralize } from '@/lib/format';

export interface CheckboxPopoverProps {
  /** The trigger's visible text and accessible name. */
  triggerText: ReactNode;
  triggerLabel: string;
  /** The popover's accessible name. */
  contentLabel: string;
  searchLabel: string;
  placeholder: string;
  query: string;
  onQueryChange: (query: string) => void;
  selectedCount: number;
  /** Above the options, e.g. "Searching…" or how many matched. */
  status?: ReactNode;
  /** The checkbox options (already filtered by the query). */
  children: ReactNode;
  disabled?: boolean;
  onOpenChange?: (open: boolean) => void;
}

interface RadixCheckboxPopoverProps extends CheckboxPopoverProps {
  /** Open as it mounts: ./checkbox-popover.tsx mounts it when its stand-in trigger is pressed first. */
  defaultOpen?: boolean;
}

/** Arrow keys move between the search box and the options, as in a listbox. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const stops = [...event.currentTarget.querySelectorAll<HTMLInputElement>('input[type="search"], input[type="checkbox"]:not(:disabled)')];
  const at = stops.indexOf(document.activeElement as HTMLInputElement);
  if (at < 0) return;
  const next = stops[Math.min(stops.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/** Room kept above a scrolled-up trigger for the page's own header (as .picker-trigger's scroll-margin-top). */
const HEADER_ROOM = 96;

/**
 * Scrolls the trigger up near the top of the window, so the list opens below it with the
 * window's height. Near the end of a short page there is nothing left to scroll: room is added
 * below the page while the list is open (and removed on close), or it would flip up over the header.
 */
function makeRoomBelow(trigger: HTMLElement): () => void {
  const body = document.body;
  const before = body.style.paddingBottom;
  const triggerTop = trigger.getBoundingClientRect().top + window.scrollY;
  const missing = triggerTop - HEADER_ROOM + window.innerHeight - document.documentElement.scrollHeight;
  if (missing > 0) body.style.paddingBottom = `${missing}px`;
  trigger.scrollIntoView({ block: 'start', behavior: 'instant' });
  return () => {
    body.style.paddingBottom = before;
  };
}

/** Below this much room under the trigger, a list opens on the roomier side instead. */
const ROOM_FOR_A_LIST = 360;

/**
 * Where the list has room once the trigger is where it will stay: below, unless a dialog (which
 * the window cannot scroll) keeps the trigger low and there is more room above. Radix then caps
 * the popover to that side's room (its available height), so it never leaves the window.
 */
function roomierSide(trigger: HTMLElement): 'top' | 'bottom' {
  const { top, bottom } = trigger.getBoundingClientRect();
  const below = window.innerHeight - bottom;
  return below >= ROOM_FOR_A_LIST || below >= top ? 'bottom' : 'top';
}

/**
 * A searchable checkbox list in a popover (the composer's pickers, the zone picker). The search
 * resets on close; Escape closes; Tab or the arrow keys reach every option. It opens below its
 * trigger, scrolled up to make room, with a list as tall as the window allows, rather than
 * flipping up over the page header with a few rows showing.
 */
export function RadixCheckboxPopover(props: RadixCheckboxPopoverProps) {
  const { triggerText, triggerLabel, contentLabel, searchLabel, placeholder, query, onQueryChange, selectedCount, status, children, disabled, onOpenChange, defaultOpen } = props;
  const trigger = useRef<HTMLButtonElement>(null);
  const restoreRoom = useRef<(() => void) | null>(null);
  const [side, setSide] = useState<'top' | 'bottom'>('bottom');
  useEffect(() => () => restoreRoom.current?.(), []);
  const openChanged = (open: boolean) => {
    restoreRoom.current?.();
    restoreRoom.current = null;
    if (!open) onQueryChange('');
    else if (trigger.current) {
      restoreRoom.current = makeRoomBelow(trigger.current);
      setSide(roomierSide(trigger.current));
    }
    onOpenChange?.(open);
  };
  // Opened by the stand-in's press: Radix calls onOpenChange only for later changes.
  useLayoutEffect(() => {
    if (defaultOpen) openChanged(true);
    // Once, as it mounts open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <Popover.Root defaultOpen={defaultOpen} onOpenChange={openChanged}>
      <Popover.Trigger ref={trigger} className="btn btn-small picker-trigger" aria-label={triggerLabel} disabled={disabled}>
        {triggerText}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="picker-popover"
          side={side}
          align="start"
          sideOffset={6}
          collisionPadding={12}
          aria-label={contentLabel}
          onKeyDown={moveFocus}
        >
          <input
            type="search"
            className="input picker-search"
            placeholder={placeholder}
            aria-label={searchLabel}
            value={query}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onQueryChange(e.target.value)}
          />
          {status}
          <div className="picker-options">{children}</div>
          <div className="picker-footer">
            <span className="muted" aria-live="polite">
              {pluralize(selectedCount, 'selected', 'selected')}
            </span>
            <Popover.Close className="btn btn-small btn-primary">Done</Popover.Close>
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
