import { randomBytes } from 'node:crypto';
import type { Db } from '../db/sql.ts';
import { newId, timestamp } from '../ids.ts';

/**
 * The sandbox's DNS zone: the stand-in for the admin's DNS provider that SSO domain verification
 * and OAuth client-URI verification read. Shared by the sandbox DNS page, the console's DNS
 * pre-check and the two verifying resources.
 */

/** Cloudflare keeps checking a started verification for about two days, then gives up. */
export const DEFAULT_VERIFICATION_WINDOW_MS = 48 * 60 * 60 * 1000;

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

/** Second-level labels under which registrations sit one level deeper (acme.co.uk). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or']);

/**
 * The sandbox plays the admin's DNS provider: a name inside one of its zones (any account's, as a
 * provider hosts many customers) is in the longest such zone, with that zone's name servers; any
 * other name is taken to be in its registrable domain.
 */
function zoneOf(db: Db, name: string): { zone: string; nameServers: string[] } {
  const row = db
    .prepare(
      `SELECT name, name_servers FROM zones WHERE name = @name OR @name LIKE '%.' || name
       ORDER BY length(name) DESC LIMIT 1`,
    )
    .get({ name }) as { name: string; name_servers: string } | undefined;
  if (row) return { zone: row.name, nameServers: JSON.parse(row.name_servers) as string[] };
  const labels = name.split('.');
  const depth = labels.length > 2 && SECOND_LEVEL.has(labels[labels.length - 2]!) && labels[labels.length - 1]!.length === 2 ? 3 : 2;
  return { zone: labels.slice(-depth).join('.'), nameServers: [] };
}

/** The sandbox zone as the console's DNS pre-check reads it (its SandboxDnsZone). */
export function sandboxDnsZone(db: Db) {
  return { txtValuesAt: (name: string) => txtValuesAt(db, name), zoneOf: (name: string) => zoneOf(db, name) };
}

/** A fresh verification value: the resource's prefix and an opaque random part (Cloudflare's examples differ after the `=`). */
export function newVerificationValue(prefix: string): string {
  return prefix + randomBytes(16).toString('hex');
}

/** Milliseconds since a verification started; a start that cannot be read counts as long past. */
export function elapsedSince(startedAt: string | null, now: number): number {
  const started = startedAt ? Date.parse(startedAt) : NaN;
  return Number.isNaN(started) ? Infinity : now - started;
}

/**
 * Once Cloudflare looks: the TXT records at `name` decide (the exact value verifies, another value
 * with the prefix fails); with none it keeps waiting until the window closes, then fails. SSO
 * domains and OAuth client URIs verify the same way.
 */
export function verificationOutcome(
  db: Db,
  check: { name: string; expected: string; prefix: string; elapsed: number; windowMs: number | undefined },
): 'verified' | 'failed' | 'waiting' {
  const outcome = checkTxt(db, check.name, check.expected, check.prefix);
  if (outcome !== 'not_found') return outcome;
  return check.elapsed >= (check.windowMs ?? DEFAULT_VERIFICATION_WINDOW_MS) ? 'failed' : 'waiting';
}
