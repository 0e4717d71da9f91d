import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { zoneSearchQuery } from '@/api/zones/queries';
import { pluralize } from '@/lib/format';
import { shortId } from '@/lib/scope-keys';
import { CheckboxPopover } from '../ui/checkbox-popover';
import { ErrorBanner } from '../ui/error-banner';
import { useDebouncedValue } from '../ui/use-debounced-value';

/** Typing pauses this long before the search goes to the server. */
const SEARCH_DEBOUNCE_MS = 250;

interface ZonePickerProps {
  accountId: string;
  /** Ids of the zones chosen now. */
  selected: ReadonlySet<string>;
  /** The scope covers the whole account: every zone, present and future. */
  allZones: boolean;
  onToggle: (zoneId: string, on: boolean) => void;
  onAllZones: (on: boolean) => void;
  disabled?: boolean;
}

/**
 * Chooses zones by domain: the API searches (`name=contains:`), 50 at a time, as the admin types.
 * "All zones" stands for the whole account. Opening it costs one request; each pause in typing one more.
 */
export function ZonePicker({ accountId, selected, allZones, onToggle, onAllZones, disabled }: ZonePickerProps) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const search = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const results = useQuery({
    ...zoneSearchQuery(accountId, search),
    enabled: open,
  });
  const page = results.data;
  const typing = text.trim() !== search;

  const status = results.isError ? (
    <ErrorBanner error={results.error} title="Could not search the zones" onRetry={() => void results.refetch()} />
  ) : (
    <p className="muted text-small" role="status">
      {!page || typing || results.isFetching
        ? 'Searching…'
        : page.totalCount > page.zones.length
          ? `${page.zones.length} of ${page.totalCount.toLocaleString()} zones; type to narrow`
          : `${pluralize(page.totalCount, 'zone')}${search ? ` matching “${search}”` : ''}`}
    </p>
  );

  return (
    <CheckboxPopover
      triggerText="Choose zones by domain…"
      triggerLabel="Choose zones by domain"
      contentLabel="Zones by domain"
      searchLabel="Search zones by domain"
      placeholder="Domain contains…"
      query={text}
      onQueryChange={setText}
      selectedCount={allZones ? 1 : selected.size}
      status={status}
      disabled={disabled}
      onOpenChange={setOpen}
    >
      <label className="picker-option">
        <input type="checkbox" checked={allZones} onChange={(e) => onAllZones(e.target.checked)} />
        <span>All zones</span>
        <span className="muted picker-meta">the whole account, including zones added later</span>
      </label>
      {page && page.zones.length === 0 && !typing ? <p className="muted">No zone’s domain contains “{search}”.</p> : null}
      {page?.zones.map((zone) => (
        <label key={zone.id} className="picker-option" title={zone.id}>
          <input
            type="checkbox"
            checked={!allZones && selected.has(zone.id)}
            disabled={allZones}
            onChange={(e) => onToggle(zone.id, e.target.checked)}
          />
          <span>{zone.name}</span>
          <span className="muted picker-meta">
            {zone.status ?? 'unknown status'}
            {zone.paused ? ', paused' : ''} · <span className="mono">{shortId(zone.id)}</span>
          </span>
        </label>
      ))}
    </CheckboxPopover>
  );
}
