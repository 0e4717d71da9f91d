import type { Db } from './sql.ts';
import { ACME_ZONES } from './seed-company.ts';
import { STAGING_ZONES } from './seed-staging.ts';
import { DAY_MS, SEED_BASE_TIME, SeedRandom, seedTimestamp, stableId } from './seed-random.ts';

/**
 * The zones behind the seeded resource groups, plus a few no group uses yet (a zone still pending
 * its nameserver change, one being set up), as a real account's zone list looks. Every zone a
 * seeded scope names exists here, so the console can always show a domain instead of an id.
 */

export type ZoneStatus = 'initializing' | 'pending' | 'active' | 'moved';
export type ZonePlan = 'free' | 'pro' | 'business' | 'enterprise';

export interface ZoneSeed {
  name: string;
  status: ZoneStatus;
  plan: ZonePlan;
  type?: 'full' | 'partial' | 'secondary';
  paused?: boolean;
  registrar?: string;
  daysAgo: number;
}

/** Zones no seeded resource group references (the picker's "not used yet" cases). */
export const UNREFERENCED_ACME_ZONES = {
  'acme-events.com': stableId('zone:acme-events.com'),
  'acme.fr': stableId('zone:acme.fr'),
  'acmepay.io': stableId('zone:acmepay.io'),
} as const;

const ACME: Record<keyof typeof ACME_ZONES | keyof typeof UNREFERENCED_ACME_ZONES, ZoneSeed> = {
  'acme.com': { name: 'acme.com', status: 'active', plan: 'enterprise', registrar: 'MarkMonitor Inc.', daysAgo: 2400 },
  'acme.io': { name: 'acme.io', status: 'active', plan: 'enterprise', registrar: 'MarkMonitor Inc.', daysAgo: 2100 },
  'acmeshop.com': { name: 'acmeshop.com', status: 'active', plan: 'business', registrar: 'MarkMonitor Inc.', daysAgo: 1500 },
  'acme-status.com': { name: 'acme-status.com', status: 'active', plan: 'pro', registrar: 'Cloudflare, Inc.', daysAgo: 1100 },
  'acmecdn.net': { name: 'acmecdn.net', status: 'active', plan: 'enterprise', type: 'partial', registrar: 'GoDaddy.com, LLC', daysAgo: 1300 },
  'acme.co.uk': { name: 'acme.co.uk', status: 'active', plan: 'business', registrar: 'Nominet UK', daysAgo: 1400 },
  'acme.de': { name: 'acme.de', status: 'active', plan: 'business', registrar: 'DENIC eG', daysAgo: 1350 },
  'acme.dev': { name: 'acme.dev', status: 'moved', plan: 'free', registrar: 'Google LLC', daysAgo: 900 },
  'acme-labs.dev': { name: 'acme-labs.dev', status: 'active', plan: 'pro', paused: true, registrar: 'Cloudflare, Inc.', daysAgo: 700 },
  'acme-internal.net': { name: 'acme-internal.net', status: 'active', plan: 'free', registrar: 'Cloudflare, Inc.', daysAgo: 800 },
  'acme-events.com': { name: 'acme-events.com', status: 'pending', plan: 'free', registrar: 'Namecheap, Inc.', daysAgo: 3 },
  'acme.fr': { name: 'acme.fr', status: 'initializing', plan: 'free', registrar: 'AFNIC', daysAgo: 0 },
  'acmepay.io': { name: 'acmepay.io', status: 'active', plan: 'business', type: 'secondary', registrar: 'MarkMonitor Inc.', daysAgo: 500 },
};

const STAGING: Record<keyof typeof STAGING_ZONES, ZoneSeed> = {
  'acme-staging.com': { name: 'acme-staging.com', status: 'active', plan: 'pro', registrar: 'Cloudflare, Inc.', daysAgo: 520 },
  'acme-preview.dev': { name: 'acme-preview.dev', status: 'active', plan: 'free', registrar: 'Cloudflare, Inc.', daysAgo: 480 },
  'acme-loadtest.net': { name: 'acme-loadtest.net', status: 'pending', plan: 'free', registrar: 'Namecheap, Inc.', daysAgo: 210 },
};

/** SANDBOX_SEED=large: this many more zones in the default account, for the picker at scale. */
export const LARGE_EXTRA_ZONES = 2_000;

