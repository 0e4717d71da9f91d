import { describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createTestSandbox, snapshotCounts } from '../test-support.ts';
import { createSandboxDnsApi, MAX_SANDBOX_DNS_RECORDS } from './routes.ts';
import { parseDomainName } from '../../dns/domain-name.ts';
import { doubledZoneSuffix, insertTxtRecord } from './zone.ts';

function dnsSandbox() {
  const { db } = createTestSandbox('empty');
  const app = createSandboxDnsApi({ db });
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const res = await app.request(path, init);
    return { status: res.status, body: (await res.json()) as any };
  }
  return { db, call };
}

const CODE = `cloudflare_dashboard_sso=${'a1'.repeat(16)}`;

describe('sandbox DNS zone (/__sandbox/dns)', () => {
  it('publishes a TXT record, lists it by name and deletes it', async () => {
    const { call, db } = dnsSandbox();
    const created = await call('POST', '/records', { name: 'Acme.COM.', type: 'TXT', content: CODE });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      record: { id: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'acme.com', type: 'TXT', content: CODE, created_on: expect.any(String) },
    });
    insertTxtRecord(db, 'other.com', 'v=spf1 -all');

    const byName = await call('GET', '/records?name=ACME.com');
    expect(byName.status).toBe(200);
    expect(byName.body.records).toEqual([created.body.record]);
    expect((await call('GET', '/records')).body.records).toHaveLength(2);
    expect((await call('GET', '/records?name=nothing.example')).body.records).toEqual([]);

    const removed = await call('DELETE', `/records/${created.body.record.id}`);
    expect(removed).toEqual({ status: 200, body: { id: created.body.record.id } });
    expect((await call('GET', '/records?name=acme.com')).body.records).toEqual([]);
    expect((await call('DELETE', `/records/${created.body.record.id}`)).status).toBe(404);
  });

  it('publishes a zone-file quoted value without its quotes, as DNS providers do', async () => {
    const { call } = dnsSandbox();
    const created = await call('POST', '/records', { name: 'acme.com', type: 'TXT', content: `"${CODE}"` });
    expect(created.status).toBe(201);
    expect(created.body.record.content).toBe(CODE);
    expect((await call('POST', '/records', { name: 'acme.com', type: 'TXT', content: '""' })).status).toBe(400);
  });

  it('accepts service labels such as _acme-challenge and IDN names (stored as punycode)', async () => {
    const { call } = dnsSandbox();
    expect((await call('POST', '/records', { name: '_acme-challenge.acme.com', type: 'TXT', content: 'x' })).body.record.name).toBe(
      '_acme-challenge.acme.com',
    );
    expect((await call('POST', '/records', { name: 'bücher.de', type: 'TXT', content: 'x' })).body.record.name).toBe('xn--bcher-kva.de');
  });

  it('warns about a doubled zone suffix but still publishes, as a DNS provider would', async () => {
    const { call } = dnsSandbox();
    const res = await call('POST', '/records', { name: 'acme.com.acme.com', type: 'TXT', content: CODE });
    expect(res.status).toBe(201);
    expect(res.body.warning).toContain('repeats the zone acme.com');
    expect(res.body.record.warning).toBe(res.body.warning);
    expect((await call('GET', '/records?name=acme.com.acme.com')).body.records[0].warning).toContain('"@"');
    const fine = await call('POST', '/records', { name: 'acme.com', type: 'TXT', content: CODE });
    expect(fine.body.warning).toBeUndefined();
  });

  it.each([
    { body: { type: 'TXT', content: 'x' }, field: 'name' },
    { body: { name: 'acme.com', content: 'x' }, field: 'type' },
    { body: { name: 'acme.com', type: 'TXT' }, field: 'content' },
    { body: { name: 'acme.com', type: 'CNAME', content: 'x' }, field: 'type' },
    { body: { name: 'acme.com', type: 'txt', content: 'x' }, field: 'type' },
    { body: { name: 'https://acme.com', type: 'TXT', content: 'x' }, field: 'name' },
    { body: { name: '@', type: 'TXT', content: 'x' }, field: 'name' },
    { body: { name: 'acme', type: 'TXT', content: 'x' }, field: 'name' },
    { body: { name: 'a'.repeat(300), type: 'TXT', content: 'x' }, field: 'name' },
    { body: { name: 'acme.com', type: 'TXT', content: '' }, field: 'content' },
    { body: { name: 'acme.com', type: 'TXT', content: 'x'.repeat(2049) }, field: 'content' },
    { body: { name: 'acme.com', type: 'TXT', content: 'line\nbreak' }, field: 'content' },
    { body: { name: 'acme.com', type: 'TXT', content: 42 }, field: 'content' },
    { body: { name: 'acme.com', type: 'TXT', content: 'x', ttl: 300 }, field: 'ttl' },
  ])('rejects a record with a bad $field', async ({ body, field }) => {
    const { call, db } = dnsSandbox();
    const before = snapshotCounts(db);
    const res = await call('POST', '/records', body);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field, message: expect.stringContaining(field) });
    expect(snapshotCounts(db)).toEqual(before);
  });

  it('rejects malformed JSON, a non-JSON content type, a duplicate and a full zone', async () => {
    const { call, db } = dnsSandbox();
    const before = snapshotCounts(db);
    expect((await call('POST', '/records', '{"name":')).status).toBe(400);
    const form = await call('POST', '/records', 'name=acme.com&type=TXT&content=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect(snapshotCounts(db)).toEqual(before);

    expect((await call('POST', '/records', { name: 'acme.com', type: 'TXT', content: CODE })).status).toBe(201);
    const dup = await call('POST', '/records', { name: 'acme.com', type: 'TXT', content: CODE });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0].message).toContain('identical');

    const insert = db.prepare("INSERT INTO sandbox_dns_records (id, name, type, content, created_on) VALUES (?, 'filler.com', 'TXT', ?, '')");
    db.transaction(() => {
      for (let i = 1; i < MAX_SANDBOX_DNS_RECORDS; i++) insert.run(i.toString(16).padStart(32, '0'), `v${i}`);
    })();
    const full = await call('POST', '/records', { name: 'acme.com', type: 'TXT', content: 'one more' });
    expect(full.status).toBe(400);
    expect(full.body.errors[0].message).toContain('full');
    expect(snapshotCounts(db).sandbox_dns_records).toBe(MAX_SANDBOX_DNS_RECORDS);
  });

  it('rejects a bad name filter and a malformed record id', async () => {
    const { call } = dnsSandbox();
    const bad = await call('GET', '/records?name=not%20a%20name');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('name');
    expect((await call('DELETE', '/records/xyz')).status).toBe(400);
    expect((await call('DELETE', `/records/${'0'.repeat(32)}`)).status).toBe(404);
  });

  it('is mounted by the server in sandbox mode only', async () => {
    const { db } = createTestSandbox('empty');
    const sandboxApp = createApp({ config: loadConfig({}), db, serveSpa: false });
    const res = await sandboxApp.request('/__sandbox/dns/records', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'acme.com', type: 'TXT', content: CODE }),
    });
    expect(res.status).toBe(201);
    expect(((await (await sandboxApp.request('/__sandbox/dns/records')).json()) as any).records).toHaveLength(1);

    // About routing, not sign-in: live mode's session check is tested in server/security/.
    const liveApp = createApp({
      config: loadConfig({ CLOUDFLARE_API_TOKEN: 'token' }),
      db: null,
      serveSpa: false,
      security: { session: false },
    });
    expect((await liveApp.request('/__sandbox/dns/records')).status).toBe(404);
  });
});

describe('sandbox DNS names', () => {
  it.each([
    ['example.com.example.com', 'example.com'],
    ['_cf.example.com.example.com', 'example.com'],
    ['a.b.example.co.uk.example.co.uk', 'example.co.uk'],
    ['example.com', null],
    ['com.com', null],
    ['www.example.com', null],
    ['example.example.com', null],
  ])('doubledZoneSuffix(%s) = %s', (name, zone) => {
    expect(doubledZoneSuffix(name)).toBe(zone);
  });

  it('allows underscores only in record names', () => {
    expect(parseDomainName('_dmarc.example.com', { recordName: true })).toEqual({ ok: true, value: '_dmarc.example.com' });
    expect(parseDomainName('_dmarc.example.com').ok).toBe(false);
  });
});
