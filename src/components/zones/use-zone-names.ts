import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { zoneLookupQuery } from '@/api/zones/queries';
import type { ZoneName } from '@/lib/scope-keys';

/**
 * Domains for a set of zone ids, looked up in one batch (see resolveZones) and cached. The page
 * renders at once with short ids and fills the names in; nothing waits on zones.
 */
export function useZoneNames(accountId: string, zoneIds: readonly string[]): (zoneId: string) => ZoneName | undefined {
  const qc = useQueryClient();
  const joined = [...new Set(zoneIds)].sort().join(',');
  const ids = useMemo(() => (joined ? joined.split(',') : []), [joined]);
  const lookup = useQuery({ ...zoneLookupQuery(qc, accountId, ids), enabled: ids.length > 0 });
  const { data, error } = lookup;
  return useCallback(
    (zoneId: string): ZoneName | undefined => {
      const known = data?.[zoneId];
      if (known?.state === 'found') return { state: 'found', name: known.zone.name, status: known.zone.status, paused: known.zone.paused };
      if (known?.state === 'missing') return { state: 'missing' };
      return error ? { state: 'unavailable' } : undefined;
    },
    [data, error],
  );
}
