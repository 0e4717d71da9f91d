import { describe, expect, it } from 'vitest';
import { crossSiteReason } from './cross-site.ts';
import { dashboardHeaders, groupCount, OWN_HOST, sandboxApp, send, USER_GROUPS } from './test-apps.ts';

/**
 * A page on another site (or another port of this machine: same-site) calling this server. CORS
 * preflights already stop most such calls in today's browsers; this check refuses them on the
 * server whatever the browser did, from the labels the browser itself attaches.
 */
const fromEvil = (extra: Record<string, string> = {}) =>
  dashboardHeaders({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', ...extra });

const DNS_RECORD = { name: 'acme-corp.com', type: 'TXT', content: 'cloudflare_dashboard_sso=planted' };

describe('cross-site check (Origin / Sec-Fetch-Site)', () => {
  it('without the check, another site creates a user group and plants a DNS record', async () => {
    const { app, db } = sandboxApp({ crossSiteCheck: false });
    const before = groupCount(db);
    const write = await send(app, USER_GROUPS, { method: 'POST', headers: fromEvil(), body: { name: 'Planted' } });
    expect(write.status).toBe(200);
    expect(groupCount(db)).toBe(before + 1);

    const dns = await send(app, '/__sandbox/dns/records', { method: 'POST', headers: fromEvil(), body: DNS_RECORD });
    expect(dns.status).toBe(201);
  });

  it('with the check, both are refused and nothing is written', async () => {
    const { app, db } = sandboxApp();
    const before = groupCount(db);
    const write = await send(app, USER_GROUPS, { method: 'POST', headers: fromEvil(), body: { name: 'Planted' } });
    expect(write.status).toBe(403);
    expect(write.json).toMatchObject({ success: false, errors: [{ code: 9109 }] });
    expect(groupCount(db)).toBe(before);

    const records = () => (db.prepare('SELECT COUNT(*) AS n FROM sandbox_dns_records').get() as { n: number }).n;
    const recordsBefore = records();
    const dns = await send(app, '/__sandbox/dns/records', { method: 'POST', headers: fromEvil(), body: DNS_RECORD });
    expect(dns.status).toBe(403);
    expect(records()).toBe(recordsBefore);
  });

  it.each([
    ['another site, by Sec-Fetch-Site', { 'sec-fetch-site': 'cross-site', origin: `http://${OWN_HOST}` }],
    ['another port of this machine (same-site)', { 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:8080' }],
    ['another site, by Origin alone (no Sec-Fetch-*)', { origin: 'https://evil.example', 'sec-fetch-site': '' }],
    ['a sandboxed frame or file: page (Origin: null)', { origin: 'null', 'sec-fetch-site': '' }],
    ['our name on another scheme-less origin', { origin: OWN_HOST, 'sec-fetch-site': '' }],
  ])('refuses %s on /client/v4, /console-api and /__sandbox', async (_label, extra) => {
    const { app } = sandboxApp();
    const headers = dashboardHeaders(extra);
    if (headers['sec-fetch-site'] === '') delete headers['sec-fetch-site'];
    for (const path of [USER_GROUPS, '/console-api/mode', '/__sandbox/dns/records']) {
      expect((await send(app, path, { headers })).status, path).toBe(403);
    }
  });

  it('lets the dashboard, a typed URL and tools without browser headers through', async () => {
    const { app } = sandboxApp();
    expect((await send(app, USER_GROUPS, { headers: dashboardHeaders() })).status).toBe(200);
    expect((await send(app, '/console-api/mode', { headers: { host: OWN_HOST, 'sec-fetch-site': 'none' } })).status).toBe(200);
    // An SDK or curl: its own credential, no Origin, no Sec-Fetch-*.
    expect((await send(app, USER_GROUPS, { headers: { host: OWN_HOST, authorization: 'Bearer sdk' } })).status).toBe(200);
  });

  it('reads the browser labels as documented', () => {
    const headers = (h: Record<string, string>) => new Headers(h);
    expect(crossSiteReason(headers({}), OWN_HOST)).toBeNull();
    expect(crossSiteReason(headers({ origin: `http://${OWN_HOST}` }), OWN_HOST)).toBeNull();
    expect(crossSiteReason(headers({ 'sec-fetch-site': 'same-origin' }), OWN_HOST)).toBeNull();
    expect(crossSiteReason(headers({ 'sec-fetch-site': 'same-site' }), OWN_HOST)).toContain('same-site');
    expect(crossSiteReason(headers({ origin: 'http://localhost:3000' }), OWN_HOST)).toContain('Origin');
  });
});
