import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dnsZoneQuery } from '@/api/dns';
import { hostLabel } from '@/lib/txt-records';

/**
 * The zone a record name lives in: detected by the server (SOA and NS lookups when live, the
 * sandbox's own zones otherwise), and changeable by the admin, who knows their DNS best. The host
 * label to type at the provider follows from it.
 */
export function useDnsZone(name: string) {
  const detected = useQuery(dnsZoneQuery(name));
  const [typed, setTyped] = useState<string | null>(null);
  const detectedZone = detected.data?.zone ?? null;
  const zone = (typed ?? detectedZone ?? name).trim().toLowerCase().replace(/\.$/, '');
  const label = zone ? hostLabel(name, zone) : null;
  return {
    name,
    /** The zone in use (what the admin typed, else what was detected, else the name itself). */
    zone,
    typed,
    setZone: setTyped,
    detectedZone,
    provider: detected.data?.provider ?? null,
    isDetecting: detected.isPending,
    detectError: detected.error,
    /** What goes in the provider's host field; null when the name is not inside the zone typed. */
    label,
  };
}

export type DnsZone = ReturnType<typeof useDnsZone>;
