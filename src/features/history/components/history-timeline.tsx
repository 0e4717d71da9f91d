import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { historyQuery, type HistoryFilters } from '@/api/history/queries';
import type { HistoryEntry, HistoryPage } from '@/api/history/schema';
import { Pagination } from '@/components/ui/pagination';
import { TableSkeleton } from '@/components/ui/skeleton';
import { useKeyNames } from '@/components/scope-builder/use-key-names';
import { useAccountId } from '@/stores/current-account';
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
  // The server ends a page early when its entries grow past a size cap; the rest of the page
  // comes on request, from its cursor. Kept per page: another page or filter starts afresh.
  const pageKey = JSON.stringify(filters);
  const [rest, setRest] = useState<{ key: string; entries: HistoryEntry[]; cursor: string | null; loading: boolean; error: string | null }>({
    key: '',
    entries: [],
    cursor: null,
    loading: false,
    error: null,
  });
  const queryClient = useQueryClient();
  // The zones every entry on the page names, looked up once for the page (not per entry).
  const entries = query.data?.entries;
  const restEntries = rest.entries;
  const scopes = useMemo(() => scopesOfStates([...(entries ?? []), ...restEntries].flatMap((e) => [e.before, e.after])), [entries, restEntries]);
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
  const more = rest.key === pageKey ? rest : { key: pageKey, entries: [], cursor: data.next_cursor ?? null, loading: false, error: null };
  const shown = [...data.entries, ...more.entries];
  const remaining = Math.min(data.per_page, Math.max(0, data.total - (data.page - 1) * data.per_page)) - shown.length;
  const loadRest = async (cursor: string) => {
    setRest({ ...more, loading: true, error: null });
    try {
      const next: HistoryPage = await queryClient.fetchQuery(historyQuery(accountId, { ...filters, cursor, per_page: remaining }));
      setRest({ key: pageKey, entries: [...more.entries, ...next.entries], cursor: next.next_cursor ?? null, loading: false, error: null });
    } catch (error) {
      setRest({ ...more, loading: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <section className="history-timeline" aria-label="Changes" aria-busy={query.isFetching}>
      {!data.audit_log_synced ? (
        <p className="banner banner-warning" role="status">
          The account audit log could not be read just now, so changes made outside this console may be missing.
        </p>
      ) : null}
      {shown.length === 0 ? <p className="muted">{emptyText}</p> : shown.map((entry) => <HistoryEntryItem key={entry.id} entry={entry} names={names} headingLevel={headingLevel} />)}
      {more.cursor && remaining > 0 ? (
        <p className="history-more">
          <span className="muted">These changes are large, so this page came in parts. </span>
          <button type="button" className="btn btn-small" aria-busy={more.loading} disabled={more.loading} onClick={() => void loadRest(more.cursor!)}>
            {more.loading ? 'Loading…' : `Show the rest of this page (${remaining} more)`}
          </button>
          {more.error ? <span role="alert"> Could not load them: {more.error}</span> : null}
        </p>
      ) : null}
      {data.total > 0 ? (
        <Pagination page={data.page} perPage={data.per_page} totalCount={data.total} perPageOptions={HISTORY_PAGE_SIZES} onChange={onPageChange} label="History pages" />
      ) : null}
      <p className="muted history-retention">Kept for {data.history_days} days.</p>
    </section>
  );
}
