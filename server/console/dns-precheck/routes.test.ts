import { describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createTestSandbox } from '../../sandbox/test-support.ts';
import { createDnsPrecheckApi } from './routes.ts';
import { type ResolveTxt } from '../../dns/resolver.ts';
import { insertTxtRecord, sandboxDnsZone } from '../../sandbox/dns-zone/zone.ts';

async function get(app: { request: (path: string) => Response | Promise<Response> }, path: string) {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as any };
}

function dnsError(code: string): Error {
  return Object.assign(new Error(`queryTxt ${code}`), { code });
}

describe('DNS pre-check (/console-api/dns/txt)', () => {
  it('reads the sandbox zone in sandbox mode', async () => {
    const { db } = createTestSandbox('empty');
    insertTxtRecord(db, 'acme.com', 'cloudflare_dashboard_sso=abc');
    insertTxtRecord(db, 'acme.com', 'v=spf1 -all');
    insertTxtRecord(db, 'other.com', 'nope');
    const app = createDnsPrecheckApi({ mode: 'sandbox', zone: sandboxDnsZone(db) });
    expect(await get(app, '/txt?name=ACME.com.')).toEqual({
      status: 200,
      body: { name: 'acme.com', records: ['cloudflare_dashboard_sso=abc', 'v=spf1 -all'], source: 'sandbox' },
    });
    expect((await get(app, '/txt?name=nothing.example')).body.records).toEqual([]);
  });

  it('asks DNS in live mode, joining the strings of each TXT record', async () => {
    const asked: string[] = [];
    const resolveTxt: ResolveTxt = async (name) => {
      asked.push(name);
      return [['cloudflare_dashboard_sso=', 'abc'], ['v=spf1 -all']];
    };
    const app = createDnsPrecheckApi({ mode: 'live', resolveTxt });
    const res = await get(app, '/txt?name=bücher.de');
    expect(res).toEqual({
      status: 200,
      body: { name: 'xn--bcher-kva.de', records: ['cloudflare_dashboard_sso=abc', 'v=spf1 -all'], source: 'dns' },
    });
    expect(asked).toEqual(['xn--bcher-kva.de']);
  });

  it.each(['ENOTFOUND', 'ENODATA'])('answers no records when DNS says %s', async (code) => {
    const app = createDnsPrecheckApi({ mode: 'live', resolveTxt: async () => Promise.reject(dnsError(code)) });
    expect(await get(app, '/txt?name=acme.com')).toEqual({ status: 200, body: { name: 'acme.com', records: [], source: 'dns' } });
  });

  it.each(['ETIMEOUT', 'ESERVFAIL', 'ECONNREFUSED'])('answers 502 with a message when DNS fails with %s', async (code) => {
    const app = createDnsPrecheckApi({ mode: 'live', resolveTxt: async () => Promise.reject(dnsError(code)) });
    const res = await get(app, '/txt?name=acme.com');
    expect(res.status).toBe(502);
    expect(res.body.errors[0].message).toContain(code);
  });

  it.each([
    ['', 'name'],
    ['?name=', 'must not be empty'],
    ['?name=https://acme.com', 'scheme'],
    ['?name=acme.com/x', 'path'],
    ['?name=acme', 'at least one dot'],
    [`?name=${'a'.repeat(300)}.com`, '253'],
  ])('rejects the query %j', async (query, hint) => {
    let asked = false;
    const app = createDnsPrecheckApi({ mode: 'live', resolveTxt: async () => ((asked = true), []) });
    const res = await get(app, `/txt${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'name', message: expect.stringContaining(hint) });
    expect(asked).toBe(false);
  });

  it.each(['/txt?name=metadata.google.internal', '/zone?name=metadata.google.internal', '/txt?name=printer.lan'])(
    'live mode refuses a name that is not a public DNS name, before any lookup: %s',
    async (path) => {
      let asked = false;
      const ask = async () => ((asked = true), []);
      const app = createDnsPrecheckApi({ mode: 'live', resolveTxt: ask, resolveSoa: ask, resolveNs: ask });
      const res = await get(app, path);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toMatch(/not a public DNS name/);
      expect(asked).toBe(false);
    },
  );

  it('is mounted by the server in both modes', async () => {
    const { db } = createTestSandbox('empty');
    insertTxtRecord(db, 'acme.com', 'hello');
    const sandboxApp = createApp({ config: loadConfig({}), db, serveSpa: false });
    expect((await get(sandboxApp, '/console-api/dns/txt?name=acme.com')).body).toEqual({
      name: 'acme.com',
      records: ['hello'],
      source: 'sandbox',
    });
    // About routing, not sign-in: live mode's session check is tested in server/security/.
    const liveApp = createApp({
      config: loadConfig({ CLOUDFLARE_API_TOKEN: 'token' }),
      db: null,
      serveSpa: false,
      security: { session: false },
    });
    const bad = await get(liveApp, '/console-api/dns/txt?name=not%20valid');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('name');
  });
});

describe('DNS zone of a name (/console-api/dns/zone)', () => {
  it('live mode walks up to the closest name with an SOA and names the provider from its NS records', async () => {
    const soaAsked: string[] = [];
    const app = createDnsPrecheckApi({
      mode: 'live',
      resolveSoa: async (name) => {
        soaAsked.push(name);
        if (name === 'acme.com') return { nsname: 'lara.ns.cloudflare.com' };
        throw dnsError('ENODATA');
      },
      resolveNs: async (name) => (name === 'acme.com' ? ['lara.ns.cloudflare.com', 'greg.ns.cloudflare.com'] : []),
    });
    expect(await get(app, '/zone?name=EU.acme.com')).toEqual({
      status: 200,
      body: { name: 'eu.acme.com', zone: 'acme.com', provider: 'Cloudflare DNS', source: 'dns' },
    });
    expect(soaAsked).toEqual(['eu.acme.com', 'acme.com']);
  });

  it('live mode reports a failing resolver as 502, not as "no zone"', async () => {
    const app = createDnsPrecheckApi({ mode: 'live', resolveSoa: async () => Promise.reject(dnsError('ETIMEOUT')) });
    const res = await get(app, '/zone?name=eu.acme.com');
    expect(res.status).toBe(502);
    expect(res.body.errors[0].message).toMatch(/ETIMEOUT/);
  });

  it('the sandbox hosts its zones (with their name servers), and otherwise the registrable domain', async () => {
    const { db } = createTestSandbox('default');
    const app = createDnsPrecheckApi({ mode: 'sandbox', zone: sandboxDnsZone(db) });
    expect((await get(app, '/zone?name=eu.acme.com')).body).toMatchObject({ zone: 'acme.com', provider: 'Cloudflare DNS' });
    expect((await get(app, '/zone?name=mail.uk.acme.co.uk')).body.zone).toBe('acme.co.uk');
    expect((await get(app, '/zone?name=shop.example.org')).body.zone).toBe('example.org');
    expect((await get(app, '/zone?name=a.b.example.com.au')).body.zone).toBe('example.com.au');
    expect((await get(app, '/zone')).status).toBe(400);
  });
});
