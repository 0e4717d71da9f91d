import { useState } from 'react';
import { historyExportUrl } from '@/api/history/queries';
import { useAccountId } from '@/stores/current-account';
import { HistoryTimeline } from './history-timeline';

interface ResourceHistoryProps {
  resourceType: 'user_group' | 'resource_group' | 'sso_connector' | 'oauth_client';
  resourceId: string;
  /** e.g. "this group": used in the heading and the empty text. */
  noun: string;
}

/** A resource's own History tab: the same timeline, narrowed to it (a group's includes its members). */
export function ResourceHistory({ resourceType, resourceId, noun }: ResourceHistoryProps) {
  const accountId = useAccountId();
  const [paging, setPaging] = useState({ page: 1, per_page: 25 });
  const filters = { resource_type: resourceType, resource_id: resourceId, ...paging };
  return (
    <section aria-labelledby="resource-history-heading" className="resource-history">
      <div className="composer-header">
        <h2 id="resource-history-heading">History of {noun}</h2>
        <a className="btn btn-small" href={historyExportUrl(accountId, filters)} download>
          Export NDJSON
        </a>
      </div>
      <HistoryTimeline filters={filters} onPageChange={({ page, perPage }) => setPaging({ page, per_page: perPage })} emptyText={`No changes to ${noun} recorded yet.`} headingLevel={3} />
    </section>
  );
}
