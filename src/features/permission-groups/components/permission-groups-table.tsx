import { Link } from '@tanstack/react-router';
import type { PermissionGroup } from '@/api/permission-groups/schema';
import { useAccountId } from '@/stores/current-account';

interface PermissionGroupsTableProps {
  groups: PermissionGroup[];
  selectedId?: string;
  /** Showing the previous page while the next loads. */
  stale: boolean;
}

/** The label when meta carries one (the usual case); any other meta as key = value. */
function MetaCell({ meta }: { meta: PermissionGroup['meta'] }) {
  const label = meta?.label;
  if (label !== undefined) return <>{label}</>;
  if (meta?.key === undefined && meta?.value === undefined) return <span className="muted">—</span>;
  return (
    <>
      <span className="muted">{meta.key ?? '(no key)'} =</span> {meta.value ?? ''}
    </>
  );
}

export function PermissionGroupsTable({ groups, selectedId, stale }: PermissionGroupsTableProps) {
  const accountId = useAccountId();
  return (
    <table className={`table${stale ? ' table-stale' : ''}`} aria-busy={stale} aria-label="Permission groups">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Label</th>
          <th scope="col" className="pg-id-col">
            ID
          </th>
        </tr>
      </thead>
      <tbody>
        {groups.map((pg) => {
          const selected = pg.id === selectedId;
          return (
            <tr key={pg.id} className={selected ? 'row-selected' : undefined}>
              <td>
                <Link
                  to="/accounts/$accountId/permission-groups/$permissionGroupId"
                  params={{ accountId, permissionGroupId: pg.id }}
                  search={(prev) => prev}
                  aria-current={selected ? 'true' : undefined}
                >
                  {pg.name ?? pg.id}
                </Link>
              </td>
              <td className="mono wrap-anywhere">
                <MetaCell meta={pg.meta} />
              </td>
              <td className="mono muted pg-id-col">{pg.id}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
