import { ChipList } from '@/components/ui/chip-list';
import { PickerPopover } from './picker-popover';
import { useId, useMemo, useState } from 'react';
import type { PermissionGroup } from '@/api/permission-groups/schema';
import { PERMISSION_SCOPE_LABEL, permissionScopeOf, type PermissionScope } from '@/lib/permission-scope';

interface PermissionGroupPickerProps {
  /** "Policy 2": names the picker for screen readers. */
  policyLabel: string;
  selected: string[];
  catalogue: PermissionGroup[];
  describe: (id: string) => PermissionGroup;
  onChange: (ids: string[]) => void;
  /** API errors by permission group id, and about the list as a whole. */
  errors?: Record<string, string>;
  listError?: string;
  warnings?: Set<string>;
}

const ORDER: PermissionScope[] = ['zone', 'account', 'worker', 'unknown'];

export function labelOfPermissionGroup(pg: PermissionGroup): string | undefined {
  return pg.meta?.key === 'label' ? pg.meta.value : pg.meta?.value;
}

/**
 * Chooses permission groups: the chosen ones as removable chips, and a searchable list of the
 * whole catalogue grouped by what each acts on (zones or the account), with its label (meta).
 */
export function PermissionGroupPicker({ policyLabel, selected, catalogue, describe, onChange, errors = {}, listError, warnings }: PermissionGroupPickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const chosen = new Set(selected);
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matches = catalogue.filter(
      (pg) => !q || (pg.name ?? '').toLowerCase().includes(q) || (labelOfPermissionGroup(pg) ?? '').toLowerCase().includes(q) || pg.id === q,
    );
    return ORDER.map((scope) => ({ scope, items: matches.filter((pg) => permissionScopeOf(pg) === scope) })).filter((g) => g.items.length);
  }, [catalogue, query]);
  const toggle = (pgId: string, on: boolean) => onChange(on ? [...selected, pgId] : selected.filter((x) => x !== pgId));

  return (
    <div className={`picker${listError ? ' picker-invalid' : ''}`}>
      <h4 className="picker-title" id={`${id}-title`}>
        Permission groups
      </h4>
      <ChipList
        labelledBy={`${id}-title`}
        onRemove={(pgId) => toggle(pgId, false)}
        chips={selected.map((pgId) => {
          const pg = describe(pgId);
          const label = labelOfPermissionGroup(pg);
          return {
            key: pgId,
            label: pg.name ?? pgId,
            meta: label,
            metaMono: true,
            removeLabel: `Remove ${pg.name ?? pgId} from ${policyLabel}`,
            error: errors[pgId],
            warning: warnings?.has(pgId),
          };
        })}
      />
      {listError ? (
        <p className="field-error" role="alert">
          {listError}
        </p>
      ) : null}
      <PickerPopover
        noun="permission groups"
        policyLabel={policyLabel}
        placeholder="Search by name or label"
        query={query}
        onQueryChange={setQuery}
        selectedCount={selected.length}
      >
        {groups.length === 0 ? <p className="muted">No permission group matches “{query}”.</p> : null}
        {groups.map((g) => (
          <fieldset key={g.scope} className="picker-group">
            <legend>
              {PERMISSION_SCOPE_LABEL[g.scope]} <span className="muted">({g.items.length})</span>
            </legend>
            {g.items.map((pg) => (
              <label key={pg.id} className="picker-option">
                <input type="checkbox" checked={chosen.has(pg.id)} onChange={(e) => toggle(pg.id, e.target.checked)} />
                <span>{pg.name ?? pg.id}</span>
                {labelOfPermissionGroup(pg) ? <span className="mono muted picker-meta">{labelOfPermissionGroup(pg)}</span> : null}
              </label>
            ))}
          </fieldset>
        ))}
      </PickerPopover>
    </div>
  );
}
