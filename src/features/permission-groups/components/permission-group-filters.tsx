import { useId } from 'react';
import { DebouncedInput } from '@/components/ui/debounced-input';

export interface PermissionGroupFilterValues {
  name?: string;
  label?: string;
  id?: string;
}

/**
 * Name matches as a substring; the label does not: today's API matches `label` exactly (any case,
 * `zone_read`, `admin`), so the field promises no "contains".
 */
const FILTERS = [
  { key: 'name', label: 'Name contains', placeholder: 'e.g. DNS' },
  { key: 'label', label: 'Label', placeholder: 'e.g. zone_read' },
  { key: 'id', label: 'ID', placeholder: '32 hex characters' },
] as const;

/** Server-side filters; each reaches the URL when typing pauses, and resets to page 1. */
export function PermissionGroupFilters({
  values,
  onChange,
}: {
  values: PermissionGroupFilterValues;
  onChange: (patch: PermissionGroupFilterValues) => void;
}) {
  const id = useId();
  const active = FILTERS.some((f) => values[f.key]);
  return (
    <div className="toolbar" role="search" aria-label="Filter permission groups">
      {FILTERS.map((f) => (
        <div className="field" key={f.key}>
          <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
          <DebouncedInput
            id={`${id}-${f.key}`}
            type="search"
            className={`input${f.key === 'id' ? ' mono' : ''}`}
            value={values[f.key] ?? ''}
            placeholder={f.placeholder}
            spellCheck={false}
            autoComplete="off"
            onCommit={(v) => onChange({ [f.key]: v.trim() || undefined })}
          />
        </div>
      ))}
      {active ? (
        <button type="button" className="btn" onClick={() => onChange({ name: undefined, label: undefined, id: undefined })}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
