import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createApp } from '../runtime/node/app.ts';
import { loadConfig } from '../config.ts';
import { liveApp, dashboardHeaders, USER_GROUPS as APP_USER_GROUPS } from '../security/test-apps.ts';
import { openSandboxDb } from '../runtime/node/open-sandbox-db.ts';
import { drawFaults, parseFaultConfig, parseFaultHeader } from './faults.ts';
import { createSandboxApi } from './router.ts';
import { ACCOUNT, BEARER, snapshotCounts } from './test-support.ts';

const USER_GROUPS = `/client/v4/accounts/${ACCOUNT}/iam/user_groups`;

function sandbox(options: { faults?: string; random?: () => number } = {}) {
  const db = openSandboxDb(':memory:', 'empty');
  const api = createSandboxApi({ db, verificationDelayMs: 0, faults: parseFaultConfig(options.faults), random: options.random });
  const call = (method: string, fault?: string, body?: unknown) =>
    api.request(USER_GROUPS, {
      method,
      headers: { ...BEARER, 'content-type': 'application/json', ...(fault !== undefined ? { 'x-sandbox-fault': fault } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { db, api, call };
}

describe('SANDBOX_FAULTS', () => {
  it('parses the documented example', () => {
    expect(parseFaultConfig('500:0.1,429:0.05,latency:200,drop:0.02')).toEqual({
      rate500: 0.1,
      rate429: 0.05,
      rateDrop: 0.02,
      latencyMs: [200, 200],
      retryAfterSeconds: 1,
    });
    expect(parseFaultConfig('latency:50-300, retry-after:3')).toMatchObject({ latencyMs: [50, 300], retryAfterSeconds: 3 });
    expect(parseFaultConfig('')).toBeNull();
    expect(parseFaultConfig(undefined)).toBeNull();
  });

  it.each(['500:2', '429:x', 'latency:-5', 'latency:300-50', 'explode:0.5', '500'])('refuses %j at startup', (spec) => {
    expect(() => parseFaultConfig(spec)).toThrow(/SANDBOX_FAULTS/);
  });

  it('draws faults with the configured odds', () => {
    const config = parseFaultConfig('500:0.5,429:0.5,drop:0.1')!;
    expect(drawFaults(config, () => 0.05).drop).toBe('before');
    expect(drawFaults(config, () => 0.3).status).toBe(500);
    expect(drawFaults(config, () => 0.7)).toEqual({ retryAfterSeconds: 1, latencyMs: 0 });
  });

  it('a rate of 1 fails every call, and the server reads it from the environment', async () => {
    const db = openSandboxDb(':memory:', 'empty');
    const app = createApp({ config: loadConfig({ SANDBOX_FAULTS: '429:1,retry-after:4' }), db, serveSpa: false });
    for (let i = 0; i < 3; i++) {
      const res = await app.request(USER_GROUPS, { headers: BEARER });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('4');
    }
  });

  it('a bad SANDBOX_FAULTS stops the server from starting', () => {
    const db = openSandboxDb(':memory:', 'empty');
    expect(() => createApp({ config: loadConfig({ SANDBOX_FAULTS: 'oops' }), db, serveSpa: false })).toThrow(/unknown fault/);
  });
});

describe('X-Sandbox-Fault', () => {
  it('500: the envelope with an internal error code', async () => {
    const res = await sandbox().call('GET', '500');
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ success: false, result: null, errors: [{ code: 1000 }] });
  });

  it('429: Retry-After and a code ≥ 1000, default 1 s or as asked', async () => {
    const { call } = sandbox();
    const res = await call('GET', '429');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    const body = (await res.json()) as { errors: Array<{ code: number }> };
    expect(body.errors[0]!.code).toBeGreaterThanOrEqual(1000);
    expect((await call('GET', '429, retry-after=7')).headers.get('retry-after')).toBe('7');
  });

  it('a refused write (500, 429) writes nothing', async () => {
    const { db, call } = sandbox();
    const before = snapshotCounts(db);
    expect((await call('POST', '500', { name: 'X' })).status).toBe(500);
    expect((await call('POST', '429', { name: 'Y' })).status).toBe(429);
    expect(snapshotCounts(db)).toEqual(before);
  });

  it('latency delays the answer', async () => {
    const started = Date.now();
    const res = await sandbox().call('GET', 'latency=150');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('drop cuts the connection before the handler: no answer, no write', async () => {
    const { db, call } = sandbox();
    const before = snapshotCounts(db);
    const res = await call('POST', 'drop', { name: 'Dropped' });
    await expect(res.json()).rejects.toThrow(/dropped/);
    expect(snapshotCounts(db)).toEqual(before);
  });

  it("the audit log's own reads of a write's before and after never draw a fault", async () => {
    // The write itself draws no fault (its three draws miss); every later draw would fail a call.
    let draws = 0;
    const { db, call } = sandbox({ faults: '500:0.5', random: () => (draws++ < 3 ? 0.99 : 0) });
    const res = await call('POST', undefined, { name: 'Recorded whole' });
    expect(res.status).toBe(200);
    const row = db.prepare("SELECT new_value FROM audit_logs WHERE action_type = 'create'").get() as { new_value: string | null };
    expect(JSON.parse(row.new_value!).name).toBe('Recorded whole');
    expect((await call('GET')).status).toBe(500); // the next client call does draw
  });

  it('drop=after commits the write and loses the answer', async () => {
    const { db, call } = sandbox();
    const res = await call('POST', 'drop=after', { name: 'Committed' });
    await expect(res.json()).rejects.toThrow(/dropped/);
    expect(db.prepare('SELECT name FROM user_groups').all()).toEqual([{ name: 'Committed' }]);
  });

  it('on a real socket, drop resets the connection and the server keeps serving', async () => {
    const { api } = sandbox();
    const server = serve({ fetch: api.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await expect(fetch(base + USER_GROUPS, { headers: { ...BEARER, 'x-sandbox-fault': 'drop' } })).rejects.toThrow();
      expect((await fetch(base + USER_GROUPS, { headers: BEARER })).status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it.each(['501', 'latency', 'latency=abc', 'drop=later', 'retry-after=-1', '429=5'])('a value it does not know (%j) is a 400', async (value) => {
    const res = await sandbox().call('GET', value);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ code: number; message: string }> };
    expect(body.errors[0]!.code).toBeGreaterThanOrEqual(1000);
    expect(body.errors[0]!.message).toContain('X-Sandbox-Fault');
  });

  it('quota=<left>/<s>: answered as usual, with a Ratelimit header reporting that quota', async () => {
    const res = await sandbox().call('GET', 'quota=90/12');
    expect(res.status).toBe(200);
    expect(res.headers.get('ratelimit')).toBe('"default";r=90;t=12');
    expect(((await res.json()) as { success: boolean }).success).toBe(true);
    expect((await sandbox().call('GET', 'quota=90')).status).toBe(400);
    // With a 429: Cloudflare's lockout answer, no quota left.
    const lockout = await sandbox().call('GET', '429, retry-after=8, quota=0/8');
    expect(lockout.status).toBe(429);
    expect(lockout.headers.get('ratelimit')).toBe('"default";r=0;t=8');
    expect(lockout.headers.get('retry-after')).toBe('8');
  });

  it('parses combinations', () => {
    expect(parseFaultHeader('latency=100, 429, retry-after=2')).toEqual({ status: 429, retryAfterSeconds: 2, latencyMs: 100 });
  });

  it('means nothing in live mode: the call is proxied as usual and the header is not forwarded', async () => {
    const { app, calls } = liveApp({ session: false });
    const res = await app.request(APP_USER_GROUPS, { headers: dashboardHeaders({ 'x-sandbox-fault': '500' }) });
    expect(res.status).toBe(200);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers['x-sandbox-fault']).toBeUndefined();
  });
});
