import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { indexedMembersQuery, type IndexStatus, type MemberRow } from '@/api/membership-index';
import { PageHeader } from '@/components/layout/page-header';
import { IndexAge } from '@/components/membership-index/index-age';
import { DebouncedInput } from '@/components/ui/debounced-input';
import { ErrorBanner } from '@/components/ui/error-banner';
import { Pagination } from '@/components/ui/pagination';
import { Select } from '@/components/ui/select';
import { pluralize } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';
import { MEMBER_PAGE_SIZES, type MembersSearch } from '../search-params';
import { BulkGroupsDialog } from './bulk-groups-dialog';
import { MembersTable } from './members-table';

const SORTS = [
  ['email', 'Email'],
  ['name', 'Name'],
  ['groups', 'Number of groups'],
  ['last_change', 'Last change'],
] as const;
const SORT_OPTIONS = SORTS.flatMap(([value, label]) => [
  { value: `${value}:asc`, label: `${label} ↑` },
  { value: `${value}:desc`, label: `${label} ↓` },
]);
/** Radix Select has no empty value: "any" stands for no status filter. */
const STATUSES = [
  { value: 'any', label: 'Any' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'pending', label: 'Pending' },
];

/**
 * Everyone in the account, accepted and pending, with their groups, from the membership index:
 * one /console-api call per view and no /client/v4 request at all, at any account size.
 */
/**
 * "5,200 members", or while the member list is still being read, what the count is out of:
 * "0 matching “zoe” among 950 of 5,200 members read so far" — never a bare 0 for what is not known.
 */
function memberCountText(total: number, q: string | undefined, index: IndexStatus): string {
  const matching = q ? ` matching “${q}”` : '';
  if (index.members_listed) return `${pluralize(total, 'member')}${matching}`;
  const read = index.totals.members === null ? `${index.progress.members.toLocaleString()}` : `${index.progress.members.toLocaleString()} of ${index.totals.members.toLocaleString()}`;
  return q ? `${total.toLocaleString()}${matching} among the ${read} members read so far` : `${read} members read so far`;
}

export function MembersPage({ search, onSearch }: { search: MembersSearch; onSearch: (next: Partial<MembersSearch>) => void }) {
  const accountId = useAccountId();
  const id = useId();
  const query = useQuery(indexedMembersQuery(accountId, { ...search, sort: search.sort ?? 'email' }));
  // Selected people, across pages, refreshed from each page that shows them.
  const [selected, setSelected] = useState<Map<string, MemberRow>>(new Map());
  const [bulk, setBulk] = useState<'add' | 'remove' | null>(null);
  const rows = query.data?.members ?? [];
  const fresh = new Map(selected);
  for (const row of rows) if (fresh.has(row.id)) fresh.set(row.id, row);

  const select = (list: MemberRow[], on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      for (const m of list) {
        if (on) next.set(m.id, m);
        else next.delete(m.id);
      }
      return next;
    });

  return (
    <div className="page members-page">
      <PageHeader title="Members" description="Everyone in this account, accepted and pending, and the user groups they are in." />
      {query.data ? <IndexAge accountId={accountId} index={query.data.index} /> : null}
      <div className="toolbar" role="search">
        <div className="field">
          <label htmlFor={`${id}-q`}>Search by email or name</label>
          <DebouncedInput id={`${id}-q`} className="input" type="search" value={search.q ?? ''} onCommit={(q) => onSearch({ q, page: 1 })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <Select
            size="normal"
            id={`${id}-status`}
            value={search.status ?? 'any'}
            options={STATUSES}
            onChange={(v) => onSearch({ status: v === 'any' ? undefined : (v as MembersSearch['status']), page: 1 })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-sort`}>Sort by</label>
          <Select
            size="normal"
            id={`${id}-sort`}
            value={`${search.sort ?? 'email'}:${search.direction ?? 'asc'}`}
            options={SORT_OPTIONS}
            onChange={(v) => {
              const [sort, direction] = v.split(':') as [MembersSearch['sort'], MembersSearch['direction']];
              onSearch({ sort, direction, page: 1 });
            }}
          />
        </div>
      </div>

      {fresh.size ? (
        <div className="toolbar bulk-bar" role="group" aria-label="With the selected people">
          <span>{pluralize(fresh.size, 'person', 'people')} selected</span>
          <button type="button" className="btn" onClick={() => setBulk('add')}>
            Add to groups…
          </button>
          <button type="button" className="btn" onClick={() => setBulk('remove')}>
            Remove from groups…
          </button>
          <button type="button" className="btn btn-link" onClick={() => setSelected(new Map())}>
            Clear selection
          </button>
        </div>
      ) : null}

      {query.error ? <ErrorBanner error={query.error} title="Could not read the membership index" onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <>
          <p className="toolbar-count" aria-live="polite">
            {memberCountText(query.data.total, search.q, query.data.index)}
          </p>
          <MembersTable accountId={accountId} members={rows} selected={new Set(fresh.keys())} onSelect={select} busy={query.isPlaceholderData} />
          <Pagination
            page={search.page}
            perPage={search.per_page}
            totalCount={query.data.total}
            perPageOptions={[...MEMBER_PAGE_SIZES]}
            onChange={({ page, perPage }) => onSearch({ page, per_page: perPage as MembersSearch['per_page'] })}
            label="Members pages"
          />
        </>
      ) : !query.error ? (
        <p role="status">Loading members…</p>
      ) : null}

      {bulk ? <BulkGroupsDialog accountId={accountId} action={bulk} members={[...fresh.values()]} onClose={() => setBulk(null)} /> : null}
    </div>
  );
}
