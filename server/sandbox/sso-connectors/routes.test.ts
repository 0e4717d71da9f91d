import { describe, expect, it } from 'vitest';
import type { Db } from '../db/open.ts';
import { timestamp } from '../ids.ts';
import { ACCOUNT, createTestSandbox, snapshotCounts } from '../test-support.ts';
import { insertTxtRecord } from '../dns-zone/zone.ts';
import { ACADEMIC_APPROVAL_MESSAGE, settleSsoConnector, type SsoConnectorRow } from './routes.ts';

const base = `/accounts/${ACCOUNT}/sso_connectors`;
const OTHER_ACCOUNT = 'ab'.repeat(16);
const HOUR = 60 * 60 * 1000;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+Z$/;

function row(db: Db, id: string): SsoConnectorRow {
  return db.prepare('SELECT * FROM sso_connectors WHERE id = ?').get(id) as SsoConnectorRow;
}

/** Moves a connector's clock back, as if verification had begun `ms` ago. */
function startedAgo(db: Db, id: string, ms: number) {
  const then = timestamp(new Date(Date.now() - ms));
  db.prepare('UPDATE sso_connectors SET verification_started_at = ?, updated_on = ? WHERE id = ?').run(then, then, id);
}

function expectRejected(res: { status: number; body: any }, status: number, code: number, field?: string) {
  expect(res.status).toBe(status);
  expect(res.body.success).toBe(false);
  expect(res.body.result).toBeNull();
  const error = res.body.errors[0];
  expect(error.code).toBe(code);
  expect(error.code).toBeGreaterThanOrEqual(1000);
  if (field) {
    expect(error.message).toContain(field);
    expect(error.source?.pointer).toBe(`/${field}`);
  }
}

