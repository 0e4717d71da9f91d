import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { Link } from '@tanstack/react-router';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { UserGroup } from '@/api/user-groups/schema';
import { formatDate, formatDateTime } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';
import { Badge } from '@/components/ui/badge';
import { MANAGED_LABEL, useScimManaged } from '../scim-managed';
import { sortGroups, type GroupSortColumn, type MemberCounts, type SortDirection } from '../lib/group-sort';
import { SortHeader } from '@/components/ui/sort-header';
import { InertName } from '@/components/ui/inert-name';

/** Rows have one line each (long names are cut with an ellipsis), so every row is this tall. */
const ROW_HEIGHT = 44;

function GroupNameLink({ group }: { group: UserGroup }) {
  const accountId = useAccountId();
  // One query for the whole page's set (cached), never one per row.
  const managed = useScimManaged(accountId).has(group.id);
  return (
    <>
      <Link to="/accounts/$accountId/groups/$groupId" params={{ accountId, groupId: group.id }} className="ug-cell-ellipsis" title={group.name}>
        <InertName>{group.name}</InertName>
      </Link>
      {managed ? (
        <>
          {' '}
          <Badge tone="info">{MANAGED_LABEL}</Badge>
        </>
      ) : null}
    </>
  );
}

/** A group's member count from the index, or a plain statement that it is not known yet. */
function MemberCountCell({ count, indexing }: { count: number | null | undefined; indexing: boolean }) {
  if (count != null) return <>{count.toLocaleString()}</>;
  // Not a 0: the index has not read this group's members yet (its first pass, or a new group).
  return (
    <span className="muted" title={indexing ? 'The membership index is still on its first pass' : 'The membership index has not read this group yet'}>
      Not indexed yet
    </span>
  );
}

const NUMERIC = new Set(['members', 'policies']);

const column = createColumnHelper<UserGroup>();
const columnsWith = (counts: MemberCounts, indexing: boolean) => [
  column.accessor('name', {
    header: 'Name',
    enableSorting: true,
    cell: ({ row }) => <GroupNameLink group={row.original} />,
  }),
  column.accessor((g) => counts[g.id], {
    id: 'members',
    header: 'Members',
    enableSorting: true,
    cell: ({ getValue }) => <MemberCountCell count={getValue()} indexing={indexing} />,
  }),
  column.accessor((g) => g.policies?.length ?? 0, { id: 'policies', header: 'Policies', enableSorting: true }),
  column.accessor('created_on', {
    id: 'created',
    header: 'Created',
    enableSorting: true,
    cell: ({ getValue }) => <time dateTime={getValue()} title={formatDateTime(getValue())}>{formatDate(getValue())}</time>,
  }),
  column.accessor('modified_on', {
    id: 'modified',
    header: 'Modified',
    enableSorting: true,
    cell: ({ getValue }) => <time dateTime={getValue()} title={formatDateTime(getValue())}>{formatDate(getValue())}</time>,
  }),
];

interface UserGroupsTableProps {
  groups: UserGroup[];
  sort: GroupSortColumn;
  direction: SortDirection;
  onSortChange: (sort: GroupSortColumn, direction: SortDirection) => void;
  /** New rows are on their way: the old ones stay, dimmed. */
  busy: boolean;
  caption: string;
  /** Members per group from the membership index (absent or null: not indexed yet). */
  memberCounts: MemberCounts;
  /** The index is still on its first pass (so an unknown count will come). */
  indexing: boolean;
}

/**
 * Up to 500 groups in a real <table>, rendering only the rows near the viewport: spacer rows keep
 * the scroll height, and aria-rowcount/aria-rowindex tell assistive tech where each row sits.
 * The page (window) scrolls, so there is no nested scroll area to trap the keyboard.
 */
export function UserGroupsTable({ groups, sort, direction, onSortChange, busy, caption, memberCounts, indexing }: UserGroupsTableProps) {
  const sorting: SortingState = [{ id: sort, desc: direction === 'desc' }];
  // The API sorts by name (as text) across pages; the rows of this page are then put in natural
  // order by the chosen column here, so "– 2" comes before "– 15".
  // Memoized: a new array each render gives the virtualizer new row keys each render, and opening
  // any dialog over the list then re-rendered it without end (the page froze).
  const sorted = useMemo(() => sortGroups(groups, sort, direction, memberCounts), [groups, sort, direction, memberCounts]);
  const columns = useMemo(() => columnsWith(memberCounts, indexing), [memberCounts, indexing]);
  // No React Compiler here (nothing else in the app uses it); the table is rebuilt each render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: sorted,
    columns,
    getRowId: (g) => g.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const column = (next[0]?.id ?? 'name') as GroupSortColumn;
      onSortChange(column, next[0]?.desc ? 'desc' : 'asc');
    },
  });
  const rows = table.getRowModel().rows;

  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // Where the rows start on the page; content above (banners, a wrapping toolbar) can move it.
  useLayoutEffect(() => {
    const measure = () => {
      const top = (bodyRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
      setScrollMargin((prev) => (Math.abs(top - prev) > 1 ? top : prev));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    scrollMargin,
    getItemKey: (index) => rows[index]?.id ?? index,
    // React 19 warns about flushSync during render; scrolling stays smooth without it.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items.length ? items[0]!.start - scrollMargin : 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1]!.end - scrollMargin) : 0;
  const columnCount = columns.length;

  return (
    // On a narrow screen the wrapper scrolls sideways (app.css), so the table never widens the page.
    <div className="ug-table-scroll">
      <table className={`table ug-table${busy ? ' ug-is-busy' : ''}`} aria-rowcount={rows.length + 1} aria-busy={busy}>
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          <col className="ug-col-name" />
          <col className="ug-col-policies" />
          <col className="ug-col-policies" />
          <col className="ug-col-date" />
          <col className="ug-col-date" />
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((headerGroup) => (
            <tr key={headerGroup.id} aria-rowindex={1}>
              {headerGroup.headers.map((header) =>
                header.column.getCanSort() ? (
                  <SortHeader
                    key={header.id}
                    direction={header.column.getIsSorted() || null}
                    className={NUMERIC.has(header.id) ? 'ug-num' : undefined}
                    onToggle={() => header.column.toggleSorting(header.column.getIsSorted() === 'asc')}
                  >
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </SortHeader>
                ) : (
                  <th key={header.id} scope="col" className={NUMERIC.has(header.id) ? 'ug-num' : undefined}>
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </th>
                ),
              )}
            </tr>
          ))}
        </thead>
        <tbody ref={bodyRef}>
          {paddingTop > 0 ? (
            <tr aria-hidden="true" className="ug-spacer-row">
              <td colSpan={columnCount} style={{ height: paddingTop }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <tr key={row.id} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={NUMERIC.has(cell.column.id) ? 'ug-num' : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true" className="ug-spacer-row">
              <td colSpan={columnCount} style={{ height: paddingBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
