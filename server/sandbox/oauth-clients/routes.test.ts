import { describe, expect, it } from 'vitest';
import type { Db } from '../db/open.ts';
import { timestamp } from '../ids.ts';
import { hashSecret } from '../secrets.ts';
import { ACCOUNT, createTestSandbox, snapshotCounts } from '../test-support.ts';
import type { OAuthClientRow } from './model.ts';
import { insertTxtRecord } from '../dns-zone/zone.ts';

const base = `/accounts/${ACCOUNT}/oauth_clients`;
const OTHER_ACCOUNT = 'ab'.repeat(16);
const HOUR = 60 * 60 * 1000;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+Z$/;
const OLD = '2024-01-01T00:00:00.000000Z';

const valid = {
  client_name: 'Acme Deploy Bot',
  grant_types: ['authorization_code', 'refresh_token'],
  redirect_uris: ['https://app.acme.com/callback'],
  response_types: ['code'],
  scopes: ['account.read'],
  token_endpoint_auth_method: 'client_secret_post',
};

/** A sandbox whose scope catalogue surely holds the ids these tests use. */
function sandbox(verificationDelayMs = 0) {
  const t = createTestSandbox('empty', verificationDelayMs);
  const insert = t.db.prepare('INSERT OR IGNORE INTO oauth_scopes (id, name, category, scopes, position) VALUES (?, ?, ?, ?, ?)');
  insert.run('account.read', 'Account Read', 'Account', '[]', 1000);
  insert.run('zone.read', 'Zone Read', 'Zones', '[]', 1001);
  insert.run('dns.edit', 'DNS Edit', 'DNS', '[]', 1002);
  return t;
}

function row(db: Db, id: string): OAuthClientRow {
  return db.prepare('SELECT * FROM oauth_clients WHERE client_id = ?').get(id) as OAuthClientRow;
}

function dump(db: Db): string {
  return JSON.stringify(db.prepare('SELECT * FROM oauth_clients').all());
}

function startedAgo(db: Db, id: string, ms: number) {
  db.prepare('UPDATE oauth_clients SET uri_verification_started_at = ?, updated_at = ? WHERE client_id = ?').run(
    timestamp(new Date(Date.now() - ms)),
    OLD,
    id,
  );
}

function expectRejected(res: { status: number; body: any }, status: number, code: number, pointer?: string) {
  expect(res.status).toBe(status);
  expect(res.body.success).toBe(false);
  expect(res.body.result).toBeNull();
  const error = pointer ? res.body.errors.find((e: any) => e.source?.pointer === pointer) : res.body.errors[0];
  expect(error, JSON.stringify(res.body.errors)).toBeDefined();
  expect(error.code).toBe(code);
  if (pointer) {
    const field = pointer.split('/')[1]!;
    expect(error.message).toContain(field);
  }
  return error as { code: number; message: string };
}

async function create(call: ReturnType<typeof sandbox>['call'], body: Record<string, unknown> = {}) {
  const res = await call('POST', base, { ...valid, ...body });
  expect(res.status, JSON.stringify(res.body.errors)).toBe(200);
  return res.body.result;
}

