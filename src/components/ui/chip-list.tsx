import type { ReactNode } from 'react';

export interface Chip {
  key: string;
  label: ReactNode;
  /** A second, quieter line of text (a label, a scope summary). */
  meta?: ReactNode;
  /** The meta is code-like (a permission group's label such as `#zone:read`): monospace. */
  metaMono?: boolean;
  /** Shown on hover (e.g. every zone id a scope covers). */
  title?: string;
  /** The remove button's accessible name: "Remove ‹name› from ‹policy›". */
  removeLabel: string;
  /** The API's message for this item: the chip is marked and the message shown under it. */
  error?: string;
  /** Allowed but worth a look (the lint's warning): marked, no message. */
  warning?: boolean;
  /** A variant of the chip (e.g. an inline scope rather than a saved resource group). */
  variant?: string;
}

/**
 * What a picker has chosen, as removable chips under the picker's title; "None chosen yet." when
 * empty. Errors sit on their chip, next to what they are about.
 */
export function ChipList({ labelledBy, chips, onRemove, emptyText = 'None chosen yet.' }: { labelledBy: string; chips: Chip[]; onRemove: (key: string) => void; emptyText?: string }) {
  if (!chips.length) return <p className="muted picker-empty">{emptyText}</p>;
  return (
    <ul className="chips" aria-labelledby={labelledBy}>
      {chips.map((chip) => (
        <li key={chip.key} className={`chip${chip.error ? ' chip-invalid' : chip.warning ? ' chip-warning' : ''}${chip.variant ? ` chip-${chip.variant}` : ''}`}>
          <span className="chip-text" title={chip.title}>
            {chip.label}
            {chip.meta ? <span className={`chip-meta${chip.metaMono ? ' mono' : ''}`}>{chip.meta}</span> : null}
          </span>
          <button type="button" className="chip-remove" aria-label={chip.removeLabel} onClick={() => onRemove(chip.key)}>
            ×
          </button>
          {chip.error ? <p className="chip-error">{chip.error}</p> : null}
        </li>
      ))}
    </ul>
  );
}
