import { serve } from '@hono/node-server';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isOwnHost, ownHostnames, parseHost } from './host-check.ts';
import { dashboardHeaders, groupCount, liveApp, PORT, sandboxApp, send, USER_GROUPS } from './test-apps.ts';

/**
 * DNS rebinding: evil.example first resolves to the attacker's server, serves a page, then
 * re-resolves to 127.0.0.1. The page's calls are now "same-origin" to the browser — Origin and
 * Sec-Fetch-Site say so, and it can set any header — but the Host is still evil.example:<port>.
 */
const REBOUND = 'evil.example:3000';
const rebindingHeaders = () =>
  dashboardHeaders({ host: REBOUND, origin: `http://${REBOUND}`, 'sec-fetch-site': 'same-origin' });

describe('Host check (DNS rebinding)', () => {
  it('without the check, a rebound page reads and writes through the server', async () => {
    const { app, db } = sandboxApp({ hostCheck: false });
    const read = await send(app, USER_GROUPS, { headers: rebindingHeaders() });
    expect(read.status).toBe(200);
    expect(read.json.result.length).toBeGreaterThan(0);

    const before = groupCount(db);
    const write = await send(app, USER_GROUPS, { method: 'POST', headers: rebindingHeaders(), body: { name: 'Rebound' } });
    expect(write.status).toBe(200);
    expect(groupCount(db)).toBe(before + 1);
  });

  it('with the check, the same requests are refused and nothing is written', async () => {
    const { app, db } = sandboxApp();
    const read = await send(app, USER_GROUPS, { headers: rebindingHeaders() });
    expect(read.status).toBe(403);
    expect(read.json).toMatchObject({ success: false, result: null, errors: [{ code: 9109 }] });
    expect(read.json.errors[0].message).toContain('evil.example:3000');

    const before = groupCount(db);
    const write = await send(app, USER_GROUPS, { method: 'POST', headers: rebindingHeaders(), body: { name: 'Rebound' } });
    expect(write.status).toBe(403);
    expect(groupCount(db)).toBe(before);
  });

  it('in live mode too: without the check the credential is used for the rebound page; with it, never', async () => {
    const open = liveApp({ hostCheck: false, session: false });
    expect((await send(open.app, USER_GROUPS, { headers: rebindingHeaders() })).status).toBe(200);
    expect(open.calls).toHaveLength(1);

    const guarded = liveApp({ session: false });
    expect((await send(guarded.app, USER_GROUPS, { headers: rebindingHeaders() })).status).toBe(403);
    expect(guarded.calls).toHaveLength(0);
  });

  it('guards pages as well as the API', async () => {
    const { app } = sandboxApp();
    expect((await send(app, '/console-api/mode', { headers: { host: REBOUND } })).status).toBe(403);
    expect((await send(app, '/__sandbox/dns/records', { headers: { host: REBOUND } })).status).toBe(403);
  });

  it.each(['127.0.0.1:3000', 'localhost:3000', '[::1]:3000', 'LOCALHOST:3000'])('accepts its own name %s', async (host) => {
    const { app } = sandboxApp();
    expect((await send(app, USER_GROUPS, { headers: dashboardHeaders({ host, origin: `http://${host}` }) })).status).toBe(200);
  });

  it.each([
    'evil.example:3000',
    '127.0.0.1:3001',
    'localhost:80',
    'localhost',
    'localhost.evil.example:3000',
    '127.0.0.1.nip.io:3000',
    '127.0.0.1:3000@evil.example',
    '',
  ])('refuses %j', async (host) => {
    const { app } = sandboxApp();
    expect((await send(app, USER_GROUPS, { headers: dashboardHeaders({ host }) })).status).toBe(403);
  });

  it('adds the HOST it was told to bind, and only that', () => {
    expect([...ownHostnames('192.168.1.20')]).toContain('192.168.1.20');
    expect([...ownHostnames('::1')]).toContain('[::1]');
    expect([...ownHostnames('0.0.0.0')]).toEqual(['127.0.0.1', 'localhost', '[::1]']);
    expect(isOwnHost('192.168.1.20:3000', ownHostnames('192.168.1.20'), PORT)).toBe(true);
    expect(isOwnHost('192.168.1.20:3000', ownHostnames('127.0.0.1'), PORT)).toBe(false);
    expect(parseHost('[::1]:8080')).toEqual({ name: '[::1]', port: 8080 });
    expect(parseHost('a b')).toBeNull();
  });

  it('on a real socket, compares against the port the connection arrived on', async () => {
    const { app } = sandboxApp();
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const get = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/console-api/mode', headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    try {
      expect(await get(`127.0.0.1:${port}`)).toBe(200);
      expect(await get(`localhost:${port}`)).toBe(200);
      expect(await get(`evil.example:${port}`)).toBe(403);
      expect(await get('127.0.0.1:3000')).toBe(port === 3000 ? 200 : 403);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
