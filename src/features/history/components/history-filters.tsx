import { useId } from 'react';
import type { HistoryFilters as Filters } from '@/api/history/queries';
import { DebouncedInput } from '@/components/ui/debounced-input';
import { Select } from '@/components/ui/select';
import { ACTION_LABEL, ACTIONS, RESOURCE_TYPE_LABEL, RESOURCE_TYPES } from '@/lib/history-labels';

/** Radix Select has no empty value: "all" stands for no filter. */
const ALL = 'all';

interface HistoryFiltersProps {
  filters: Filters;
  onChange: (next: Filters) => void;
}

/** Resource, actor, action and date filters; each change goes to the URL (page back to 1). */
export function HistoryFilters({ filters, onChange }: HistoryFiltersProps) {
  const id = useId();
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch, page: 1 });
  return (
    <div className="toolbar" role="search" aria-label="Filter history">
      <div className="field">
        <label htmlFor={`${id}-type`}>Resource</label>
        <Select
          size="normal"
          id={`${id}-type`}
          value={filters.resource_type ?? ALL}
          options={[{ value: ALL, label: 'All resources' }, ...RESOURCE_TYPES.map((t) => ({ value: t, label: RESOURCE_TYPE_LABEL[t] ?? t }))]}
          onChange={(v) => set({ resource_type: v === ALL ? undefined : v, resource_id: undefined })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-actor`}>Actor</label>
        <DebouncedInput id={`${id}-actor`} className="input" value={filters.actor ?? ''} placeholder="Email or token" onCommit={(v) => set({ actor: v.trim() || undefined })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-action`}>Action</label>
        <Select
          size="normal"
          id={`${id}-action`}
          value={filters.action ?? ALL}
          options={[{ value: ALL, label: 'All actions' }, ...ACTIONS.map((a) => ({ value: a, label: ACTION_LABEL[a] ?? a }))]}
          onChange={(v) => set({ action: v === ALL ? undefined : v })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-since`}>From</label>
        <input id={`${id}-since`} type="date" className="input" value={filters.since ?? ''} onChange={(e) => set({ since: e.target.value || undefined })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-before`}>Before</label>
        <input id={`${id}-before`} type="date" className="input" value={filters.before ?? ''} onChange={(e) => set({ before: e.target.value || undefined })} />
      </div>
    </div>
  );
}
