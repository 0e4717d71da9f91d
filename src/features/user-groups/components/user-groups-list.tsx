import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { indexedUserGroupsQuery, memberCountsQuery, type IndexedGroupsParams } from '@/api/membership-index';
import { userGroupsQuery } from '@/api/user-groups/queries';
import { PageHeader } from '@/components/layout/page-header';
import { DebouncedInput } from '@/components/ui/debounced-input';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorBanner } from '@/components/ui/error-banner';
import { Pagination } from '@/components/ui/pagination';
import { Select } from '@/components/ui/select';
import { completenessText } from '@/lib/index-completeness';
import { onDemand } from '@/components/ui/on-demand';
import { TableSkeleton } from '@/components/ui/skeleton';
import { useAccountId } from '@/stores/current-account';
import { useKeyboard } from '@/stores/keyboard';
import { GROUP_PAGE_SIZES, type GroupPageSize, type UserGroupsSearch } from '../search-params';
import { UserGroupsTable } from './user-groups-table';
import { pluralize } from '@/lib/format';

/** The create form (and the form library with it) comes when the browser is idle, or on first use. */
const createDialog = onDemand(() => import('./create-user-group-dialog'));

/** /groups: search, sort and page through the account's user groups; create one. */
export function UserGroupsList({ search }: { search: UserGroupsSearch }) {
  const accountId = useAccountId();
  const navigate = useNavigate({ from: '/accounts/$accountId/groups/' });
  const direction = search.direction ?? 'asc';
  const sort = search.sort ?? 'name';
  // The API orders by name only, a page at a time: its order is the default. Another column, or a
  // filter, is sorted over the whole account by the membership index (no Cloudflare request).
  const fromIndex = Boolean(search.sort || search.filter);
  const params = { page: search.page, per_page: search.per_page, fuzzyName: search.q, direction: search.direction };
  const api = useQuery({ ...userGroupsQuery(accountId, params), enabled: !fromIndex });
  const indexParams: IndexedGroupsParams = {
    q: search.q,
    sort: INDEX_SORT[sort],
    direction,
    filter: search.filter,
    page: search.page,
    per_page: search.per_page,
  };
  const indexed = useQuery({ ...indexedUserGroupsQuery(accountId, indexParams), enabled: fromIndex });
  const { error, isPlaceholderData, isFetching, refetch } = fromIndex ? indexed : api;
  const data = fromIndex
    ? indexed.data && { result: indexed.data.groups, resultInfo: { total_count: indexed.data.total } }
    : api.data;
  const [creatingHere, setCreatingHere] = useState(false);
  // "Create user group" in the palette asks for the dialog too; closing it ends either request.
  const createRequested = useKeyboard((s) => s.createGroupRequested);
  const creating = creatingHere || createRequested;
  const setCreating = (open: boolean) => {
    setCreatingHere(open);
    if (!open) useKeyboard.getState().requestCreateGroup(false);
  };
  const CreateDialog = createDialog.useLoaded()?.CreateUserGroupDialog;
  useEffect(() => {
    if (creating) void createDialog.load();
  }, [creating]);
  const searchId = useId();
  const topRef = useRef<HTMLDivElement>(null);

  const setSearch = (patch: Partial<UserGroupsSearch>, replace = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace });
  // Each pause in typing would otherwise leave a history entry: the search replaces its own.

  // A new page starts at its first row: bring the table's top into view if it scrolled away.
  useEffect(() => {
    const top = topRef.current?.getBoundingClientRect().top ?? 0;
    if (top < 0) topRef.current?.scrollIntoView({ block: 'start' });
  }, [search.page, search.per_page]);

  const groups = data?.result ?? [];
  // One call for the whole page's member counts, from the console's membership index (no
  // request of Cloudflare's rate limit, never one per group).
  const groupIds = groups.map((g) => g.id);
  const counts = useQuery({ ...memberCountsQuery(accountId, groupIds), enabled: groupIds.length > 0 && !fromIndex });
  const indexRows = indexed.data?.groups;
  const indexCounts = useMemo(() => (indexRows ? Object.fromEntries(indexRows.map((g) => [g.id, g.member_count])) : NO_COUNTS), [indexRows]);
  const memberCounts = fromIndex ? indexCounts : (counts.data?.counts ?? NO_COUNTS);
  const indexStatus = fromIndex ? indexed.data?.index : counts.data?.index;
  const indexing = !indexStatus || indexStatus.state === 'building';
  const total = data?.resultInfo?.total_count ?? groups.length;
  const busy = isPlaceholderData || (isFetching && !data);

  const paginate = ({ page, perPage }: { page: number; perPage: number }) =>
    setSearch({ page, per_page: perPage as GroupPageSize });

  return (
    <div className="page">
      <PageHeader
        title="User groups"
        description="Groups of account members and the policies that grant them access."
        actions={
          <>
            <Link to="/accounts/$accountId/terraform" params={{ accountId }} className="btn">
              Export account as Terraform
            </Link>
            {search.q && groupIds.length ? (
              <Link to="/accounts/$accountId/terraform" params={{ accountId }} search={{ groups: groupIds.join(',') }} className="btn">
                Export these {groupIds.length} as Terraform
              </Link>
            ) : null}
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              Create group
            </button>
          </>
        }
      />
      <div className="toolbar" ref={topRef}>
        <div className="field">
          <label htmlFor={searchId}>Search by name</label>
          <DebouncedInput
            id={searchId}
            type="search"
            className="input ug-search"
            value={search.q ?? ''}
            delay={300}
            onCommit={(q) => setSearch({ q: q.trim() || undefined, page: 1 }, true)}
            placeholder="e.g. finance"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${searchId}-hint`}
          />
          <p className="field-hint" id={`${searchId}-hint`}>
            Matches any part of a name, ignoring case.
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${searchId}-filter`}>Show</label>
          <Select
            size="normal"
            id={`${searchId}-filter`}
            value={search.filter ?? 'all'}
            options={FILTERS}
            onChange={(v) => setSearch({ filter: v === 'all' ? undefined : (v as UserGroupsSearch['filter']), page: 1 })}
          />
        </div>
        <p className="ug-status muted" role="status" aria-live="polite">
          {busy ? 'Loading…' : data ? describeResult(total, search.q) : ''}
        </p>
      </div>
      {fromIndex && indexed.data ? (
        <p className="ug-sort-note" id={`${searchId}-sort-note`}>
          {sortNote(sort, search.filter)} across the whole account, from the membership index
          {indexed.data.unread > 0
            ? ` — incomplete: ${completenessText({ ...indexed.data.index.progress, totals: indexed.data.index.totals, members_listed: indexed.data.index.members_listed }, new Date())}. ${indexed.data.unread.toLocaleString()} groups whose members are not read yet have no member count${sort === 'members' ? ' and are listed last' : ''}${search.filter === 'empty' ? ' and are not shown' : ''}.`
            : '.'}
        </p>
      ) : null}

      {error && !data ? <ErrorBanner error={error} title="The user groups could not be loaded" onRetry={() => void refetch()} /> : null}
      {!data && !error ? <TableSkeleton rows={10} columns={4} label="Loading user groups" /> : null}

      {data && groups.length === 0 ? (
        <ListEmptyState
          q={search.q}
          page={search.page}
          total={total}
          onClear={() => setSearch({ q: undefined, page: 1 })}
          onFirstPage={() => setSearch({ page: 1 })}
          onCreate={() => setCreating(true)}
        />
      ) : null}

      {data && groups.length > 0 ? (
        <>
          <Pagination
            label="Pages, above the table"
            page={search.page}
            perPage={search.per_page}
            totalCount={total}
            perPageOptions={[...GROUP_PAGE_SIZES]}
            onChange={paginate}
          />
          <UserGroupsTable
            groups={groups}
            sort={sort}
            direction={direction}
            onSortChange={(column, next) =>
              setSearch({ sort: column === 'name' ? undefined : column, direction: next === 'asc' ? undefined : 'desc', page: column === sort ? search.page : 1 })
            }
            busy={busy}
            memberCounts={memberCounts}
            indexing={indexing}
            caption={sortCaption(sort, direction, search.page)}
          />
          <Pagination
            label="Pages, below the table"
            page={search.page}
            perPage={search.per_page}
            totalCount={total}
            perPageOptions={[...GROUP_PAGE_SIZES]}
            onChange={paginate}
          />
        </>
      ) : null}

      {CreateDialog ? <CreateDialog open={creating} onOpenChange={setCreating} /> : null}
    </div>
  );
}