describe('OAuth clients: create', () => {
  it('creates a private client, returns its secret once and stores only the hash', async () => {
    const { call, db } = sandbox();
    const res = await call('POST', base, valid);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, errors: [], messages: [] });
    const c = res.body.result;
    expect(c).toEqual({
      client_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      visibility: 'private',
      client_name: 'Acme Deploy Bot',
      client_secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      redirect_uris: ['https://app.acme.com/callback'],
      post_logout_redirect_uris: [],
      allowed_cors_origins: [],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      scopes: ['account.read', 'offline_access'],
      optional_scopes: [],
      token_endpoint_auth_method: 'client_secret_post',
      has_rotated_secret: false,
      created_at: expect.stringMatching(ISO),
      updated_at: c.created_at,
    });
    const stored = row(db, c.client_id);
    expect(stored.secret_hash).toBe(hashSecret(c.client_secret));
    expect(JSON.stringify(db.prepare('SELECT * FROM sqlite_master').all()) + dump(db)).not.toContain(c.client_secret);

    const one = await call('GET', `${base}/${c.client_id}`);
    const { client_secret: _secret, ...withoutSecret } = c;
    expect(one.body.result).toEqual(withoutSecret);
    const list = await call('GET', base);
    expect(JSON.stringify(one.body) + JSON.stringify(list.body)).not.toContain(c.client_secret);
    expect(list.body.result[0]).not.toHaveProperty('client_secret');
  });

  it('takes every optional field and keeps the seed’s JSON layout', async () => {
    const { call, db } = sandbox(60_000);
    const c = await create(call, {
      client_uri: 'https://acme.com/about',
      logo_uri: 'https://cdn.acme.com/logo.png',
      policy_uri: 'https://acme.com/privacy',
      tos_uri: 'https://acme.com/terms',
      post_logout_redirect_uris: ['https://app.acme.com/bye', 'http://localhost:5173/bye'],
      allowed_cors_origins: ['https://app.acme.com', 'http://localhost:5173', 'https://app.acme.com:8443'],
      redirect_uris: ['https://app.acme.com/callback', 'http://127.0.0.1:8080/cb', 'http://[::1]/cb'],
      scopes: ['account.read', 'zone.read', 'profile', 'email'],
      optional_scopes: ['zone.read', 'email'],
      token_endpoint_auth_method: 'none',
    });
    expect(c).toMatchObject({
      client_uri: 'https://acme.com/about',
      client_uri_verification: { status: 'pending', text: expect.stringMatching(/^cloudflare_oauth_client_verification=[0-9a-f]{32}$/) },
      logo_uri: 'https://cdn.acme.com/logo.png',
      policy_uri: 'https://acme.com/privacy',
      tos_uri: 'https://acme.com/terms',
      optional_scopes: ['zone.read', 'email'],
      scopes: ['account.read', 'zone.read', 'profile', 'email', 'offline_access'],
      token_endpoint_auth_method: 'none',
    });
    expect(Object.keys(JSON.parse(row(db, c.client_id).fields)).sort()).toEqual(
      [
        'client_name', 'client_uri', 'logo_uri', 'policy_uri', 'tos_uri', 'redirect_uris', 'post_logout_redirect_uris',
        'allowed_cors_origins', 'grant_types', 'response_types', 'scopes', 'optional_scopes', 'token_endpoint_auth_method',
      ].sort(),
    );
  });

  it.each([
    { grant_types: ['authorization_code'], response_types: ['code'], scopes: ['account.read', 'openid', 'offline_access'], out: ['account.read'] },
    {
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code', 'id_token'],
      scopes: ['account.read'],
      out: ['account.read', 'openid', 'offline_access'],
    },
    { grant_types: ['authorization_code'], response_types: ['code', 'id_token'], scopes: ['openid', 'account.read'], out: ['openid', 'account.read'] },
    { grant_types: ['authorization_code'], response_types: ['token'], scopes: ['profile', 'email'], out: ['profile', 'email'] },
  ])('manages protocol scopes: $scopes with $grant_types / $response_types → $out', async ({ out, ...body }) => {
    const { call } = sandbox();
    expect((await create(call, body)).scopes).toEqual(out);
  });

  it.each([
    ...['client_name', 'grant_types', 'redirect_uris', 'response_types', 'scopes', 'token_endpoint_auth_method'].map((field) => ({
      label: `a missing ${field}`,
      body: { [field]: undefined },
      pointer: `/${field}`,
      hint: 'is required',
    })),
    { label: 'an empty client_name', body: { client_name: '   ' }, pointer: '/client_name', hint: 'must not be empty' },
    { label: 'a long client_name', body: { client_name: 'x'.repeat(101) }, pointer: '/client_name', hint: '100' },
    { label: 'a numeric client_name', body: { client_name: 7 }, pointer: '/client_name', hint: 'string' },
    { label: 'grant_types without authorization_code', body: { grant_types: ['refresh_token'] }, pointer: '/grant_types', hint: 'authorization_code is required' },
    { label: 'an empty grant_types', body: { grant_types: [] }, pointer: '/grant_types', hint: 'at least one' },
    { label: 'an unknown grant type', body: { grant_types: ['authorization_code', 'client_credentials'] }, pointer: '/grant_types/1', hint: 'refresh_token' },
    { label: 'a duplicate grant type', body: { grant_types: ['authorization_code', 'authorization_code'] }, pointer: '/grant_types/1', hint: 'duplicate' },
    { label: 'grant_types as a string', body: { grant_types: 'authorization_code' }, pointer: '/grant_types', hint: 'array' },
    { label: 'an unknown response type', body: { response_types: ['code', 'password'] }, pointer: '/response_types/1', hint: 'id_token' },
    { label: 'an empty response_types', body: { response_types: [] }, pointer: '/response_types', hint: 'at least one' },
    { label: 'an unknown auth method', body: { token_endpoint_auth_method: 'private_key_jwt' }, pointer: '/token_endpoint_auth_method', hint: 'must be one of' },
    { label: 'no redirect URI', body: { redirect_uris: [] }, pointer: '/redirect_uris', hint: 'at least one' },
    { label: 'a javascript: redirect', body: { redirect_uris: ['https://a.com/cb', 'javascript:alert(1)'] }, pointer: '/redirect_uris/1', hint: 'javascript:' },
    { label: 'a data: redirect', body: { redirect_uris: ['data:text/html,hi'] }, pointer: '/redirect_uris/0', hint: 'data:' },
    { label: 'an http redirect off localhost', body: { redirect_uris: ['http://app.acme.com/cb'] }, pointer: '/redirect_uris/0', hint: 'https://' },
    { label: 'a relative redirect', body: { redirect_uris: ['/callback'] }, pointer: '/redirect_uris/0', hint: 'absolute' },
    { label: 'a custom-scheme redirect', body: { redirect_uris: ['com.acme.app:/cb'] }, pointer: '/redirect_uris/0', hint: 'https://' },
    { label: 'a redirect with a fragment', body: { redirect_uris: ['https://a.com/cb#x'] }, pointer: '/redirect_uris/0', hint: 'fragment' },
    { label: 'a redirect with credentials', body: { redirect_uris: ['https://u:p@a.com/cb'] }, pointer: '/redirect_uris/0', hint: 'password' },
    { label: 'a redirect with a space', body: { redirect_uris: ['https://a.com/c b'] }, pointer: '/redirect_uris/0', hint: 'spaces' },
    { label: 'a host-less redirect', body: { redirect_uris: ['https:///cb'] }, pointer: '/redirect_uris/0', hint: 'host' },
    { label: 'a duplicate redirect', body: { redirect_uris: ['https://a.com/cb', 'https://a.com/cb'] }, pointer: '/redirect_uris/1', hint: 'duplicate' },
    { label: 'too many redirects', body: { redirect_uris: Array.from({ length: 21 }, (_, i) => `https://a.com/${i}`) }, pointer: '/redirect_uris', hint: 'at most 20' },
    { label: 'an oversized redirect', body: { redirect_uris: [`https://a.com/${'x'.repeat(2048)}`] }, pointer: '/redirect_uris/0', hint: '2048' },
    { label: 'a javascript: post-logout URI', body: { post_logout_redirect_uris: ['javascript:void(0)'] }, pointer: '/post_logout_redirect_uris/0', hint: 'javascript:' },
    { label: 'an http logo even on localhost', body: { logo_uri: 'http://localhost/logo.png' }, pointer: '/logo_uri', hint: 'https://' },
    { label: 'a javascript: client_uri', body: { client_uri: 'javascript:alert(1)' }, pointer: '/client_uri', hint: 'javascript:' },
    { label: 'a localhost client_uri (never verifiable)', body: { client_uri: 'https://localhost/app' }, pointer: '/client_uri', hint: 'localhost' },
    { label: 'an ftp policy_uri', body: { policy_uri: 'ftp://acme.com/p' }, pointer: '/policy_uri', hint: 'https://' },
    { label: 'a tos_uri that is not a URL', body: { tos_uri: 'terms' }, pointer: '/tos_uri', hint: 'absolute' },
    { label: 'an origin with a path', body: { allowed_cors_origins: ['https://app.acme.com/app'] }, pointer: '/allowed_cors_origins/0', hint: 'origin' },
    { label: 'an origin with a trailing slash', body: { allowed_cors_origins: ['https://app.acme.com/'] }, pointer: '/allowed_cors_origins/0', hint: 'trailing slash' },
    { label: 'an upper-case origin', body: { allowed_cors_origins: ['https://App.acme.com'] }, pointer: '/allowed_cors_origins/0', hint: 'lower case' },
    { label: 'an http origin off localhost', body: { allowed_cors_origins: ['http://app.acme.com'] }, pointer: '/allowed_cors_origins/0', hint: 'https://' },
    { label: 'a colon-delimited scope', body: { scopes: ['account:read'] }, pointer: '/scopes/0', hint: 'Colon-delimited scopes are not accepted' },
    { label: 'an unknown dotted scope', body: { scopes: ['account.read', 'nope.read'] }, pointer: '/scopes/1', hint: 'not an available OAuth scope' },
    { label: 'an unknown simple scope', body: { scopes: ['admin'] }, pointer: '/scopes/0', hint: 'identity scope' },
    { label: 'offline as a scope', body: { scopes: ['offline'] }, pointer: '/scopes/0', hint: 'identity scope' },
    { label: 'an empty scope', body: { scopes: [''] }, pointer: '/scopes/0', hint: 'must not be empty' },
    { label: 'a duplicate scope', body: { scopes: ['account.read', 'account.read'] }, pointer: '/scopes/1', hint: 'duplicate' },
    { label: 'too many scopes', body: { scopes: Array.from({ length: 101 }, (_, i) => `s${i}.read`) }, pointer: '/scopes', hint: 'at most 100' },
    { label: 'an optional scope not in scopes', body: { optional_scopes: ['zone.read'] }, pointer: '/optional_scopes/0', hint: 'must also appear in scopes' },
    { label: 'offline_access as optional', body: { optional_scopes: ['offline_access'] }, pointer: '/optional_scopes/0', hint: 'cannot be optional' },
    { label: 'openid as optional', body: { response_types: ['id_token'], optional_scopes: ['openid'] }, pointer: '/optional_scopes/0', hint: 'cannot be optional' },
    { label: 'a client_id', body: { client_id: 'ab'.repeat(16) }, pointer: '/client_id', hint: 'read-only' },
    { label: 'a client_secret', body: { client_secret: 'mine' }, pointer: '/client_secret', hint: 'generated' },
    { label: 'has_rotated_secret', body: { has_rotated_secret: true }, pointer: '/has_rotated_secret', hint: 'read-only' },
    { label: 'a client_uri_verification', body: { client_uri_verification: { status: 'verified' } }, pointer: '/client_uri_verification', hint: 'read-only' },
    { label: 'a visibility', body: { visibility: 'public' }, pointer: '/visibility', hint: 'private' },
    { label: 'an unknown field', body: { jwks_uri: 'https://a.com/jwks' }, pointer: '/jwks_uri', hint: 'unknown field' },
  ])('rejects $label without writing', async ({ body, pointer, hint }) => {
    const { call, db } = sandbox();
    const before = snapshotCounts(db);
    const res = await call('POST', base, { ...valid, ...body });
    const error = expectRejected(res, 400, 1001, pointer);
    expect(error.message).toContain(hint);
    expect(snapshotCounts(db)).toEqual(before);
  });

  it('reports every invalid field at once', async () => {
    const { call } = sandbox();
    const res = await call('POST', base, { ...valid, redirect_uris: ['javascript:x'], token_endpoint_auth_method: 'x', client_name: '' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.source.pointer).sort()).toEqual(
      ['/client_name', '/redirect_uris/0', '/token_endpoint_auth_method'].sort(),
    );
  });

  it('rejects malformed JSON, a missing body and a JSON array', async () => {
    const { call, db } = sandbox();
    const before = snapshotCounts(db);
    expectRejected(await call('POST', base, '{"client_name":'), 400, 6007);
    expectRejected(await call('POST', base), 400, 1001);
    expectRejected(await call('POST', base, [valid]), 400, 1001);
    expect(snapshotCounts(db)).toEqual(before);
  });
});