describe('SSO connectors: create', () => {
  it('creates a pending connector with every field of the model and an opaque code', async () => {
    const { call } = createTestSandbox('empty', 60_000);
    const res = await call('POST', base, { email_domain: 'acme-corp.com' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, errors: [], messages: [] });
    const c = res.body.result;
    expect(c).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      created_on: expect.stringMatching(ISO),
      email_domain: 'acme-corp.com',
      enabled: false,
      updated_on: c.created_on,
      use_fedramp_language: false,
      verification: { code: expect.stringMatching(/^cloudflare_dashboard_sso=[0-9a-f]{32}$/), status: 'pending' },
    });
    expect(c.verification.code).not.toBe(`cloudflare_dashboard_sso=${c.id}`);
    expect(c.verification.code).not.toBe(`cloudflare_dashboard_sso=${ACCOUNT}`);
  });

  it('creates an awaiting connector when begin_verification is false, with FedRAMP language', async () => {
    const { call, db } = createTestSandbox('empty');
    const res = await call('POST', base, { email_domain: 'acme.io', begin_verification: false, use_fedramp_language: true });
    expect(res.status).toBe(200);
    expect(res.body.result.verification.status).toBe('awaiting');
    expect(res.body.result.use_fedramp_language).toBe(true);
    expect(row(db, res.body.result.id).verification_started_at).toBeNull();
  });

  it.each([
    ['Example.COM', 'example.com'],
    ['example.com.', 'example.com'],
    ['mail.Example.co.uk', 'mail.example.co.uk'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
  ])('stores %s as %s', async (input, stored) => {
    const { call } = createTestSandbox('empty');
    const res = await call('POST', base, { email_domain: input });
    expect(res.status).toBe(200);
    expect(res.body.result.email_domain).toBe(stored);
  });

  it.each([
    { input: 'https://example.com', hint: 'scheme' },
    { input: 'example.com/login', hint: 'path' },
    { input: 'example.com:8443', hint: 'port' },
    { input: 'exa mple.com', hint: 'spaces' },
    { input: ' example.com', hint: 'spaces' },
    { input: 'admin@example.com', hint: 'user part' },
    { input: 'localhost', hint: 'at least one dot' },
    { input: '-bad.example.com', hint: 'hyphen' },
    { input: 'bad-.example.com', hint: 'hyphen' },
    { input: 'under_score.com', hint: 'letters, digits and hyphens' },
    { input: 'ex..com', hint: 'empty labels' },
    { input: '10.0.0.1', hint: 'IP address' },
    { input: 'xn--zz.com', hint: 'not a valid domain' },
    { input: '\u0300bücher.de', hint: 'punycode' },
    { input: '', hint: 'must not be empty' },
    { input: `${'a'.repeat(64)}.com`, hint: '63 characters' },
    { input: `${'abcdefghi.'.repeat(26)}com`, hint: '253 characters' },
    { input: 'x'.repeat(10_000), hint: '253 characters' },
  ])('rejects an email_domain with $hint without writing', async ({ input, hint }) => {
    const { call, db } = createTestSandbox('empty');
    const before = snapshotCounts(db);
    const res = await call('POST', base, { email_domain: input });
    expectRejected(res, 400, 1001, 'email_domain');
    expect(res.body.errors[0]!.message).toContain(hint);
    expect(snapshotCounts(db)).toEqual(before);
  });

  it.each(['gmail.com', 'Outlook.com', 'proton.me', 'mail.yahoo.com', 'icloud.com'])(
    'refuses the public email provider %s',
    async (domain) => {
      const { call, db } = createTestSandbox('empty');
      const before = snapshotCounts(db);
      const res = await call('POST', base, { email_domain: domain });
      expectRejected(res, 400, 1001, 'email_domain');
      expect(res.body.errors[0]!.message).toContain('public email provider');
      expect(snapshotCounts(db)).toEqual(before);
    },
  );

  it('refuses a domain already connected, in this account or another, with code 1004', async () => {
    const { call, db } = createTestSandbox('empty');
    expect((await call('POST', base, { email_domain: 'acme.com' })).status).toBe(200);
    const before = snapshotCounts(db);
    const again = await call('POST', base, { email_domain: 'ACME.com' });
    expectRejected(again, 400, 1004, 'email_domain');
    expect(again.body.errors[0]!.message).toContain('already connected');

    const now = timestamp();
    db.prepare('INSERT INTO accounts (id, name, type, created_on) VALUES (?, ?, ?, ?)').run(OTHER_ACCOUNT, 'Other', 'standard', now);
    db.prepare(
      `INSERT INTO sso_connectors (id, account_id, email_domain, verification_code, verification_status, created_on, updated_on)
       VALUES (?, ?, 'globex.com', 'cloudflare_dashboard_sso=1', 'verified', ?, ?)`,
    ).run('cd'.repeat(16), OTHER_ACCOUNT, now, now);
    const before2 = snapshotCounts(db);
    const elsewhere = await call('POST', base, { email_domain: 'globex.com' });
    expectRejected(elsewhere, 400, 1004, 'email_domain');
    expect(snapshotCounts(db)).toEqual(before2);
    expect(before2.sso_connectors).toBe(before.sso_connectors! + 1);
  });

  it.each([
    ['a missing email_domain', {}, 'email_domain'],
    ['a non-string email_domain', { email_domain: 42 }, 'email_domain'],
    ['a non-boolean begin_verification', { email_domain: 'a.com', begin_verification: 'yes' }, 'begin_verification'],
    ['a null use_fedramp_language', { email_domain: 'a.com', use_fedramp_language: null }, 'use_fedramp_language'],
    ['an unknown field', { email_domain: 'a.com', enabled: true }, 'enabled'],
  ])('rejects %s', async (_label, body, field) => {
    const { call, db } = createTestSandbox('empty');
    const before = snapshotCounts(db);
    const res = await call('POST', base, body);
    expectRejected(res, 400, 1001, field);
    expect(snapshotCounts(db)).toEqual(before);
  });

  it('rejects malformed JSON, an empty body and a JSON array', async () => {
    const { call, db } = createTestSandbox('empty');
    const before = snapshotCounts(db);
    expectRejected(await call('POST', base, '{"email_domain": '), 400, 6007);
    expectRejected(await call('POST', base), 400, 1001);
    expectRejected(await call('POST', base, [{ email_domain: 'a.com' }]), 400, 1001);
    expect(snapshotCounts(db)).toEqual(before);
  });

  it('requires a credential', async () => {
    const { call } = createTestSandbox('empty');
    const res = await call('POST', base, { email_domain: 'a.com' }, {});
    expect(res.status).toBe(400);
    expect(res.body.errors[0]!.code).toBe(9106);
  });
});

