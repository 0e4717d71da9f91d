import type { Db } from '../db/open.ts';
import { newId, timestamp } from '../ids.ts';

/**
 * The sandbox's DNS zone: the stand-in for the admin's DNS provider that SSO domain verification
 * and OAuth client-URI verification read. Shared by the sandbox DNS page, the console's DNS
 * pre-check and the two verifying resources.
 */

/** Cloudflare keeps checking a started verification for about two days, then gives up. */
export const DEFAULT_VERIFICATION_WINDOW_MS = 48 * 60 * 60 * 1000;

/**
 * A record name whose trailing labels repeat, e.g. `example.com.example.com`: what a DNS provider
 * makes of the full name typed into a host field that already appends the zone.
 */
export function doubledZoneSuffix(name: string): string | null {
  const labels = name.split('.');
  for (let k = Math.floor(labels.length / 2); k >= 2; k--) {
    const tail = labels.slice(-k).join('.');
    const before = labels.slice(-2 * k, -k).join('.');
    if (tail === before) return tail;
  }
  return null;
}

export function doubledSuffixWarning(name: string): string | undefined {
  const zone = doubledZoneSuffix(name);
  if (!zone) return undefined;
  return (
    `The name ${name} repeats the zone ${zone}. Most DNS providers append the zone to the host you type, ` +
    `so "${zone}" typed as the host becomes ${name}. Publish the record at ${zone}: enter "@" or leave the host empty.`
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