describe('OAuth clients: read and delete', () => {
  it('lists the account’s clients in creation order as a single page', async () => {
    const { call, db } = sandbox();
    const a = await create(call, { client_name: 'A' });
    const b = await create(call, { client_name: 'B' });
    db.prepare('INSERT INTO accounts (id, name, type, created_on) VALUES (?, ?, ?, ?)').run(OTHER_ACCOUNT, 'Other', 'standard', timestamp());
    db.prepare(
      `INSERT INTO oauth_clients (client_id, account_id, visibility, fields, secret_hash, created_at, updated_at)
       VALUES (?, ?, 'private', ?, 'x', ?, ?)`,
    ).run('cd'.repeat(16), OTHER_ACCOUNT, JSON.stringify({ client_name: 'Theirs' }), timestamp(), timestamp());
    const res = await call('GET', base);
    expect(res.status).toBe(200);
    expect(res.body.result.map((c: any) => c.client_id)).toEqual([a.client_id, b.client_id]);
    expect(res.body).not.toHaveProperty('result_info');
  });

  it('gets one client; unknown, malformed and other-account ids are not found', async () => {
    const { call, db } = sandbox();
    const c = await create(call);
    expect((await call('GET', `${base}/${c.client_id}`)).status).toBe(200);
    expectRejected(await call('GET', `${base}/${'0'.repeat(32)}`), 404, 1003);
    expectRejected(await call('GET', `${base}/client-1`), 404, 7003);
    db.prepare('INSERT INTO accounts (id, name, type, created_on) VALUES (?, ?, ?, ?)').run(OTHER_ACCOUNT, 'Other', 'standard', timestamp());
    expectRejected(await call('GET', `/accounts/${OTHER_ACCOUNT}/oauth_clients/${c.client_id}`), 404, 1003);
  });

  it('deletes a client, answering its id', async () => {
    const { call, db } = sandbox();
    const c = await create(call);
    const res = await call('DELETE', `${base}/${c.client_id}`);
    expect(res.status).toBe(200);
    expect(res.body.result).toEqual({ id: c.client_id });
    expect(snapshotCounts(db).oauth_clients).toBe(0);
    expectRejected(await call('GET', `${base}/${c.client_id}`), 404, 1003);
    expectRejected(await call('DELETE', `${base}/${c.client_id}`), 404, 1003);
    expectRejected(await call('DELETE', `${base}/x`), 404, 7003);
  });
});

