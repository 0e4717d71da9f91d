import { Hono } from 'hono';
import type { LiveResolver } from '../../dns/resolver.ts';
import { findZoneApex, providerFromNameservers, type IsZoneApex } from '../../dns/zone-apex.ts';
import { publicDnsNameProblem } from '../../dns/public-name.ts';
import { parseDomainName } from '../../dns/domain-name.ts';

/**
 * The console's DNS pre-check, outside /client/v4 at /console-api/dns: "can the world see my TXT
 * record yet?" before asking Cloudflare to verify. In sandbox mode it reads the sandbox zone; in
 * live mode it asks DNS. `GET /txt?name=<domain>` → `{ name, records: string[], source }`; errors
 * are `{ errors: [{ field?, message }] }`. `GET /zone?name=<domain>` → `{ name, zone, provider, source }`:
 * the zone the name lives in (live: the closest name with an SOA; its NS records name the
 * provider), so DNS help can give the host label relative to it.
 */

/** Live mode takes the lookups it will make; tests pass only the ones they exercise. */
/**
 * Sandbox mode reads the sandbox's DNS zone, the stand-in for the admin's DNS provider; the server
 * hands it over (server/sandbox/dns-zone/zone.ts), so the console does not reach into the sandbox.
 */
export interface SandboxDnsZone {
  /** The TXT values published at a name. */
  txtValuesAt(name: string): string[];
  /** The zone a name lives in, with that zone's name servers. */
  zoneOf(name: string): { zone: string; nameServers: string[] };
}

export type DnsPrecheckDeps = { mode: 'sandbox'; zone: SandboxDnsZone } | ({ mode: 'live' } & Partial<LiveResolver>);

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
      const { zone, nameServers } = deps.zone.zoneOf(name);
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

    if (deps.mode === 'sandbox') return c.json({ name, records: deps.zone.txtValuesAt(name), source: 'sandbox' as const });
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