const NO_COUNTS = {};

/** The list's columns, as the index's whole-account sort names them. */
const INDEX_SORT = { name: 'name', members: 'members', policies: 'policies', created: 'created_on', modified: 'modified_on' } as const;

const FILTERS = [
  { value: 'all', label: 'All groups' },
  { value: 'admin', label: 'With admin grants' },
  { value: 'empty', label: 'With no members' },
];

function sortNote(sort: keyof typeof SORT_WORDS, filter: UserGroupsSearch['filter']): string {
  const which = filter === 'admin' ? 'Groups with admin grants' : filter === 'empty' ? 'Groups with no members' : 'Groups';
  return `${which}, sorted by ${SORT_WORDS[sort]}`;
}

function describeResult(total: number, q: string | undefined): string {
  const groups = pluralize(total, 'group');
  return q ? `${groups} matching “${q}”` : groups;
}

function ListEmptyState(props: {
  q: string | undefined;
  page: number;
  total: number;
  onClear: () => void;
  onFirstPage: () => void;
  onCreate: () => void;
}) {
  if (props.total > 0) {
    return (
      <EmptyState
        title={`Page ${props.page} is empty`}
        action={
          <button type="button" className="btn" onClick={props.onFirstPage}>
            Go to the first page
          </button>
        }
      >
        Groups were deleted since this link was made, or the page number is past the end.
      </EmptyState>
    );
  }
  if (props.q) {
    return (
      <EmptyState
        title={`No groups match “${props.q}”`}
        action={
          <button type="button" className="btn" onClick={props.onClear}>
            Clear the search
          </button>
        }
      >
        Try a shorter part of the name, or clear the search to see every group.
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title="No user groups yet"
      action={
        <button type="button" className="btn btn-primary" onClick={props.onCreate}>
          Create the first group
        </button>
      }
    >
      A user group gives several members the same access at once: create one, add its policies, then its members.
    </EmptyState>
  );
}

const SORT_WORDS = { name: 'name', members: 'number of members', policies: 'number of policies', created: 'creation date', modified: 'last change' } as const;

function sortCaption(sort: keyof typeof SORT_WORDS, direction: 'asc' | 'desc', page: number): string {
  const order = sort === 'name' ? (direction === 'asc' ? 'A to Z' : 'Z to A') : direction === 'asc' ? 'ascending' : 'descending';
  // Every order spans the whole list: name is the API's, the others the membership index's.
  return `User groups, sorted by ${SORT_WORDS[sort]} ${order}, page ${page}`;
}
