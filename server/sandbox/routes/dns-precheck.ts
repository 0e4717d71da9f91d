import { Hono } from 'hono';
import { findZoneApex, providerFromNameservers, type IsZoneApex } from '../../dns/zone-apex.ts';
import type { Db } from '../db/open.ts';
import { publicDnsNameProblem } from '../../dns/public-name.ts';
import { parseDomainName, txtValuesAt } from './sandbox-dns-zone.ts';

/**
 * The console's DNS pre-check, outside /client/v4 at /console-api/dns: "can the world see my TXT
 * record yet?" before asking Cloudflare to verify. In sandbox mode it reads the sandbox zone; in
 * live mode it asks DNS. `GET /txt?name=<domain>` → `{ name, records: string[], source }`; errors
 * are `{ errors: [{ field?, message }] }`. `GET /zone?name=<domain>` → `{ name, zone, provider, source }`:
 * the zone the name lives in (live: the closest name with an SOA; its NS records name the
 * provider), so DNS help can give the host label relative to it.
 */

export type ResolveTxt = (name: string) => Promise<string[][]>;

/** The three lookups live mode makes; they come from the runtime (server/runtime/): node:dns on Node, DNS over HTTPS on Workers. */
export interface LiveResolver {
  resolveTxt: ResolveTxt;
  /** Resolves when `name` has an SOA record (is a zone apex); rejects with ENODATA/ENOTFOUND if not. */
  resolveSoa: (name: string) => Promise<unknown>;
  resolveNs: (name: string) => Promise<string[]>;
}

/** Live mode takes the lookups it will make; tests pass only the ones they exercise. */
export type DnsPrecheckDeps = { mode: 'sandbox'; db: Db } | ({ mode: 'live' } & Partial<LiveResolver>);

/** A name with no TXT records, or no such name, is an answer: "nothing published yet". */
const EMPTY_ANSWER_CODES = new Set(['ENOTFOUND', 'ENODATA']);

/** A lookup nobody gave: a failure the handler reports (502), never an empty answer. */
function missingLookup(name: string) {
  return () => Promise.reject(Object.assign(new Error(`no ${name} lookup in this runtime`), { code: 'ENOTIMP' }));
}

function liveResolver(deps: Partial<LiveResolver>): LiveResolver {
  return {
    resolveTxt: deps.resolveTxt ?? missingLookup('TXT'),
    resolveSoa: deps.resolveSoa ?? missingLookup('SOA'),
    resolveNs: deps.resolveNs ?? missingLookup('NS'),
  };
}

/** Second-level labels under which registrations sit one level deeper (acme.co.uk). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or']);

/**
 * The sandbox plays the admin's DNS provider: a name inside one of its zones (any account's, as a
 * provider hosts many customers) is in the longest such zone, with that zone's name servers; any
 * other name is taken to be in its registrable domain.
 */
function sandboxZoneOf(db: Db, name: string): { zone: string; nameServers: string[] } {
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

export function createDnsPrecheckApi(deps: DnsPrecheckDeps): Hono {
  const app = new Hono();
  const live: LiveResolver | null = deps.mode === 'live' ? liveResolver(deps) : null;
  const resolveTxt = live?.resolveTxt;

  app.get('/zone', async (c) => {
    const raw = c.req.query('name');
    if (raw === undefined) return c.json({ errors: [{ field: 'name', message: 'name: required, e.g. ?name=eu.example.com' }] }, 400);
    const check = parseDomainName(raw, { recordName: true });
    if (!check.ok) return c.json({ errors: [{ field: 'name', message: `name: ${check.message}` }] }, 400);
    const name = check.value;
    if (deps.mode === 'sandbox') {
      const { zone, nameServers } = sandboxZoneOf(deps.db, name);
      return c.json({ name, zone, provider: providerFromNameservers(nameServers), source: 'sandbox' as const });
    }
    if (!live) throw new Error('unreachable: live mode has a resolver');
    const notPublic = publicDnsNameProblem(name);
    if (notPublic) return c.json({ errors: [{ field: 'name', message: `name: ${name} ${notPublic}` }] }, 400);

    const isApex: IsZoneApex = async (candidate) => {
      try {
        await live.resolveSoa(candidate);
        return true;
      } catch (err) {
        if (EMPTY_ANSWER_CODES.has((err as { code?: string }).code ?? '')) return false;
        throw err;
      }
    };
    try {
      const zone = await findZoneApex(name, isApex);
      const nameservers = zone ? await live.resolveNs(zone).catch(() => []) : [];
      return c.json({ name, zone, provider: providerFromNameservers(nameservers), source: 'dns' as const });
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'unknown error';
      return c.json({ errors: [{ message: `DNS lookup for the zone of ${name} failed (${code}); try again in a moment` }] }, 502);
    }
  });

  app.get('/txt', async (c) => {
    const raw = c.req.query('name');
    if (raw === undefined) return c.json({ errors: [{ field: 'name', message: 'name: required, e.g. ?name=example.com' }] }, 400);
    const check = parseDomainName(raw, { recordName: true });
    if (!check.ok) return c.json({ errors: [{ field: 'name', message: `name: ${check.message}` }] }, 400);
    const name = check.value;

    if (deps.mode === 'sandbox') return c.json({ name, records: txtValuesAt(deps.db, name), source: 'sandbox' as const });
    const notPublic = publicDnsNameProblem(name);
    if (notPublic) return c.json({ errors: [{ field: 'name', message: `name: ${name} ${notPublic}` }] }, 400);

    try {
      // A TXT record is a list of ≤255-byte strings that together make one value.
      const answer = await resolveTxt!(name);
      return c.json({ name, records: answer.map((chunks) => chunks.join('')), source: 'dns' as const });
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (EMPTY_ANSWER_CODES.has(code)) return c.json({ name, records: [], source: 'dns' as const });
      return c.json(
        { errors: [{ message: `DNS lookup for ${name} failed (${code || 'unknown error'}); try again in a moment` }] },
        502,
      );
    }
  });

  return app;
}

