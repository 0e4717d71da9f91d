import { PickerPopover } from './picker-popover';
import { ChipList } from '@/components/ui/chip-list';
import { useId, useMemo, useState } from 'react';
import type { ResourceGroup } from '@/api/resource-groups/schema';
import { isInlineRef, resourceRefKey, type ResourceRef } from '@/lib/policy-draft';
import { actsOnZones, isWorkersOnly } from '@/lib/resource-scope';
import { zoneIdsOf } from '@/lib/scope-keys';
import type { ResolvedResource } from './use-composer';

interface ResourceGroupPickerProps {
  policyLabel: string;
  selected: ResourceRef[];
  resourceGroups: ResourceGroup[];
  describe: (ref: ResourceRef) => ResolvedResource;
  onChange: (refs: ResourceRef[]) => void;
  onNew: () => void;
  /** API errors by resourceRefKey(), and about the list as a whole. */
  errors?: Record<string, string>;
  listError?: string;
  warnings?: Set<string>;
}

/**
 * Chooses resource groups: chips for the chosen ones (named groups and inline scopes), a
 * searchable list of the account's groups, and "New resource group…" for one made on the spot.
 */
export function ResourceGroupPicker({ policyLabel, selected, resourceGroups, describe, onChange, onNew, errors = {}, listError, warnings }: ResourceGroupPickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const chosen = new Set(selected.map(resourceRefKey));
  const options = useMemo(() => {
    const q = query.trim().toLowerCase();
    return resourceGroups
      .map((rg) => ({ rg, resolved: describe({ id: rg.id }) }))
      .filter(({ rg, resolved }) => !q || resolved.label.toLowerCase().includes(q) || (resolved.detail ?? '').toLowerCase().includes(q) || rg.id === q)
      .sort((a, b) => a.resolved.label.localeCompare(b.resolved.label));
  }, [resourceGroups, describe, query]);

  const toggle = (ref: ResourceRef, on: boolean) => {
    const k = resourceRefKey(ref);
    onChange(on ? [...selected, ref] : selected.filter((r) => resourceRefKey(r) !== k));
  };

  return (
    <div className={`picker${listError ? ' picker-invalid' : ''}`}>
      <h4 className="picker-title" id={`${id}-title`}>
        Resource groups
      </h4>
      <ChipList
        labelledBy={`${id}-title`}
        onRemove={(key) => onChange(selected.filter((r) => resourceRefKey(r) !== key))}
        chips={selected.map((ref) => {
          const key = resourceRefKey(ref);
          const r = describe(ref);
          return {
            key,
            label: r.label,
            meta: r.detail,
            title: zoneIdsOf(r.scope ?? []).join('\n') || undefined,
            removeLabel: `Remove ${r.label} from ${policyLabel}`,
            error: errors[key],
            warning: warnings?.has(key),
            variant: isInlineRef(ref) ? 'inline' : undefined,
          };
        })}
      />
      {listError ? (
        <p className="field-error" role="alert">
          {listError}
        </p>
      ) : null}
      <div className="picker-actions">
        <PickerPopover
          noun="resource groups"
          policyLabel={policyLabel}
          placeholder="Search by name or scope"
          query={query}
          onQueryChange={setQuery}
          selectedCount={selected.length}
        >
          {options.length === 0 ? <p className="muted">No resource group matches “{query}”.</p> : null}
          {options.map(({ rg, resolved }) => (
            <label key={rg.id} className="picker-option">
              <input type="checkbox" checked={chosen.has(`id:${rg.id}`)} onChange={(e) => toggle({ id: rg.id }, e.target.checked)} />
              <span>{resolved.label}</span>
              <span className="muted picker-meta">
                {resolved.detail ?? ''}
                {isWorkersOnly(rg.scope) ? ' · Workers' : actsOnZones(rg.scope) ? ' · zones' : ' · account-wide'}
              </span>
            </label>
          ))}
        </PickerPopover>
        <button type="button" className="btn btn-small" onClick={onNew} aria-label={`New resource group for ${policyLabel}`}>
          New resource group…
        </button>
      </div>
    </div>
  );
}