describe('OAuth clients: update', () => {
  it('changes only the fields sent and bumps updated_at; an empty PATCH changes nothing', async () => {
    const { call, db } = sandbox();
    const c = await create(call, { policy_uri: 'https://acme.com/privacy' });
    db.prepare('UPDATE oauth_clients SET updated_at = ? WHERE client_id = ?').run(OLD, c.client_id);
    const res = await call('PATCH', `${base}/${c.client_id}`, { client_name: 'Renamed', policy_uri: '' });
    expect(res.status).toBe(200);
    const { client_secret: _s, client_name: _n, policy_uri: _p, updated_at: _u, ...unchanged } = c;
    expect(res.body.result).toMatchObject({ ...unchanged, client_name: 'Renamed' });
    expect(res.body.result).not.toHaveProperty('policy_uri');
    expect(res.body.result).not.toHaveProperty('client_secret');
    expect(res.body.result.updated_at > OLD).toBe(true);

    db.prepare('UPDATE oauth_clients SET updated_at = ? WHERE client_id = ?').run(OLD, c.client_id);
    const same = await call('PATCH', `${base}/${c.client_id}`, { client_name: 'Renamed', scopes: ['account.read'] });
    expect(same.body.result.updated_at).toBe(OLD);
    expect((await call('PATCH', `${base}/${c.client_id}`, {})).body.result.updated_at).toBe(OLD);
  });

  it('re-derives protocol scopes when grant or response types change', async () => {
    const { call } = sandbox();
    const c = await create(call, { grant_types: ['authorization_code'] });
    expect(c.scopes).toEqual(['account.read']);
    const withRefresh = await call('PATCH', `${base}/${c.client_id}`, { grant_types: ['authorization_code', 'refresh_token'] });
    expect(withRefresh.body.result.scopes).toEqual(['account.read', 'offline_access']);
    const withIdToken = await call('PATCH', `${base}/${c.client_id}`, { response_types: ['code', 'id_token'] });
    expect(withIdToken.body.result.scopes).toEqual(['account.read', 'offline_access', 'openid']);
    const back = await call('PATCH', `${base}/${c.client_id}`, { grant_types: ['authorization_code'], response_types: ['code'] });
    expect(back.body.result.scopes).toEqual(['account.read']);
  });

  it.each([
    { label: 'demotion to private', body: { visibility: 'private' }, pointer: '/visibility', hint: 'demotion to private is not supported' },
    { label: 'an unknown visibility', body: { visibility: 'internal' }, pointer: '/visibility', hint: "only 'public'" },
    { label: 'a null field', body: { client_name: null }, pointer: '/client_name', hint: 'string' },
    { label: 'no redirect URI', body: { redirect_uris: [] }, pointer: '/redirect_uris', hint: 'at least one' },
    { label: 'grant_types without authorization_code', body: { grant_types: ['refresh_token'] }, pointer: '/grant_types', hint: 'authorization_code' },
    { label: 'a colon scope', body: { scopes: ['zone:read'] }, pointer: '/scopes/0', hint: 'Colon-delimited' },
    { label: 'dropping a scope still optional', body: { scopes: ['account.read'] }, pointer: '/optional_scopes', hint: 'must also appear in scopes' },
    { label: 'a client_id', body: { client_id: 'ab'.repeat(16) }, pointer: '/client_id', hint: 'read-only' },
    { label: 'a created_at', body: { created_at: OLD }, pointer: '/created_at', hint: 'read-only' },
    { label: 'an unknown field', body: { secret: 'x' }, pointer: '/secret', hint: 'unknown field' },
  ])('PATCH rejects $label without writing', async ({ body, pointer, hint }) => {
    const { call, db } = sandbox();
    const c = await create(call, { scopes: ['account.read', 'zone.read'], optional_scopes: ['zone.read'] });
    const before = row(db, c.client_id);
    const error = expectRejected(await call('PATCH', `${base}/${c.client_id}`, body), 400, 1001, pointer);
    expect(error.message).toContain(hint);
    expect(row(db, c.client_id)).toEqual(before);
  });

  it('PATCH rejects malformed JSON, a missing body and unknown ids', async () => {
    const { call } = sandbox();
    const c = await create(call);
    expectRejected(await call('PATCH', `${base}/${c.client_id}`, '{"client_name": "x"'), 400, 6007);
    expectRejected(await call('PATCH', `${base}/${c.client_id}`), 400, 1001);
    expectRejected(await call('PATCH', `${base}/${'0'.repeat(32)}`, { client_name: 'x' }), 404, 1003);
    expectRejected(await call('PATCH', `${base}/nope`, { client_name: 'x' }), 404, 7003);
  });
});

