/**
 * Reading a TXT pre-check: SSO domain verification (`cloudflare_dashboard_sso=…`) and OAuth
 * client-URI verification (`cloudflare_oauth_client_verification=…`) both ask for one exact
 * `name=value` record at a DNS name.
 */

export type TxtFinding =
  | { kind: 'found' }
  /** A verification record is there, but with another value (an old code, a typo, a truncated paste). */
  | { kind: 'wrong-value'; values: string[] }
  | { kind: 'missing' };

/**
 * What a list of TXT values means for the expected one. Only an exact match counts, as it does
 * for Cloudflare's check: a value with literal quotes or spaces around it (typed into a provider
 * that adds its own quotes) is reported as a wrong value, not as found.
 */
export function interpretTxtRecords(records: readonly string[], code: string): TxtFinding {
  if (records.includes(code)) return { kind: 'found' };
  const prefix = code.slice(0, code.indexOf('=') + 1);
  const ours = prefix ? records.filter((r) => r.includes(prefix)) : [];
  return ours.length ? { kind: 'wrong-value', values: ours } : { kind: 'missing' };
}

/**
 * Where a record lands when the full name is typed into a host field that appends the zone
 * (eu.example.com typed in the zone example.com → eu.example.com.example.com): the name the
 * pre-check also looks at. Without a known zone, the name is taken as its own zone.
 */
export function doubledName(name: string, zone: string = name): string {
  return `${name}.${zone}`;
}

/**
 * What to type in a provider's host field for a record at `name` in `zone`: "@" at the apex,
 * otherwise the labels before the zone ("eu" for eu.acme.com in acme.com). Null when `name` is
 * not inside `zone`.
 */
export function hostLabel(name: string, zone: string): string | null {
  const n = name.toLowerCase().replace(/\.$/, '');
  const z = zone.toLowerCase().replace(/\.$/, '');
  if (n === z) return '@';
  return n.endsWith(`.${z}`) ? n.slice(0, -(z.length + 1)) : null;
}
