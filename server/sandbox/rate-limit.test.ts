import { describe, expect, it } from 'vitest';
import { createApp } from '../runtime/node/app.ts';
import { loadConfig } from '../config.ts';
import { openSandboxDb } from '../runtime/node/open-sandbox-db.ts';
import { createRateLimiter, parseRateLimit } from './rate-limit.ts';
import { createSandboxApi } from './router.ts';
import { ACCOUNT, BEARER } from './test-support.ts';

const USER_GROUPS = `/client/v4/accounts/${ACCOUNT}/iam/user_groups`;

function limited(spec: string, clock: { now: number }) {
  const db = openSandboxDb(':memory:', 'empty');
  const api = createSandboxApi({ db, verificationDelayMs: 0, rateLimiter: createRateLimiter(parseRateLimit(spec)!, () => clock.now) });
  const call = (headers: Record<string, string> = BEARER, path = USER_GROUPS) => api.request(path, { headers });
  return { call };
}

describe('SANDBOX_RATE_LIMIT', () => {
  it('parses <requests>/<seconds> and off, defaults to Cloudflare’s 1,200 per 5 minutes, refuses typos', () => {
    expect(parseRateLimit('60/10')).toEqual({ limit: 60, windowSeconds: 10, blockSeconds: 300 });
    expect(parseRateLimit(undefined)).toEqual({ limit: 1200, windowSeconds: 300, blockSeconds: 300 });
    expect(parseRateLimit('off')).toBeNull();
    for (const bad of ['1200', '0/300', 'x/1', '1200/0']) expect(() => parseRateLimit(bad)).toThrow(/SANDBOX_RATE_LIMIT/);
    expect(loadConfig({}).sandboxRateLimit).toBe('1200/300');
  });

  it('counts each answer in Ratelimit and states the policy, on errors too', async () => {
    const clock = { now: 1_000_000 };
    const { call } = limited('5/60', clock);
    const first = await call();
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit')).toBe('"default";r=4;t=60');
    expect(first.headers.get('ratelimit-policy')).toBe('"default";q=5;w=60');
    clock.now += 20_000;
    const missing = await call(BEARER, `${USER_GROUPS}/${'0'.repeat(32)}`);
    expect(missing.status).toBe(404);
    // The first request leaves the window 40 s from now: that is when quota comes back.
    expect(missing.headers.get('ratelimit')).toBe('"default";r=3;t=40');
  });

  it('past the limit: 429 with Retry-After and the envelope, for five minutes, then a fresh window', async () => {
    const clock = { now: 0 };
    const { call } = limited('3/60', clock);
    for (let i = 0; i < 3; i++) expect((await call()).status).toBe(200);
    const refused = await call();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('300');
    expect(refused.headers.get('ratelimit')).toBe('"default";r=0;t=300');
    const body = (await refused.json()) as { success: boolean; errors: Array<{ code: number; message: string }> };
    expect(body.success).toBe(false);
    expect(body.errors[0]!.code).toBe(10429);
    // The window alone would have freed up after 60 s; the block holds for the whole 5 minutes.
    clock.now += 120_000;
    const stillBlocked = await call();
    expect(stillBlocked.status).toBe(429);
    expect(stillBlocked.headers.get('retry-after')).toBe('180');
    clock.now += 180_000;
    const back = await call();
    expect(back.status).toBe(200);
    expect(back.headers.get('ratelimit')).toBe('"default";r=2;t=60');
  });

  it('counts a write once: the audit log’s own reads of the state before and after it are free', async () => {
    const clock = { now: 1_000_000 };
    const db = openSandboxDb(':memory:', 'default');
    const api = createSandboxApi({ db, verificationDelayMs: 0, rateLimiter: createRateLimiter(parseRateLimit('10/60')!, () => clock.now) });
    const send = (method: string, path: string, body?: unknown) =>
      api.request(path, { method, headers: { ...BEARER, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const created = await send('POST', USER_GROUPS, { name: 'Counted once' });
    expect(created.headers.get('ratelimit')).toBe('"default";r=9;t=60');
    const { id } = ((await created.json()) as { result: { id: string } }).result;
    expect((await send('PUT', `${USER_GROUPS}/${id}`, { name: 'Counted once, renamed' })).headers.get('ratelimit')).toBe('"default";r=8;t=60');
    expect((await send('DELETE', `${USER_GROUPS}/${id}`)).headers.get('ratelimit')).toBe('"default";r=7;t=60');
    const audit = db.prepare("SELECT old_value, new_value FROM audit_logs WHERE resource_id = ? AND action_type = 'update'").get(id) as { old_value: string; new_value: string };
    expect(JSON.parse(audit.old_value).name).toBe('Counted once');
    expect(JSON.parse(audit.new_value).name).toBe('Counted once, renamed');
  });

  it('the window rolls: old requests stop counting one by one', async () => {
    const clock = { now: 0 };
    const { call } = limited('2/10', clock);
    await call();
    clock.now = 5_000;
    await call();
    clock.now = 10_000; // the first one has left the window
    const third = await call();
    expect(third.status).toBe(200);
    expect(third.headers.get('ratelimit')).toBe('"default";r=0;t=5');
  });

  it('is per credential: one token’s lockout does not touch another token or an email + key user', async () => {
    const clock = { now: 0 };
    const { call } = limited('1/60', clock);
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(429);
    expect((await call({ authorization: 'Bearer other' })).status).toBe(200);
    const user = { 'x-auth-email': 'Admin@example.com', 'x-auth-key': 'k1' };
    expect((await call(user)).status).toBe(200);
    // Another key of the same user shares that user's quota, as Cloudflare counts per user.
    expect((await call({ 'x-auth-email': 'admin@example.com', 'x-auth-key': 'k2' })).status).toBe(429);
  });

  it('the server reads it from the environment, and the dashboard’s own calls count like any client’s', async () => {
    const db = openSandboxDb(':memory:', 'empty');
    const app = createApp({ config: loadConfig({ SANDBOX_RATE_LIMIT: '2/300' }), db, serveSpa: false });
    const dashboard = { 'x-iam-console': '1', 'sec-fetch-site': 'same-origin' };
    expect((await app.request(USER_GROUPS, { headers: dashboard })).status).toBe(200);
    expect((await app.request(USER_GROUPS, { headers: dashboard })).status).toBe(200);
    expect((await app.request(USER_GROUPS, { headers: dashboard })).status).toBe(429);
    const off = createApp({ config: loadConfig({ SANDBOX_RATE_LIMIT: 'off' }), db, serveSpa: false });
    const res = await off.request(USER_GROUPS, { headers: BEARER });
    expect(res.status).toBe(200);
    expect(res.headers.get('ratelimit')).toBeNull();
  });
});
