import { Link } from '@tanstack/react-router';
import { historyExportUrl, type HistoryFilters as Filters } from '@/api/history/queries';
import { PageHeader } from '@/components/layout/page-header';
import { useAccountId } from '@/stores/current-account';
import { HistoryFilters } from './history-filters';
import { HistoryTimeline } from './history-timeline';

interface HistoryPageProps {
  filters: Filters;
  onFiltersChange: (next: Filters) => void;
}

/**
 * The account's changes, newest first: this console's writes and, from the account audit log,
 * those made in the Cloudflare dashboard, by Terraform or any API client — each with who, when,
 * where from, what changed (in names) and a way back.
 */
export function HistoryPage({ filters, onFiltersChange }: HistoryPageProps) {
  const accountId = useAccountId();
  return (
    <div className="page">
      <PageHeader
        title="History"
        description="Who changed what, when and from where — and a reviewed way back."
        actions={
          <>
            <Link
              to="/accounts/$accountId/terraform"
              params={{ accountId }}
              search={{
                history: '1',
                resource_type: filters.resource_type === 'user_group' || filters.resource_type === 'user_group_members' ? filters.resource_type : undefined,
                resource_id: filters.resource_id,
                actor: filters.actor,
                action: filters.action,
                since: filters.since,
                before: filters.before,
              }}
              className="btn"
            >
              Export these groups as Terraform
            </Link>
            <a className="btn" href={historyExportUrl(accountId, filters)} download>
              Export NDJSON
            </a>
          </>
        }
      />
      <HistoryFilters filters={filters} onChange={onFiltersChange} />
      <HistoryTimeline
        filters={filters}
        onPageChange={({ page, perPage }) => onFiltersChange({ ...filters, page, per_page: perPage })}
        emptyText="No changes match these filters."
        headingLevel={2}
      />
    </div>
  );
}