describe('SSO connectors: read, update, delete', () => {
  it('lists the account’s connectors in creation order with result_info', async () => {
    const { call, db } = createTestSandbox('empty');
    const a = (await call('POST', base, { email_domain: 'a-corp.com' })).body.result;
    const b = (await call('POST', base, { email_domain: 'b-corp.com', begin_verification: false })).body.result;
    db.prepare('INSERT INTO accounts (id, name, type, created_on) VALUES (?, ?, ?, ?)').run(OTHER_ACCOUNT, 'Other', 'standard', timestamp());
    db.prepare(
      `INSERT INTO sso_connectors (id, account_id, email_domain, verification_code, verification_status, created_on, updated_on)
       VALUES (?, ?, 'globex.com', 'cloudflare_dashboard_sso=1', 'awaiting', ?, ?)`,
    ).run('cd'.repeat(16), OTHER_ACCOUNT, timestamp(), timestamp());
    const res = await call('GET', base);
    expect(res.status).toBe(200);
    expect(res.body.result.map((c: any) => c.id)).toEqual([a.id, b.id]);
    expect(res.body.result_info).toMatchObject({ page: 1, count: 2, total_count: 2 });
  });

  it('gets one connector; unknown, malformed and other-account ids are not found', async () => {
    const { call, db } = createTestSandbox('empty', 60_000);
    const created = (await call('POST', base, { email_domain: 'acme.com' })).body.result;
    const one = await call('GET', `${base}/${created.id}`);
    expect(one.status).toBe(200);
    expect(one.body.result).toEqual(created);
    expectRejected(await call('GET', `${base}/${'0'.repeat(32)}`), 404, 1003);
    expectRejected(await call('GET', `${base}/not-an-id`), 404, 7003);
    expectRejected(await call('GET', `${base}/${created.id.toUpperCase()}`), 404, 7003);
    db.prepare('INSERT INTO accounts (id, name, type, created_on) VALUES (?, ?, ?, ?)').run(OTHER_ACCOUNT, 'Other', 'standard', timestamp());
    expectRejected(await call('GET', `/accounts/${OTHER_ACCOUNT}/sso_connectors/${created.id}`), 404, 1003);
  });

  it('toggles FedRAMP language and bumps updated_on; a no-op PATCH changes nothing', async () => {
    const { call, db } = createTestSandbox('empty');
    const created = (await call('POST', base, { email_domain: 'acme.com', begin_verification: false })).body.result;
    db.prepare("UPDATE sso_connectors SET updated_on = '2024-01-01T00:00:00.000000Z' WHERE id = ?").run(created.id);
    const res = await call('PATCH', `${base}/${created.id}`, { use_fedramp_language: true });
    expect(res.status).toBe(200);
    expect(res.body.result.use_fedramp_language).toBe(true);
    expect(res.body.result.updated_on > '2024-01-01T00:00:00.000000Z').toBe(true);
    expect(row(db, created.id).use_fedramp_language).toBe(1);

    db.prepare("UPDATE sso_connectors SET updated_on = '2024-01-01T00:00:00.000000Z' WHERE id = ?").run(created.id);
    const same = await call('PATCH', `${base}/${created.id}`, { use_fedramp_language: true, enabled: false });
    expect(same.status).toBe(200);
    expect(same.body.result.updated_on).toBe('2024-01-01T00:00:00.000000Z');
    expect((await call('PATCH', `${base}/${created.id}`, {})).status).toBe(200);
  });

  it('refuses to enable a connector that is not verified, and enables a verified one', async () => {
    const { call, db } = createTestSandbox('empty', 60_000);
    const created = (await call('POST', base, { email_domain: 'acme.com' })).body.result;
    const before = row(db, created.id);
    const res = await call('PATCH', `${base}/${created.id}`, { enabled: true });
    expectRejected(res, 400, 1005, 'enabled');
    expect(res.body.errors[0]!.message).toContain('verify the email domain');
    expect(row(db, created.id)).toEqual(before);

    insertTxtRecord(db, 'acme.com', created.verification.code);
    startedAgo(db, created.id, 61_000);
    const enabled = await call('PATCH', `${base}/${created.id}`, { enabled: true });
    expect(enabled.status).toBe(200);
    expect(enabled.body.result).toMatchObject({ enabled: true, verification: { status: 'verified' } });
    const disabled = await call('PATCH', `${base}/${created.id}`, { enabled: false });
    expect(disabled.body.result.enabled).toBe(false);
  });

  it('creates and verifies an academic domain, but enabling it waits for Cloudflare approval (TODAY.md row 17)', async () => {
    const { call, db } = createTestSandbox('empty', 60_000);
    const created = await call('POST', base, { email_domain: 'cs.example.edu' });
    expect(created.status).toBe(200);
    const id = created.body.result.id;
    insertTxtRecord(db, 'cs.example.edu', created.body.result.verification.code);
    startedAgo(db, id, 61_000);
    expect((await call('GET', `${base}/${id}`)).body.result.verification.status).toBe('verified');
    const before = row(db, id);
    const res = await call('PATCH', `${base}/${id}`, { enabled: true });
    expectRejected(res, 400, 1001, 'enabled');
    expect(res.body.errors[0]!.message).toBe(ACADEMIC_APPROVAL_MESSAGE);
    expect(row(db, id)).toEqual(before);
  });

  it.each([
    ['a string boolean', { enabled: 'true' }, 'enabled'],
    ['a read-only email_domain', { email_domain: 'other.com' }, 'email_domain'],
    ['a read-only verification', { verification: { status: 'verified' } }, 'verification'],
    ['a read-only id', { id: 'ab'.repeat(16) }, 'id'],
    ['an unknown field', { name: 'x' }, 'name'],
  ])('PATCH rejects %s without writing', async (_label, body, field) => {
    const { call, db } = createTestSandbox('empty');
    const created = (await call('POST', base, { email_domain: 'acme.com', begin_verification: false })).body.result;
    const before = row(db, created.id);
    expectRejected(await call('PATCH', `${base}/${created.id}`, body), 400, 1001, field);
    expect(row(db, created.id)).toEqual(before);
  });

  it('PATCH rejects malformed JSON, a missing body and unknown ids', async () => {
    const { call } = createTestSandbox('empty');
    const created = (await call('POST', base, { email_domain: 'acme.com', begin_verification: false })).body.result;
    expectRejected(await call('PATCH', `${base}/${created.id}`, '{enabled:true}'), 400, 6007);
    expectRejected(await call('PATCH', `${base}/${created.id}`), 400, 1001);
    expectRejected(await call('PATCH', `${base}/${'0'.repeat(32)}`, { enabled: false }), 404, 1003);
    expectRejected(await call('PATCH', `${base}/zzz`, { enabled: false }), 404, 7003);
  });

  it('deletes a connector, answering its id; the domain can then be connected again', async () => {
    const { call, db } = createTestSandbox('empty');
    const created = (await call('POST', base, { email_domain: 'acme.com' })).body.result;
    const res = await call('DELETE', `${base}/${created.id}`);
    expect(res.status).toBe(200);
    expect(res.body.result).toEqual({ id: created.id });
    expect(snapshotCounts(db).sso_connectors).toBe(0);
    expectRejected(await call('GET', `${base}/${created.id}`), 404, 1003);
    expectRejected(await call('DELETE', `${base}/${created.id}`), 404, 1003);
    expectRejected(await call('DELETE', `${base}/nope`), 404, 7003);
    expect((await call('POST', base, { email_domain: 'acme.com' })).status).toBe(200);
  });
});

