import { describe, expect, it } from 'vitest';
import { createApp, LOCKOUT_META } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openConsoleStore } from '../runtime/node/open-console-store.ts';
import { openSandboxDb } from '../sandbox/db/open.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT } from '../sandbox/db/seed.ts';

const ORIGIN = 'http://127.0.0.1:3000';
const CONSOLE = { host: '127.0.0.1:3000', origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'x-iam-console': '1' };

/**
 * A cold load during a lockout: the server saw the 429 that started it (it sees every answer), so
 * `/console-api/mode` — which a new tab asks first — says how long it lasts, and the SPA shows the
 * banner with that countdown instead of a skeleton waiting for the lockout to end.
 */
describe('/console-api/mode knows the lockout', () => {
  it('says how many seconds of a lockout are left, and nothing when there is none', async () => {
    const db = openSandboxDb(':memory:', 'default');
    const app = createApp({ config: loadConfig({ PORT: '3000', SANDBOX_RATE_LIMIT: 'off' }), db, consoleStorage: openConsoleStore(':memory:'), serveSpa: false });
    const mode = async () => (await (await app.request(`${ORIGIN}/console-api/mode`, { headers: CONSOLE })).json()) as { lockoutSeconds: number | null };

    expect((await mode()).lockoutSeconds).toBeNull();
    const refused = await app.request(`${ORIGIN}/client/v4/accounts/${ACCOUNT}/iam/user_groups`, {
      headers: { ...CONSOLE, 'x-sandbox-fault': '429, retry-after=90, quota=0/90' },
    });
    expect(refused.status).toBe(429);
    const left = (await mode()).lockoutSeconds;
    expect(left).toBeGreaterThan(85);
    expect(left).toBeLessThanOrEqual(90);
  });

  it('the page itself carries the lockout, so a new tab knows before it asks anything', async () => {
    const db = openSandboxDb(':memory:', 'default');
    const page = async () => new Response('<!doctype html><html><head><title>IAM</title></head><body></body></html>', { headers: { 'content-type': 'text/html' } });
    const app = createApp({
      config: loadConfig({ PORT: '3000', SANDBOX_RATE_LIMIT: 'off' }),
      db,
      consoleStorage: openConsoleStore(':memory:'),
      runtime: { staticFiles: page },
    });
    const html = async () => (await app.request(`${ORIGIN}/accounts/${ACCOUNT}/groups`, { headers: { host: CONSOLE.host } })).text();
    expect(await html()).not.toContain(LOCKOUT_META);
    await app.request(`${ORIGIN}/client/v4/accounts/${ACCOUNT}/iam/user_groups`, { headers: { ...CONSOLE, 'x-sandbox-fault': '429, retry-after=90, quota=0/90' } });
    expect(await html()).toMatch(new RegExp(`<meta name="${LOCKOUT_META}" content="(89|90)" />`));
  });
});
