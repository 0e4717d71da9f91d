import { domainToASCII } from 'node:url';
import type { Db } from '../db/open.ts';
import { newId, timestamp } from '../ids.ts';

/**
 * The sandbox's DNS zone: the stand-in for the admin's DNS provider that SSO domain verification
 * and OAuth client-URI verification read. Shared by the sandbox DNS page, the console's DNS
 * pre-check and the two verifying resources.
 */

/** Cloudflare keeps checking a started verification for about two days, then gives up. */
export const DEFAULT_VERIFICATION_WINDOW_MS = 48 * 60 * 60 * 1000;

export type DomainCheck = { ok: true; value: string } | { ok: false; message: string };

const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** DNS record names may carry service labels such as `_acme-challenge`. */
const RECORD_LABEL = /^_?[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?$/;

/**
 * Validates a domain as an admin types it and returns its canonical form: lower-case, no trailing
 * dot, internationalised names converted to their ASCII (punycode) form, which is what DNS holds.
 * Each refusal says what to change.
 */
export function parseDomainName(input: string, { recordName = false }: { recordName?: boolean } = {}): DomainCheck {
  if (input === '') return { ok: false, message: 'must not be empty' };
  // Punycode is never shorter than the Unicode it encodes, so a longer input cannot become valid.
  if (input.length > 254) return { ok: false, message: 'must be at most 253 characters' };
  if (/\s/.test(input)) return { ok: false, message: 'must not contain spaces' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    return { ok: false, message: 'enter the domain only, without a scheme such as https:// (e.g. example.com)' };
  }
  if (input.includes('@')) {
    return { ok: false, message: 'enter the domain only, without the user part (example.com, not admin@example.com)' };
  }
  if (/[/?#]/.test(input)) return { ok: false, message: 'enter the domain only, without a path (e.g. example.com)' };
  if (input.includes(':')) return { ok: false, message: 'enter the domain only, without a port (e.g. example.com)' };
  let name = input.endsWith('.') ? input.slice(0, -1) : input;
  // domainToASCII lower-cases, maps full-width dots and converts Unicode labels to punycode; it
  // answers '' for a name that is not a valid internationalised domain (e.g. a broken xn-- label).
  const ascii = domainToASCII(name);
  if (ascii === '') {
    return {
      ok: false,
      message: /\P{ASCII}/u.test(name)
        ? 'is not a valid internationalised domain name; enter its punycode form (xn--…)'
        : 'is not a valid domain name',
    };
  }
  name = ascii;
  if (name.length > 253) return { ok: false, message: 'must be at most 253 characters' };
  const labels = name.split('.');
  if (labels.length < 2) return { ok: false, message: 'must contain at least one dot (e.g. example.com)' };
  const pattern = recordName ? RECORD_LABEL : HOST_LABEL;
  for (const label of labels) {
    if (label === '') return { ok: false, message: 'must not contain empty labels (two dots in a row)' };
    if (label.length > 63) return { ok: false, message: `label "${label.slice(0, 20)}…" is longer than 63 characters` };
    if (!pattern.test(label)) {
      return {
        ok: false,
        message: `label "${label}" may contain only letters, digits and hyphens, and must not start or end with a hyphen`,
      };
    }
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return { ok: false, message: 'must be a domain name, not an IP address' };
  return { ok: true, value: name };
}

/**
 * A record name that repeats its zone, e.g. `eu.example.com.example.com`: what a DNS provider
 * makes of a full name typed into a host field that already appends the zone. Says the zone, the
 * name that was meant (`eu.example.com`) and what to type as the host there ("eu"; "@" only when
 * the name meant is the zone itself).
 */
export function doubledRecordName(name: string): { zone: string; intended: string; host: string } | null {
  const labels = name.split('.');
  for (let k = 2; k <= labels.length - 2; k++) {
    const zone = labels.slice(-k).join('.');
    const intended = labels.slice(0, -k).join('.');
    if (intended === zone) return { zone, intended, host: '@' };
    if (intended.endsWith(`.${zone}`)) return { zone, intended, host: intended.slice(0, -(zone.length + 1)) };
  }
  return null;
}

/** The zone a doubled record name repeats (see doubledRecordName), or null. */
export function doubledZoneSuffix(name: string): string | null {
  return doubledRecordName(name)?.zone ?? null;
}

export function doubledSuffixWarning(name: string): string | undefined {
  const doubled = doubledRecordName(name);
  if (!doubled) return undefined;
  const { zone, intended, host } = doubled;
  const enter = host === '@' ? 'enter "@" or leave the host empty' : `enter "${host}" as the host (the provider adds ${zone})`;
  return (
    `The name ${name} repeats the zone ${zone}. Most DNS providers append the zone to the host you type, ` +
    `so "${intended}" typed as the host becomes ${name}. Publish the record at ${intended}: ${enter}.`
  );
}

export interface DnsRecordRow {
  id: string;
  name: string;
  type: string;
  content: string;
  created_on: string;
}

/** Every TXT value published at exactly `name` (already canonical), oldest first. */
export function txtValuesAt(db: Db, name: string): string[] {
  const rows = db
    .prepare("SELECT content FROM sandbox_dns_records WHERE name = ? AND type = 'TXT' ORDER BY created_on, rowid")
    .all(name) as Array<{ content: string }>;
  return rows.map((r) => r.content);
}

/** Publishes a TXT record (callers validate first); also what tests use to "publish" a record. */
export function insertTxtRecord(db: Db, name: string, content: string): DnsRecordRow {
  const row: DnsRecordRow = { id: newId(), name, type: 'TXT', content, created_on: timestamp() };
  db.prepare(
    'INSERT INTO sandbox_dns_records (id, name, type, content, created_on) VALUES (@id, @name, @type, @content, @created_on)',
  ).run(row);
  return row;
}

export type VerificationOutcome = 'verified' | 'failed' | 'not_found';

/**
 * What a DNS check at `name` sees for a verification value: the exact value anywhere among the
 * TXT records wins; otherwise a record carrying the same `prefix` with another value is a wrong
 * record (fails at once); otherwise nothing is published yet.
 */
export function checkTxt(db: Db, name: string, expected: string, prefix: string): VerificationOutcome {
  const values = txtValuesAt(db, name);
  if (values.includes(expected)) return 'verified';
  if (values.some((v) => v.startsWith(prefix))) return 'failed';
  return 'not_found';
}
