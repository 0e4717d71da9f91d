import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { consoleRequest } from './client';

/**
 * The console's calls outside /client/v4, with their own plain JSON shapes (not the Cloudflare
 * envelope), through client.ts's consoleRequest; SSO onboarding and OAuth client-URI
 * verification share them:
 * - the DNS pre-check, /console-api/dns/txt (sandbox zone in sandbox mode, real DNS when live);
 * - the sandbox DNS zone, /__sandbox/dns/records (sandbox mode only), the stand-in for the admin's
 *   DNS provider where the verification record is published.
 */


function call<S extends z.ZodMiniType>(url: string, schema: S, init?: { method?: 'POST' | 'DELETE'; body?: unknown; signal?: AbortSignal }): Promise<z.infer<S>> {
  return consoleRequest(url, { schema, ...init });
}

const precheckSchema = z.object({ name: z.string(), records: z.array(z.string()), source: z.enum(['sandbox', 'dns']) });
export type TxtPrecheck = z.infer<typeof precheckSchema>;

/** "Can the world see my TXT record yet?": the TXT values published at `name`. */
export function fetchTxtRecords(name: string, signal?: AbortSignal): Promise<TxtPrecheck> {
  return call(`/console-api/dns/txt?name=${encodeURIComponent(name)}`, precheckSchema, { signal });
}

const zoneSchema = z.object({
  name: z.string(),
  zone: z.nullable(z.string()),
  provider: z.nullable(z.string()),
  source: z.enum(['sandbox', 'dns']),
});
export type DnsZoneAnswer = z.infer<typeof zoneSchema>;

/** The zone `name` lives in (live: found through SOA and NS lookups) and, if known, its provider. */
export function fetchDnsZone(name: string, signal?: AbortSignal): Promise<DnsZoneAnswer> {
  return call(`/console-api/dns/zone?name=${encodeURIComponent(name)}`, zoneSchema, { signal });
}

const recordSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  content: z.string(),
  created_on: z.string(),
  warning: z.optional(z.string()),
});
export type SandboxDnsRecord = z.infer<typeof recordSchema>;

/** Every record in the sandbox zone, or only those at `name`. */
export function listSandboxDnsRecords(signal?: AbortSignal, name?: string): Promise<SandboxDnsRecord[]> {
  const query = name ? `?name=${encodeURIComponent(name)}` : '';
  return call(`/__sandbox/dns/records${query}`, z.object({ records: z.array(recordSchema) }), { signal }).then((r) => r.records);
}

export function publishSandboxTxtRecord(input: { name: string; content: string }) {
  return call('/__sandbox/dns/records', z.object({ record: recordSchema, warning: z.optional(z.string()) }), {
    method: 'POST',
    body: { type: 'TXT', ...input },
  });
}

export function deleteSandboxDnsRecord(id: string) {
  return call(`/__sandbox/dns/records/${encodeURIComponent(id)}`, z.object({ id: z.string() }), { method: 'DELETE' });
}

export const dnsKeys = {
  /** Every DNS read: a published or deleted record invalidates all of them. */
  all: ['dns'] as const,
  txt: (name: string) => [...dnsKeys.all, 'txt', name] as const,
  zone: (name: string) => [...dnsKeys.all, 'zone', name] as const,
  sandboxRecords: () => [...dnsKeys.all, 'sandbox-records'] as const,
  sandboxRecordsAt: (name: string) => [...dnsKeys.sandboxRecords(), name] as const,
};

export function txtPrecheckQuery(name: string) {
  // Never served from cache: the point is to see what DNS answers now.
  return queryOptions({ queryKey: dnsKeys.txt(name), queryFn: ({ signal }) => fetchTxtRecords(name, signal), staleTime: 0, gcTime: 60_000, retry: false });
}

/** Zones move rarely: one lookup per name and session is plenty. */
export function dnsZoneQuery(name: string) {
  return queryOptions({ queryKey: dnsKeys.zone(name), queryFn: ({ signal }) => fetchDnsZone(name, signal), staleTime: Infinity, retry: false });
}

export const sandboxDnsRecordsQuery = queryOptions({
  queryKey: dnsKeys.sandboxRecords(),
  queryFn: ({ signal }) => listSandboxDnsRecords(signal),
  staleTime: 0,
});

/** The sandbox zone's records at exactly `name` (e.g. an OAuth client URI's host). */
export function sandboxRecordsAtQuery(name: string) {
  return queryOptions({
    queryKey: dnsKeys.sandboxRecordsAt(name),
    queryFn: ({ signal }) => listSandboxDnsRecords(signal, name),
    staleTime: 0,
  });
}
