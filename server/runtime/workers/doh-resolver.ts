import type { LiveResolver } from '../../dns/resolver.ts';

/** RFC 8484's JSON flavour as Cloudflare's resolver serves it. */
const DOH_URL = 'https://cloudflare-dns.com/dns-query';
const RECORD_TYPE = { NS: 2, SOA: 6, TXT: 16 } as const;
const NXDOMAIN = 3;

interface DohAnswer {
  Status: number;
  Answer?: Array<{ type: number; data: string }>;
}

/** `"a" "b"` → ['a', 'b']: a TXT record's character-strings, unquoted. */
export function txtChunks(data: string): string[] {
  const chunks = [...data.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
  return chunks.length ? chunks : [data];
}

function dnsError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * Workers have no system resolver: the DNS pre-check asks DNS over HTTPS instead, and reports
 * an empty answer with Node's codes (ENOTFOUND / ENODATA) so the handler treats both alike.
 */
export function dohResolver(fetchImpl: typeof fetch = fetch): LiveResolver {
  /** The `data` of the answers of one type (a CNAME on the way is skipped); rejects as node:dns does. */
  async function lookup(name: string, type: keyof typeof RECORD_TYPE): Promise<string[]> {
    const url = `${DOH_URL}?name=${encodeURIComponent(name)}&type=${type}`;
    const res = await fetchImpl(url, { headers: { accept: 'application/dns-json' }, signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw dnsError(`DNS over HTTPS answered ${res.status}`, 'ESERVFAIL');
    const body = (await res.json()) as DohAnswer;
    if (body.Status === NXDOMAIN) throw dnsError('no such name', 'ENOTFOUND');
    if (body.Status !== 0) throw dnsError(`DNS status ${body.Status}`, 'ESERVFAIL');
    const data = (body.Answer ?? []).filter((a) => a.type === RECORD_TYPE[type]).map((a) => a.data);
    if (data.length === 0) throw dnsError(`no ${type} records`, 'ENODATA');
    return data;
  }
  return {
    resolveTxt: async (name) => (await lookup(name, 'TXT')).map(txtChunks),
    resolveSoa: async (name) => (await lookup(name, 'SOA'))[0],
    resolveNs: async (name) => (await lookup(name, 'NS')).map((host) => host.replace(/\.$/, '')),
  };
}