describe('SSO connectors: verification lifecycle', () => {
  it('goes awaiting → pending → verified once the exact TXT record is published and the delay passed', async () => {
    const { call, db } = createTestSandbox('empty', 60_000);
    const created = (await call('POST', base, { email_domain: 'acme.com', begin_verification: false })).body.result;
    expect(created.verification.status).toBe('awaiting');
    insertTxtRecord(db, 'acme.com', created.verification.code);
    // Awaiting never checks DNS by itself.
    expect((await call('GET', `${base}/${created.id}`)).body.result.verification.status).toBe('awaiting');

    const begin = await call('POST', `${base}/${created.id}/begin_verification`);
    expect(begin.status).toBe(200);
    expect(begin.body).toEqual({ success: true, errors: [], messages: [] });
    expect('result' in begin.body).toBe(false);
    expect((await call('GET', `${base}/${created.id}`)).body.result.verification.status).toBe('pending');

    startedAgo(db, created.id, 61_000);
    const stale = row(db, created.id).updated_on;
    const verified = (await call('GET', `${base}/${created.id}`)).body.result;
    expect(verified.verification).toEqual({ code: created.verification.code, status: 'verified' });
    expect(verified.updated_on > stale).toBe(true);
    // Settled and persisted: stays verified even when the record is later removed.
    expect(row(db, created.id).verification_status).toBe('verified');
    db.prepare('DELETE FROM sandbox_dns_records').run();
    expect((await call('GET', base)).body.result[0].verification.status).toBe('verified');
  });

  it('fails on a wrong cloudflare_dashboard_sso value, then verifies after the record is fixed and retried', async () => {
    const { call, db } = createTestSandbox('empty');
    const created = (await call('POST', base, { email_domain: 'acme.com' })).body.result;
    const wrong = insertTxtRecord(db, 'acme.com', `cloudflare_dashboard_sso=${'0'.repeat(32)}`);
    expect((await call('GET', `${base}/${created.id}`)).body.result.verification.status).toBe('failed');
    // Failed stays failed until verification is begun again.
    db.prepare('DELETE FROM sandbox_dns_records WHERE id = ?').run(wrong.id);
    insertTxtRecord(db, 'acme.com', created.verification.code);
    expect((await call('GET', `${base}/${created.id}`)).body.result.verification.status).toBe('failed');
    expect((await call('POST', `${base}/${created.id}/begin_verification`, {})).status).toBe(200);
    const after = (await call('GET', `${base}/${created.id}`)).body.result;
    expect(after.verification).toEqual({ code: created.verification.code, status: 'verified' });
  });

  it('ignores unrelated TXT records and records on the wrong name; the exact value wins over a wrong one', async () => {
    const { call, db } = createTestSandbox('empty');
    const created = (await call('POST', base, { email_domain: 'acme.com' })).body.result;
    insertTxtRecord(db, 'acme.com', 'v=spf1 include:_spf.example.net ~all');
    insertTxtRecord(db, 'acme.com.acme.com', created.verification.code);
    expect((await call('GET', `${base}/${created.id}`)).body.result.verification.status).toBe('pending');
    insertTxtRecord(db, 'acme.com', 'cloudflare_dashboard_sso=stale');
    insertTxtRecord(db, 'acme.com', created.verification.code);
    expect((await call('GET', `${base}/${created.id}`)).body.result.verification.status).toBe('verified');
  });

  it('stays pending without a record until the 48-hour window closes, then fails', async () => {
    const { call, db } = createTestSandbox('empty');
    const created = (await call('POST', base, { email_domain: 'acme.com' })).body.result;
    startedAgo(db, created.id, 47 * HOUR);
    expect((await call('GET', `${base}/${created.id}`)).body.result.verification.status).toBe('pending');
    startedAgo(db, created.id, 49 * HOUR);
    expect((await call('GET', `${base}/${created.id}`)).body.result.verification.status).toBe('failed');
  });

  it('begin_verification on a pending connector keeps its clock; on a verified one it is refused', async () => {
    const { call, db } = createTestSandbox('empty', 60_000);
    const created = (await call('POST', base, { email_domain: 'acme.com' })).body.result;
    startedAgo(db, created.id, 30_000);
    const started = row(db, created.id).verification_started_at;
    expect((await call('POST', `${base}/${created.id}/begin_verification`)).status).toBe(200);
    expect(row(db, created.id).verification_started_at).toBe(started);

    insertTxtRecord(db, 'acme.com', created.verification.code);
    startedAgo(db, created.id, 61_000);
    const before = snapshotCounts(db);
    const res = await call('POST', `${base}/${created.id}/begin_verification`);
    expectRejected(res, 400, 1005);
    expect(res.body.errors[0]!.message).toContain('already verified');
    expect(snapshotCounts(db)).toEqual(before);
  });

  it('begin_verification rejects a body with fields, malformed JSON and unknown ids', async () => {
    const { call, db } = createTestSandbox('empty');
    const created = (await call('POST', base, { email_domain: 'acme.com', begin_verification: false })).body.result;
    const before = row(db, created.id);
    expectRejected(await call('POST', `${base}/${created.id}/begin_verification`, { force: true }), 400, 1001, 'force');
    expectRejected(await call('POST', `${base}/${created.id}/begin_verification`, '{'), 400, 6007);
    expect(row(db, created.id)).toEqual(before);
    expectRejected(await call('POST', `${base}/${'0'.repeat(32)}/begin_verification`), 404, 1003);
    expectRejected(await call('POST', `${base}/bad/begin_verification`), 404, 7003);
  });

  it('settles with a configurable window and delay (unit)', () => {
    const { db } = createTestSandbox('empty');
    const started = Date.parse('2025-01-01T00:00:00.000Z');
    const pending: SsoConnectorRow = {
      id: 'ab'.repeat(16),
      account_id: ACCOUNT,
      email_domain: 'acme.com',
      enabled: 0,
      use_fedramp_language: 0,
      verification_code: `cloudflare_dashboard_sso=${'1'.repeat(32)}`,
      verification_status: 'pending',
      verification_started_at: timestamp(new Date(started)),
      created_on: timestamp(new Date(started)),
      updated_on: timestamp(new Date(started)),
    };
    const deps = { db, verificationDelayMs: 1000, verificationWindowMs: 5000 };
    expect(settleSsoConnector(db, deps, pending, started + 999).verification_status).toBe('pending');
    expect(settleSsoConnector(db, deps, pending, started + 4999).verification_status).toBe('pending');
    expect(settleSsoConnector(db, deps, pending, started + 5000).verification_status).toBe('failed');
  });
});
