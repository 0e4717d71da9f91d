import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { txtPrecheckQuery } from '@/api/dns';
import { doubledName, interpretTxtRecords, type TxtFinding } from '@/lib/txt-records';

/**
 * The DNS pre-check as SSO setup and going public use it: nothing is asked until the admin checks
 * (or starts verification); when the record is not at `name`, the doubled name (`name.zone`) is
 * looked at too, since that is where a record typed into a zone-appending host field ends up.
 */
export function useTxtPrecheck(name: string, code: string, { checkNow = false, zone }: { checkNow?: boolean; zone?: string } = {}) {
  const [requested, setRequested] = useState(checkNow);
  const primary = useQuery({ ...txtPrecheckQuery(name), enabled: requested });
  const finding = primary.data ? interpretTxtRecords(primary.data.records, code) : null;
  const doubled = doubledName(name, zone || name);
  const lookDoubled = requested && finding !== null && finding.kind !== 'found' && doubled.length <= 253;
  const secondary = useQuery({ ...txtPrecheckQuery(doubled), enabled: lookDoubled });
  const doubledFinding = lookDoubled && secondary.data ? interpretTxtRecords(secondary.data.records, code) : null;

  /** Checks now and answers what was seen (throws when the check itself failed). */
  const run = async (): Promise<TxtFinding> => {
    setRequested(true);
    const result = await primary.refetch();
    if (result.error) throw result.error;
    return interpretTxtRecords(result.data?.records ?? [], code);
  };

  return {
    run,
    requested,
    isChecking: primary.isFetching,
    error: primary.error,
    data: primary.data ?? null,
    finding,
    /** The code (or another verification value) found at the doubled name instead. */
    doubled: doubledFinding && doubledFinding.kind !== 'missing' ? { name: doubled, finding: doubledFinding } : null,
    checkedAt: primary.dataUpdatedAt || null,
  };
}

export type TxtPrecheck = ReturnType<typeof useTxtPrecheck>;
