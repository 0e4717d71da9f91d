import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { permissionGroupsQuery } from '@/api/permission-groups/queries';
import { PageHeader } from '@/components/layout/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorBanner } from '@/components/ui/error-banner';
import { Pagination } from '@/components/ui/pagination';
import { TableSkeleton } from '@/components/ui/skeleton';
import { useAccountId } from '@/stores/current-account';
import { PermissionGroupFilters, type PermissionGroupFilterValues } from './permission-group-filters';
import { PermissionGroupsTable } from './permission-groups-table';

export interface PermissionGroupSearch extends PermissionGroupFilterValues {
  page: number;
  per_page: number;
}

const PAGE_SIZES = [5, 10, 20, 50];

/** The catalogue, filtered and paged on the server; `children` is the detail panel, if open. */
export function PermissionGroupsPage({ params, children }: { params: PermissionGroupSearch; children?: ReactNode }) {
  const accountId = useAccountId();
  const navigate = useNavigate();
  const selectedId = useParams({ strict: false }).permissionGroupId;
  const query = useQuery(permissionGroupsQuery(accountId, params));

  // Filters replace the history entry (one per pause in typing would clutter Back); pages push.
  // `to: '.'` keeps the open detail panel, if any, beside the new page of results.
  const setSearch = (patch: Partial<PermissionGroupSearch>, replace: boolean) =>
    void navigate({ to: '.', search: (prev) => ({ ...prev, ...patch }), replace });
  const filtered = Boolean(params.name || params.label || params.id);
  const total = query.data?.resultInfo?.total_count ?? query.data?.result.length ?? 0;

  let body: ReactNode;
  if (query.isError && !query.data) {
    body = <ErrorBanner error={query.error} title="Permission groups could not be loaded" onRetry={() => void query.refetch()} />;
  } else if (!query.data) {
    body = <TableSkeleton columns={3} label="Loading permission groups" />;
  } else if (query.data.result.length === 0) {
    body = filtered ? (
      <EmptyState
        title="No permission group matches these filters"
        action={
          <button type="button" className="btn" onClick={() => setSearch({ name: undefined, label: undefined, id: undefined, page: 1 }, true)}>
            Clear filters
          </button>
        }
      >
        Name and label match any part, ignoring case; the ID must match exactly. Try a shorter word.
      </EmptyState>
    ) : params.page > 1 ? (
      <EmptyState
        title={`There is no page ${params.page}`}
        action={
          <button type="button" className="btn" onClick={() => setSearch({ page: 1 }, false)}>
            Go to the first page
          </button>
        }
      >
        The list is shorter than that now.
      </EmptyState>
    ) : (
      <EmptyState title="No permission groups">
        The API returned none for this account. In live mode, check that the token may read account IAM.
      </EmptyState>
    );
  } else {
    body = <PermissionGroupsTable groups={query.data.result} selectedId={selectedId} stale={query.isPlaceholderData} />;
  }

  return (
    <div className={`page${selectedId ? ' page-with-panel' : ''}`}>
      <PageHeader
        title="Permission groups"
        description="Cloudflare's catalogue of what a policy can allow or deny. Open one to see which user groups use it."
      />
      <div className={selectedId ? 'master-detail' : undefined}>
        <section aria-label="Permission group list" className="master">
          <PermissionGroupFilters values={params} onChange={(patch) => setSearch({ ...patch, page: 1 }, true)} />
          {query.isError && query.data ? <ErrorBanner error={query.error} title="Could not refresh" onRetry={() => void query.refetch()} /> : null}
          {body}
          {query.data && total > 0 ? (
            <Pagination
              label="Permission group pages"
              page={params.page}
              perPage={params.per_page}
              totalCount={total}
              perPageOptions={PAGE_SIZES.includes(params.per_page) ? PAGE_SIZES : [...PAGE_SIZES, params.per_page].sort((a, b) => a - b)}
              onChange={({ page, perPage }) => setSearch({ page, per_page: perPage }, false)}
            />
          ) : null}
        </section>
        {children}
      </div>
    </div>
  );
}
