import type { ResolveTxt } from '../../sandbox/routes/dns-precheck.ts';

/** RFC 8484's JSON flavour as Cloudflare's resolver serves it. */
const DOH_URL = 'https://cloudflare-dns.com/dns-query';
const TXT = 16;
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

/**
 * Workers have no system resolver: the DNS pre-check asks DNS over HTTPS instead, and reports
 * an empty answer with Node's codes (ENOTFOUND / ENODATA) so the handler treats both alike.
 */
export function dohResolveTxt(fetchImpl: typeof fetch = fetch): ResolveTxt {
  return async (name) => {
    const url = `${DOH_URL}?name=${encodeURIComponent(name)}&type=TXT`;
    const res = await fetchImpl(url, { headers: { accept: 'application/dns-json' }, signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw Object.assign(new Error(`DNS over HTTPS answered ${res.status}`), { code: 'ESERVFAIL' });
    const body = (await res.json()) as DohAnswer;
    if (body.Status === NXDOMAIN) throw Object.assign(new Error('no such name'), { code: 'ENOTFOUND' });
    if (body.Status !== 0) throw Object.assign(new Error(`DNS status ${body.Status}`), { code: 'ESERVFAIL' });
    const records = (body.Answer ?? []).filter((a) => a.type === TXT).map((a) => txtChunks(a.data));
    if (records.length === 0) throw Object.assign(new Error('no TXT records'), { code: 'ENODATA' });
    return records;
  };
}
