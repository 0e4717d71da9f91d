import { Popover } from 'radix-ui';
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { pluralize } from '../../../../lib/format';

interface PickerPopoverProps {
  /** e.g. "permission groups" — used in the trigger, the search box and the labels. */
  noun: string;
  policyLabel: string;
  placeholder: string;
  query: string;
  onQueryChange: (query: string) => void;
  selectedCount: number;
  /** The checkbox options (already filtered by the query). */
  children: ReactNode;
}

/** Arrow keys walk search box → options → …; ArrowUp from the first option returns to the search. */
function moveWithArrows(event: KeyboardEvent<HTMLElement>, search: HTMLInputElement | null, options: HTMLElement | null) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const boxes = Array.from(options?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:not(:disabled)') ?? []);
  const at = boxes.indexOf(document.activeElement as HTMLInputElement);
  const onSearch = document.activeElement === search;
  if (!onSearch && at < 0) return;
  event.preventDefault();
  const next = event.key === 'ArrowDown' ? (onSearch ? 0 : Math.min(at + 1, boxes.length - 1)) : at - 1;
  if (next < 0) search?.focus();
  else boxes[next]?.focus();
}

/**
 * The searchable checkbox popover both composer pickers open; the search resets on close. It
 * opens below its trigger (scrolled up to make room, rather than flipping over the page header)
 * with a list as tall as the window allows.
 */
export function PickerPopover({ noun, policyLabel, placeholder, query, onQueryChange, selectedCount, children }: PickerPopoverProps) {
  const trigger = useRef<HTMLButtonElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const options = useRef<HTMLDivElement>(null);
  return (
    <Popover.Root
      onOpenChange={(open) => {
        if (!open) onQueryChange('');
        else trigger.current?.scrollIntoView({ block: 'start', behavior: 'instant' });
      }}
    >
      <Popover.Trigger ref={trigger} className="btn btn-small picker-trigger" aria-label={`Choose ${noun} for ${policyLabel}`}>
        Choose {noun}…
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="picker-popover"
          side="bottom"
          align="start"
          sideOffset={6}
          collisionPadding={12}
          aria-label={`${noun[0]!.toUpperCase()}${noun.slice(1)} for ${policyLabel}`}
          onKeyDown={(e) => moveWithArrows(e, search.current, options.current)}
        >
          <input
            ref={search}
            type="search"
            className="input picker-search"
            placeholder={placeholder}
            aria-label={`Search ${noun}`}
            aria-keyshortcuts="ArrowDown"
            value={query}
            onChange={(e) => onQueryChange(e.target.value)}
          />
          <div ref={options} className="picker-options">
            {children}
          </div>
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