describe('OAuth clients: client URI verification', () => {
  it('goes pending → in_progress → verified on the host’s TXT record, and persists it', async () => {
    const { call, db } = sandbox(60_000);
    const c = await create(call, { client_uri: 'https://app.acme.com/home' });
    const text = c.client_uri_verification.text;
    expect(c.client_uri_verification.status).toBe('pending');
    startedAgo(db, c.client_id, 61_000);
    expect((await call('GET', `${base}/${c.client_id}`)).body.result.client_uri_verification.status).toBe('in_progress');
    // On the apex instead of the client URI's host: not found, still in progress.
    insertTxtRecord(db, 'acme.com', text);
    startedAgo(db, c.client_id, 121_000);
    expect((await call('GET', `${base}/${c.client_id}`)).body.result.client_uri_verification.status).toBe('in_progress');
    insertTxtRecord(db, 'app.acme.com', text);
    const verified = (await call('GET', base)).body.result[0];
    expect(verified.client_uri_verification).toEqual({ status: 'verified', text });
    expect(verified.updated_at > OLD).toBe(true);
    expect(row(db, c.client_id).uri_verification_status).toBe('verified');
  });

  it('fails on a wrong value; re-sending the client URI retries with the same text', async () => {
    const { call, db } = sandbox();
    const c = await create(call, { client_uri: 'https://acme.com' });
    const wrong = insertTxtRecord(db, 'acme.com', 'cloudflare_oauth_client_verification=wrong');
    const failed = (await call('GET', `${base}/${c.client_id}`)).body.result;
    expect(failed.client_uri_verification).toEqual({ status: 'failed', text: c.client_uri_verification.text });
    db.prepare('DELETE FROM sandbox_dns_records WHERE id = ?').run(wrong.id);
    insertTxtRecord(db, 'acme.com', c.client_uri_verification.text);
    expect((await call('GET', `${base}/${c.client_id}`)).body.result.client_uri_verification.status).toBe('failed');
    const retried = await call('PATCH', `${base}/${c.client_id}`, { client_uri: 'https://acme.com' });
    expect(retried.body.result.client_uri_verification).toEqual({ status: 'verified', text: c.client_uri_verification.text });
  });

  it('fails when nothing is published within 48 hours', async () => {
    const { call, db } = sandbox();
    const c = await create(call, { client_uri: 'https://acme.com' });
    startedAgo(db, c.client_id, 47 * HOUR);
    expect((await call('GET', `${base}/${c.client_id}`)).body.result.client_uri_verification.status).toBe('in_progress');
    startedAgo(db, c.client_id, 49 * HOUR);
    expect((await call('GET', `${base}/${c.client_id}`)).body.result.client_uri_verification.status).toBe('failed');
  });

  it('keeps the verification for the same host, starts over for a new host, drops it with the URI', async () => {
    const { call, db } = sandbox();
    const c = await create(call, { client_uri: 'https://acme.com' });
    insertTxtRecord(db, 'acme.com', c.client_uri_verification.text);
    const samehost = await call('PATCH', `${base}/${c.client_id}`, { client_uri: 'https://acme.com/about' });
    expect(samehost.body.result.client_uri_verification).toEqual({ status: 'verified', text: c.client_uri_verification.text });
    const moved = await call('PATCH', `${base}/${c.client_id}`, { client_uri: 'https://www.acme.com' });
    expect(moved.body.result.client_uri_verification.status).toBe('in_progress');
    expect(moved.body.result.client_uri_verification.text).not.toBe(c.client_uri_verification.text);
    const cleared = await call('PATCH', `${base}/${c.client_id}`, { client_uri: '' });
    expect(cleared.body.result).not.toHaveProperty('client_uri');
    expect(cleared.body.result).not.toHaveProperty('client_uri_verification');
    expect(row(db, c.client_id).uri_verification_text).toBeNull();
  });
});

