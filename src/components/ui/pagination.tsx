import { useId } from 'react';
import { Select } from './select';

interface PaginationProps {
  page: number;
  perPage: number;
  totalCount: number;
  perPageOptions: number[];
  onChange: (next: { page: number; perPage: number }) => void;
  label?: string;
}

/** Page controls for server-paginated lists; the caller keeps page state in the URL. */
export function Pagination({ page, perPage, totalCount, perPageOptions, onChange, label = 'Pagination' }: PaginationProps) {
  const selectId = useId();
  const totalPages = Math.max(1, Math.ceil(totalCount / perPage));
  const first = totalCount === 0 ? 0 : (page - 1) * perPage + 1;
  const last = Math.min(totalCount, page * perPage);
  return (
    <nav className="pagination" aria-label={label}>
      <span className="pagination-summary" aria-live="polite">
        {first}–{last} of {totalCount.toLocaleString()}
      </span>
      <label htmlFor={selectId}>Rows per page</label>
      <Select
        id={selectId}
        value={String(perPage)}
        options={perPageOptions.map((n) => ({ value: String(n), label: String(n) }))}
        onChange={(next) => onChange({ page: 1, perPage: Number(next) })}
      />
      <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => onChange({ page: page - 1, perPage })}>
        Previous page
      </button>
      <span>
        Page {page} of {totalPages}
      </span>
      <button
        type="button"
        className="btn btn-small"
        disabled={page >= totalPages}
        onClick={() => onChange({ page: page + 1, perPage })}
      >
        Next page
      </button>
    </nav>
  );
}