const WORDS = [
  'acme', 'anvil', 'rocket', 'roadrunner', 'desert', 'canyon', 'mesa', 'coyote', 'dynamite', 'magnet', 'spring',
  'gadget', 'widget', 'outpost', 'harbor', 'summit', 'orbit', 'pixel', 'signal', 'beacon', 'lumen', 'nimbus',
  'atlas', 'falcon', 'juniper', 'meridian', 'kestrel', 'helix', 'orion', 'quartz', 'cobalt', 'ember',
];
const SUFFIXES = ['shop', 'store', 'labs', 'app', 'cloud', 'media', 'news', 'blog', 'help', 'docs', 'status', 'cdn', 'api', 'events', 'careers'];
const TLDS = ['com', 'net', 'io', 'dev', 'co.uk', 'de', 'fr', 'app', 'shop', 'org', 'co', 'jp', 'com.au', 'ca', 'es', 'it', 'nl'];
const STATUSES: Array<[ZoneStatus, number]> = [['active', 0.86], ['pending', 0.09], ['moved', 0.03], ['initializing', 0.02]];
const PLANS: ZonePlan[] = ['free', 'free', 'free', 'pro', 'pro', 'business', 'enterprise'];

function largeZones(rand: SeedRandom, taken: Set<string>): ZoneSeed[] {
  const out: ZoneSeed[] = [];
  while (out.length < LARGE_EXTRA_ZONES) {
    const name = `${rand.pick(WORDS)}-${rand.pick(SUFFIXES)}${rand.chance(0.3) ? `-${rand.int(2, 99)}` : ''}.${rand.pick(TLDS)}`;
    if (taken.has(name)) continue;
    taken.add(name);
    let roll = rand.next();
    const status = STATUSES.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? 'active';
    out.push({ name, status, plan: rand.pick(PLANS), paused: rand.chance(0.02), daysAgo: rand.int(1, 2500) });
  }
  return out;
}

/** Cloudflare assigns each account a pair of named nameservers. */
function nameServersFor(accountId: string): string[] {
  const rand = new SeedRandom(`nameservers:${accountId}`);
  const names = ['ada', 'bob', 'cruz', 'dana', 'elle', 'finn', 'gina', 'hank', 'iris', 'jack', 'kara', 'liam'];
  const [first, second] = rand.sample(names, 2);
  return [`${first}.ns.cloudflare.com`, `${second}.ns.cloudflare.com`];
}

export function seedZones(db: Db, corpAccountId: string, stagingAccountId: string, large: boolean): void {
  const insert = db.prepare(
    `INSERT INTO zones (id, account_id, name, status, type, paused, plan, name_servers, original_registrar, original_dnshost,
       activated_on, created_on, modified_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rand = new SeedRandom('zones');
  const knownIds: Record<string, string> = { ...ACME_ZONES, ...UNREFERENCED_ACME_ZONES, ...STAGING_ZONES };
  const write = (accountId: string, zone: ZoneSeed) => {
    const created = SEED_BASE_TIME - zone.daysAgo * DAY_MS - rand.int(0, DAY_MS - 1);
    const activated = zone.status === 'active' || zone.status === 'moved' ? created + rand.int(1, 48) * 3_600_000 : null;
    const modified = rand.between(activated ?? created, SEED_BASE_TIME);
    insert.run(
      knownIds[zone.name] ?? stableId(`zone:${zone.name}`),
      accountId,
      zone.name,
      zone.status,
      zone.type ?? 'full',
      zone.paused ? 1 : 0,
      zone.plan,
      JSON.stringify(nameServersFor(accountId)),
      zone.registrar ?? null,
      zone.registrar ? null : 'Other',
      activated === null ? null : seedTimestamp(activated),
      seedTimestamp(created),
      seedTimestamp(modified),
    );
  };
  for (const zone of Object.values(ACME)) write(corpAccountId, zone);
  for (const zone of Object.values(STAGING)) write(stagingAccountId, zone);
  if (!large) return;
  const taken = new Set([...Object.keys(ACME), ...Object.keys(STAGING)]);
  for (const zone of largeZones(new SeedRandom('zones:large'), taken)) write(corpAccountId, zone);
}