describe('OAuth clients: promotion to public', () => {
  it('lists each missing requirement as its own error and changes nothing', async () => {
    const { call, db } = sandbox();
    const c = await create(call, { scopes: ['profile'] });
    db.prepare("UPDATE oauth_clients SET fields = json_set(fields, '$.client_name', '') WHERE client_id = ?").run(c.client_id);
    const before = row(db, c.client_id);
    const res = await call('PATCH', `${base}/${c.client_id}`, { visibility: 'public' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { code: 1005, message: expect.stringContaining('client name'), source: { pointer: '/client_name' } },
      { code: 1005, message: expect.stringContaining('logo URI'), source: { pointer: '/logo_uri' } },
      { code: 1005, message: expect.stringContaining('client URI'), source: { pointer: '/client_uri' } },
      { code: 1005, message: expect.stringContaining('non-identity scope'), source: { pointer: '/scopes' } },
    ]);
    expect(row(db, c.client_id)).toEqual(before);
  });

  it('refuses while the client URI host is not yet verified, naming its status', async () => {
    const { call } = sandbox(60_000);
    const c = await create(call, { client_uri: 'https://acme.com', logo_uri: 'https://acme.com/logo.png' });
    const res = await call('PATCH', `${base}/${c.client_id}`, { visibility: 'public' });
    const error = expectRejected(res, 400, 1005, '/client_uri');
    expect(error.message).toContain('acme.com is pending');
    expect(res.body.errors).toHaveLength(1);
  });

  it('promotes once the checklist is complete (fields sent in the same request count), sets promoted_at once', async () => {
    const { call, db } = sandbox();
    const c = await create(call, { client_uri: 'https://acme.com' });
    insertTxtRecord(db, 'acme.com', c.client_uri_verification.text);
    const res = await call('PATCH', `${base}/${c.client_id}`, { visibility: 'public', logo_uri: 'https://acme.com/logo.png' });
    expect(res.status).toBe(200);
    expect(res.body.result).toMatchObject({ visibility: 'public', promoted_at: expect.stringMatching(ISO), logo_uri: 'https://acme.com/logo.png' });
    const promotedAt = res.body.result.promoted_at;
    const again = await call('PATCH', `${base}/${c.client_id}`, { visibility: 'public' });
    expect(again.body.result.promoted_at).toBe(promotedAt);
    expectRejected(await call('PATCH', `${base}/${c.client_id}`, { visibility: 'private' }), 400, 1001, '/visibility');
    expect((await call('GET', `${base}/${c.client_id}`)).body.result.visibility).toBe('public');
  });
});

