import type { ReactNode } from 'react';
import { CheckboxPopover } from '@/components/ui/checkbox-popover';

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

/** The searchable checkbox popover both composer pickers open, worded for one policy. */
export function PickerPopover({ noun, policyLabel, placeholder, query, onQueryChange, selectedCount, children }: PickerPopoverProps) {
  return (
    <CheckboxPopover
      triggerText={`Choose ${noun}…`}
      triggerLabel={`Choose ${noun} for ${policyLabel}`}
      contentLabel={`${noun[0]!.toUpperCase()}${noun.slice(1)} for ${policyLabel}`}
      searchLabel={`Search ${noun}`}
      placeholder={placeholder}
      query={query}
      onQueryChange={onQueryChange}
      selectedCount={selectedCount}
    >
      {children}
    </CheckboxPopover>
  );
}
