import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../runtime/node/app.ts';
import { loadConfig } from '../config.ts';
import { openConsoleStore } from '../runtime/node/open-console-store.ts';
import { openSandboxDb } from '../runtime/node/open-sandbox-db.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT } from '../sandbox/db/seed.ts';
import { createSandboxApi } from '../sandbox/router.ts';
import { REPLAYED_HEADER, WRITE_ID_HEADER } from './write-once.ts';

const ORIGIN = 'http://127.0.0.1:3000';
const CONSOLE = { host: '127.0.0.1:3000', origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'x-iam-console': '1', 'content-type': 'application/json' };
const GROUPS = `/client/v4/accounts/${ACCOUNT}/iam/user_groups`;
const CLIENTS = `/client/v4/accounts/${ACCOUNT}/oauth_clients`;

type Mode = 'sandbox' | 'live';

/** The app in either mode, and a count of the group creations that reached the API. */
function consoleApp(mode: Mode) {
  const db = openSandboxDb(':memory:', 'default');
  let applied = 0;
  const storage = openConsoleStore(':memory:');
  if (mode === 'sandbox') {
    const app = createApp({ config: loadConfig({ PORT: '3000', SANDBOX_RATE_LIMIT: 'off' }), db, consoleStorage: storage, serveSpa: false });
    const created = db.prepare("SELECT count(*) AS n FROM user_groups WHERE name LIKE 'Once %' OR name LIKE 'No id %'");
    return { app, applied: () => (created.get() as { n: number }).n, db };
  }
  const upstream = createSandboxApi({ db, verificationDelayMs: 0 });
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(String(input).replace('https://api.test', 'http://sandbox'), init);
    if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/user_groups')) applied += 1;
    // An upstream that takes its time, so duplicates arrive while the first is running.
    await new Promise((resolve) => setTimeout(resolve, 5));
    return upstream.fetch(request);
  }) as typeof fetch;
  const config = loadConfig({ PORT: '3000', CLOUDFLARE_API_TOKEN: 'live-token-for-write-once', CLOUDFLARE_API_BASE: 'https://api.test/client/v4' });
  const app = createApp({ config, db: null, consoleStorage: storage, serveSpa: false, fetchImpl, security: { session: false } });
  return { app, applied: () => applied, db };
}

function post(app: ReturnType<typeof consoleApp>['app'], path: string, body: unknown, writeId?: string) {
  return app.request(ORIGIN + path, { method: 'POST', headers: { ...CONSOLE, ...(writeId ? { [WRITE_ID_HEADER]: writeId } : {}) }, body: JSON.stringify(body) });
}

describe('at most once: a write id is applied once, whatever arrives twice', () => {
  for (const mode of ['sandbox', 'live'] as const) {
    it(`${mode}: any interleaving of duplicate deliveries applies each id once and answers every delivery with the first outcome`, async () => {
      await fc.assert(
        fc.asyncProperty(
          // Each write id is delivered 1-4 times; deliveries are shuffled and sent in waves at once.
          fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }),
          fc.array(fc.nat(), { minLength: 20, maxLength: 20 }),
          fc.integer({ min: 1, max: 6 }),
          async (copies, shuffle, wave) => {
            const { app, applied } = consoleApp(mode);
            const deliveries = copies.flatMap((n, i) => Array.from({ length: n }, () => i));
            deliveries.sort((a, b) => (shuffle[a % shuffle.length]! - shuffle[b % shuffle.length]!) || a - b);
            const answers: Array<{ write: number; status: number; id: string | undefined }> = [];
            for (let start = 0; start < deliveries.length; start += wave) {
              const batch = deliveries.slice(start, start + wave);
              const results = await Promise.all(
                batch.map(async (write) => {
                  const res = await post(app, GROUPS, { name: `Once ${write}` }, `write-${write}-property`);
                  const body = (await res.json()) as { result?: { id?: string } };
                  return { write, status: res.status, id: body.result?.id };
                }),
              );
              answers.push(...results);
            }
            expect(applied()).toBe(copies.length);
            for (let write = 0; write < copies.length; write++) {
              const mine = answers.filter((a) => a.write === write && a.status !== 409);
              expect(mine.length).toBeGreaterThan(0);
              expect(new Set(mine.map((a) => `${a.status} ${a.id}`)).size).toBe(1);
            }
          },
        ),
        { numRuns: 25 },
      );
    }, 60_000);
  }

  it('a replay is marked, the outcome can be asked for, and an OAuth secret is not kept for it', async () => {
    const { app, db } = consoleApp('sandbox');
    const client = {
      client_name: 'Once only', redirect_uris: ['https://app.example.com/cb'], grant_types: ['authorization_code'], response_types: ['code'],
      scopes: ['account.read'], token_endpoint_auth_method: 'client_secret_basic',
    };
    const first = await post(app, CLIENTS, client, 'oauth-create-1');
    expect(first.status).toBe(200);
    expect(((await first.json()) as { result: { client_secret?: string } }).result.client_secret).toBeTruthy();
    const again = await post(app, CLIENTS, client, 'oauth-create-1');
    expect(again.status).toBe(200);
    expect(again.headers.get(REPLAYED_HEADER)).toBe('1');
    const replayed = (await again.json()) as { result: { client_id: string; client_secret?: string } };
    expect(replayed.result.client_secret).toBeUndefined();
    expect((db.prepare("SELECT count(*) AS n FROM oauth_clients WHERE json_extract(fields, '$.client_name') = ?").get('Once only') as { n: number }).n).toBe(1);

    const outcome = await app.request(`${ORIGIN}/console-api/writes/oauth-create-1`, { headers: CONSOLE });
    expect(outcome.status).toBe(200);
    const known = (await outcome.json()) as { result: { state: string; status: number; body: { result: { client_id: string } } } };
    expect(known.result).toMatchObject({ state: 'done', status: 200, body: { result: { client_id: replayed.result.client_id } } });
    expect(JSON.stringify(known)).not.toMatch(/"client_secret"/);
    expect((await app.request(`${ORIGIN}/console-api/writes/never-sent-1`, { headers: CONSOLE })).status).toBe(404);
  });

  it('refuses an id reused for another request, and a malformed id', async () => {
    const { app } = consoleApp('sandbox');
    expect((await post(app, GROUPS, { name: 'A' }, 'reused-id-1')).status).toBe(200);
    expect((await post(app, CLIENTS, { client_name: 'B' }, 'reused-id-1')).status).toBe(422);
    expect((await post(app, GROUPS, { name: 'C' }, 'short')).status).toBe(400);
  });

  it('without an id, requests pass as before (SDKs, Terraform)', async () => {
    const { app, applied } = consoleApp('sandbox');
    await post(app, GROUPS, { name: 'No id 1' });
    await post(app, GROUPS, { name: 'No id 2' });
    expect(applied()).toBe(2);
  });
});