describe('OAuth clients: secret rotation', () => {
  it('rotates with overlap, rotates again keeping the oldest secret, then deletes the rotated one', async () => {
    const { call, db } = sandbox();
    const c = await create(call);
    const first = c.client_secret as string;

    const rotated = await call('POST', `${base}/${c.client_id}/rotate_secret`);
    expect(rotated.status).toBe(200);
    expect(Object.keys(rotated.body.result)).toEqual(['client_secret']);
    const second = rotated.body.result.client_secret as string;
    expect(second).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(first);
    expect(row(db, c.client_id)).toMatchObject({ secret_hash: hashSecret(second), rotated_secret_hash: hashSecret(first) });
    const got = await call('GET', `${base}/${c.client_id}`);
    expect(got.body.result.has_rotated_secret).toBe(true);
    expect(JSON.stringify(got.body)).not.toContain(second);

    // The new secret was lost before deployment: rotating again replaces it, the old one keeps working.
    const third = (await call('POST', `${base}/${c.client_id}/rotate_secret`, {})).body.result.client_secret as string;
    expect(row(db, c.client_id)).toMatchObject({ secret_hash: hashSecret(third), rotated_secret_hash: hashSecret(first) });
    for (const secret of [first, second, third]) expect(dump(db)).not.toContain(secret);

    const revoked = await call('DELETE', `${base}/${c.client_id}/rotate_secret`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.result).toEqual({ id: c.client_id });
    expect(row(db, c.client_id)).toMatchObject({ secret_hash: hashSecret(third), rotated_secret_hash: null });
    expect((await call('GET', `${base}/${c.client_id}`)).body.result.has_rotated_secret).toBe(false);

    const before = row(db, c.client_id);
    const none = expectRejected(await call('DELETE', `${base}/${c.client_id}/rotate_secret`), 404, 1003);
    expect(none.message).toContain('no rotated secret');
    expect(row(db, c.client_id)).toEqual(before);
  });

  it('rotate_secret rejects a body with fields, malformed JSON and unknown ids without writing', async () => {
    const { call, db } = sandbox();
    const c = await create(call);
    const before = row(db, c.client_id);
    expectRejected(await call('POST', `${base}/${c.client_id}/rotate_secret`, { client_secret: 'mine' }), 400, 1001, '/client_secret');
    expectRejected(await call('POST', `${base}/${c.client_id}/rotate_secret`, '{'), 400, 6007);
    expect(row(db, c.client_id)).toEqual(before);
    expectRejected(await call('POST', `${base}/${'0'.repeat(32)}/rotate_secret`), 404, 1003);
    expectRejected(await call('POST', `${base}/bad/rotate_secret`), 404, 7003);
    expectRejected(await call('DELETE', `${base}/${'0'.repeat(32)}/rotate_secret`), 404, 1003);
  });
});
