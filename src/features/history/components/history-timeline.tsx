import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { historyQuery, type HistoryFilters } from '../../../api/history/queries';
import { Pagination } from '../../../components/ui/pagination';
import { TableSkeleton } from '../../../components/ui/skeleton';
import { useKeyNames } from '../../../components/scope-builder/use-key-names';
import { useAccountId } from '../../../stores/current-account';
import { scopesOfStates } from '../lib/snapshots';
import { HistoryEntryItem } from './history-entry';

export const HISTORY_PAGE_SIZES = [10, 25, 50, 100];

interface HistoryTimelineProps {
  filters: HistoryFilters;
  onPageChange: (next: { page: number; perPage: number }) => void;
  emptyText?: string;
  /** The entries' heading level: under the page's h1 (History), or under a tab's h2. */
  headingLevel: 2 | 3;
}

/** A page of the journal, newest first, with paging; one request per page (the audit log is merged on the server). */
export function HistoryTimeline({ filters, onPageChange, emptyText = 'No changes recorded yet.', headingLevel }: HistoryTimelineProps) {
  const accountId = useAccountId();
  const query = useQuery(historyQuery(accountId, filters));
  // The zones every entry on the page names, looked up once for the page (not per entry).
  const entries = query.data?.entries;
  const scopes = useMemo(() => scopesOfStates((entries ?? []).flatMap((e) => [e.before, e.after])), [entries]);
  const names = useKeyNames(scopes);
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
      {data.entries.length === 0 ? <p className="muted">{emptyText}</p> : data.entries.map((entry) => <HistoryEntryItem key={entry.id} entry={entry} names={names} headingLevel={headingLevel} />)}
      {data.total > 0 ? (
        <Pagination page={data.page} perPage={data.per_page} totalCount={data.total} perPageOptions={HISTORY_PAGE_SIZES} onChange={onPageChange} label="History pages" />
      ) : null}
      <p className="muted history-retention">Kept for {data.history_days} days.</p>
    </section>
  );
}
