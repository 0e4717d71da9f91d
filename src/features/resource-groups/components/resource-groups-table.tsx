import { Link } from '@tanstack/react-router';
import type { ResourceGroup } from '@/api/resource-groups/schema';
import { Badge } from '@/components/ui/badge';
import { useAccountId } from '@/stores/current-account';
import { describeKey, parseKey, resourceGroupLabel, summarizeScope, type KeyNames } from '@/lib/scope-keys';
import { InertName } from '@/components/ui/inert-name';

const ZONES_SHOWN = 3;

function ScopeCell({ group, names }: { group: ResourceGroup; names: KeyNames }) {
  const scope = group.scope[0];
  if (!scope) return <span className="muted">No scope</span>;
  const zones = scope.objects.filter((o) => parseKey(o.key)?.kind === 'zone');
  return (
    <>
      {/* One zone is named in the summary itself: its id on hover. */}
      <span title={zones.length === 1 ? zones[0]!.key : undefined}>{summarizeScope(scope, names)}</span>
      {zones.length > 1 ? (
        <ul className="scope-chips" aria-label="Zones">
          {zones.slice(0, ZONES_SHOWN).map((o) => (
            <li key={o.key} className="scope-chip" title={o.key}>
              {describeKey(o.key, names)}
            </li>
          ))}
          {zones.length > ZONES_SHOWN ? <li className="scope-chip muted">+{zones.length - ZONES_SHOWN} more</li> : null}
        </ul>
      ) : null}
    </>
  );
}

interface ResourceGroupsTableProps {
  groups: ResourceGroup[];
  names: KeyNames;
  onEdit: (group: ResourceGroup) => void;
  onDelete: (group: ResourceGroup) => void;
}

export function ResourceGroupsTable({ groups, names, onEdit, onDelete }: ResourceGroupsTableProps) {
  const accountId = useAccountId();
  return (
    <table className="table" aria-label="Resource groups">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Scope</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => {
          const label = resourceGroupLabel(group, names);
          return (
            <tr key={group.id}>
              <th scope="row" className="cell-name">
                <InertName>{label}</InertName>
                {group.meta?.adhoc ? (
                  <>
                    {' '}
                    <Badge tone="info">ad hoc</Badge>
                  </>
                ) : null}
                {label !== group.name && group.name ? <div className="mono muted text-small wrap-anywhere"><InertName>{group.name}</InertName></div> : null}
              </th>
              <td>
                <ScopeCell group={group} names={names} />
              </td>
              <td className="cell-actions">
                <button type="button" className="btn btn-small" onClick={() => onEdit(group)} aria-label={`Edit ${label}`}>
                  Edit
                </button>
                <button type="button" className="btn btn-small" onClick={() => onDelete(group)} aria-label={`Delete ${label}`}>
                  Delete
                </button>
                <Link to="/accounts/$accountId/resource-groups/$resourceGroupId/history" params={{ accountId, resourceGroupId: group.id }} className="btn btn-small" aria-label={`History of ${label}`}>
                  History
                </Link>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
