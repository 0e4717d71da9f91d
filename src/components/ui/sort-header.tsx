import type { ReactNode } from 'react';

type Direction = 'asc' | 'desc';

/**
 * A sortable column header: the <th> carries aria-sort, the button inside toggles it. Only the
 * sorted column gets aria-sort (as ARIA asks); the arrow is decoration.
 */
export function SortHeader({
  children,
  direction,
  onToggle,
  className,
}: {
  children: ReactNode;
  /** Null for a sortable column the table is not sorted by. */
  direction: Direction | null;
  onToggle: () => void;
  className?: string;
}) {
  const next = direction === 'asc' ? 'descending' : 'ascending';
  const sort = direction === null ? undefined : direction === 'asc' ? 'ascending' : 'descending';
  return (
    <th scope="col" aria-sort={sort} className={className}>
      <button type="button" className="ug-sort-button" onClick={onToggle} title={`Sort ${next}`}>
        {children}
        <span aria-hidden="true" className="ug-sort-arrow">
          {direction === null ? '↕' : direction === 'asc' ? '▲' : '▼'}
        </span>
      </button>
    </th>
  );
}
