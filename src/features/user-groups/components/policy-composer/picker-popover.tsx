import { Popover } from 'radix-ui';
import type { ReactNode } from 'react';
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

/** The searchable checkbox popover both composer pickers open; the search resets on close. */
export function PickerPopover({ noun, policyLabel, placeholder, query, onQueryChange, selectedCount, children }: PickerPopoverProps) {
  return (
    <Popover.Root onOpenChange={(open) => !open && onQueryChange('')}>
      <Popover.Trigger className="btn btn-small" aria-label={`Choose ${noun} for ${policyLabel}`}>
        Choose {noun}…
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="picker-popover" align="start" sideOffset={6} aria-label={`${noun[0]!.toUpperCase()}${noun.slice(1)} for ${policyLabel}`}>
          <input
            type="search"
            className="input picker-search"
            placeholder={placeholder}
            aria-label={`Search ${noun}`}
            value={query}
            onChange={(e) => onQueryChange(e.target.value)}
          />
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
