import { useId } from 'react';
import type { HistoryFilters as Filters } from '../../../api/history';
import { DebouncedInput } from '../../../components/ui/debounced-input';
import { ACTION_LABEL, ACTIONS, RESOURCE_TYPE_LABEL, RESOURCE_TYPES } from '../labels';

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
        <select id={`${id}-type`} className="input" value={filters.resource_type ?? ''} onChange={(e) => set({ resource_type: e.target.value || undefined, resource_id: undefined })}>
          <option value="">All resources</option>
          {RESOURCE_TYPES.map((t) => (
            <option key={t} value={t}>
              {RESOURCE_TYPE_LABEL[t]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-actor`}>Actor</label>
        <DebouncedInput id={`${id}-actor`} className="input" value={filters.actor ?? ''} placeholder="Email or token" onCommit={(v) => set({ actor: v.trim() || undefined })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-action`}>Action</label>
        <select id={`${id}-action`} className="input" value={filters.action ?? ''} onChange={(e) => set({ action: e.target.value || undefined })}>
          <option value="">All actions</option>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {ACTION_LABEL[a]}
            </option>
          ))}
        </select>
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
