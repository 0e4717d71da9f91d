/** Placeholder rows while a table loads: same rhythm as the real rows, so nothing jumps. */
export function TableSkeleton({ rows = 8, columns = 4, label = 'Loading' }: { rows?: number; columns?: number; label?: string }) {
  return (
    <div className="skeleton-table" role="status" aria-live="polite" aria-label={label}>
      {Array.from({ length: rows }, (_, r) => (
        <div className="skeleton-row" key={r}>
          {Array.from({ length: columns }, (_, c) => (
            <span className="skeleton-cell" key={c} />
          ))}
        </div>
      ))}
    </div>
  );
}

export function PageSkeleton() {
  return (
    <div className="page">
      <div className="skeleton-title" />
      <TableSkeleton />
    </div>
  );
}
