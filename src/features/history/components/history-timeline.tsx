import { useQuery } from '@tanstack/react-query';
import { historyQuery, type HistoryFilters } from '../../../api/history/queries';
import { Pagination } from '../../../components/ui/pagination';
import { TableSkeleton } from '../../../components/ui/skeleton';
import { useAccountId } from '../../../stores/current-account';
import { HistoryEntryItem } from './history-entry';

export const HISTORY_PAGE_SIZES = [10, 25, 50, 100];

interface HistoryTimelineProps {
  filters: HistoryFilters;
  onPageChange: (next: { page: number; perPage: number }) => void;
  emptyText?: string;
}

/** A page of the journal, newest first, with paging; one request per page (the audit log is merged on the server). */
export function HistoryTimeline({ filters, onPageChange, emptyText = 'No changes recorded yet.' }: HistoryTimelineProps) {
  const accountId = useAccountId();
  const query = useQuery(historyQuery(accountId, filters));
  if (query.isPending) return <TableSkeleton rows={4} columns={1} label="Loading history" />;
  if (query.error) {
    return (
      <div className="banner banner-error" role="alert">
        <strong>Could not load the history.</strong> {query.error.message}{' '}
        <button type="button" className="btn btn-small" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  const data = query.data;
  return (
    <section className="history-timeline" aria-label="Changes" aria-busy={query.isFetching}>
      {!data.audit_log_synced ? (
        <p className="banner banner-warning" role="status">
          The account audit log could not be read just now, so changes made outside this console may be missing.
        </p>
      ) : null}
      {data.entries.length === 0 ? <p className="muted">{emptyText}</p> : data.entries.map((entry) => <HistoryEntryItem key={entry.id} entry={entry} />)}
      {data.total > 0 ? (
        <Pagination page={data.page} perPage={data.per_page} totalCount={data.total} perPageOptions={HISTORY_PAGE_SIZES} onChange={onPageChange} label="History pages" />
      ) : null}
      <p className="muted history-retention">Kept for {data.history_days} days.</p>
    </section>
  );
}
