import { Hono } from 'hono';
import type { Db } from '../db/open.ts';
import { parseDomainName, txtValuesAt } from './sandbox-dns-zone.ts';

/**
 * The console's DNS pre-check, outside /client/v4 at /console-api/dns: "can the world see my TXT
 * record yet?" before asking Cloudflare to verify. In sandbox mode it reads the sandbox zone; in
 * live mode it asks DNS. `GET /txt?name=<domain>` → `{ name, records: string[], source }`; errors
 * are `{ errors: [{ field?, message }] }`.
 */

export type ResolveTxt = (name: string) => Promise<string[][]>;

/** Live mode's lookups come from the runtime (server/runtime/): node:dns on Node, DNS over HTTPS on Workers. */
export type DnsPrecheckDeps = { mode: 'sandbox'; db: Db } | { mode: 'live'; resolveTxt: ResolveTxt };

/** A name with no TXT records, or no such name, is an answer: "nothing published yet". */
const EMPTY_ANSWER_CODES = new Set(['ENOTFOUND', 'ENODATA']);

export function createDnsPrecheckApi(deps: DnsPrecheckDeps): Hono {
  const app = new Hono();
  const resolveTxt = deps.mode === 'live' ? deps.resolveTxt : null;

  app.get('/txt', async (c) => {
    const raw = c.req.query('name');
    if (raw === undefined) return c.json({ errors: [{ field: 'name', message: 'name: required, e.g. ?name=example.com' }] }, 400);
    const check = parseDomainName(raw, { recordName: true });
    if (!check.ok) return c.json({ errors: [{ field: 'name', message: `name: ${check.message}` }] }, 400);
    const name = check.value;

    if (deps.mode === 'sandbox') return c.json({ name, records: txtValuesAt(deps.db, name), source: 'sandbox' as const });

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
