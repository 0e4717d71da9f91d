import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NodeDb } from './runtime/node/open-sandbox-db.ts';
import { ACCOUNT, createTestSandbox, snapshotCounts } from './sandbox/test-support.ts';

/**
 * Property-based requests against every sandbox endpoint: random methods, ids, queries and
 * bodies (garbage, and near-valid shapes that get past the first checks). For every one: no 5xx,
 * the Cloudflare envelope, every error code ≥ 1000 with a message, and a rejected request leaves
 * the database exactly as it was (row counts and every row's content).
 */

type Pool = 'account' | 'pg' | 'rg' | 'ug' | 'member' | 'accountMember' | 'sso' | 'client';
interface Endpoint {
  path: string;
  methods: string[];
}

const A = '/accounts/{account}';
const ENDPOINTS: Endpoint[] = [
  { path: '/accounts', methods: ['GET'] },
  { path: A, methods: ['GET'] },
  { path: `${A}/members`, methods: ['GET'] },
  { path: '/user/tokens/verify', methods: ['GET'] },
  { path: '/oauth/scopes', methods: ['GET'] },
  { path: `${A}/iam/permission_groups`, methods: ['GET'] },
  { path: `${A}/iam/permission_groups/{pg}`, methods: ['GET'] },
  { path: `${A}/iam/resource_groups`, methods: ['GET', 'POST'] },
  { path: `${A}/iam/resource_groups/{rg}`, methods: ['GET', 'PUT', 'DELETE'] },
  { path: `${A}/iam/user_groups`, methods: ['GET', 'POST'] },
  { path: `${A}/iam/user_groups/{ug}`, methods: ['GET', 'PUT', 'DELETE'] },
  { path: `${A}/iam/user_groups/{ug}/members`, methods: ['GET', 'POST', 'PUT'] },
  { path: `${A}/iam/user_groups/{ug}/members/{member}`, methods: ['GET', 'DELETE'] },
  { path: `${A}/sso_connectors`, methods: ['GET', 'POST'] },
  { path: `${A}/sso_connectors/{sso}`, methods: ['GET', 'PATCH', 'DELETE'] },
  { path: `${A}/sso_connectors/{sso}/begin_verification`, methods: ['POST'] },
  { path: `${A}/oauth_clients`, methods: ['GET', 'POST'] },
  { path: `${A}/oauth_clients/{client}`, methods: ['GET', 'PATCH', 'DELETE'] },
  { path: `${A}/oauth_clients/{client}/rotate_secret`, methods: ['POST', 'DELETE'] },
];
const ACCOUNT_SCOPE = { key: `com.cloudflare.api.account.${ACCOUNT}`, objects: [{ key: '*' }] };
const VALID_CLIENT_FIELDS = {
  grant_types: fc.constant(['authorization_code', 'refresh_token']),
  redirect_uris: fc.constant(['https://app.example.com/callback']),
  response_types: fc.constant(['code']),
  scopes: fc.constant(['openid']),
  token_endpoint_auth_method: fc.constantFrom('none', 'client_secret_basic', 'client_secret_post'),
};
const ALL_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

const WEIRD_SEGMENTS = [
  '', ' ', '..', '%', '%zz', '%2F', '%00', 'null', '0', '-1', 'a'.repeat(300), '%F0%9F%99%82',
  "'%20OR%201=1--", '023e105f4ecef8ad9ca31a8372d0c35', '023E105F4ECEF8AD9CA31A8372D0C353',
];
const QUERY_KEYS = ['page', 'per_page', 'name', 'fuzzy_name', 'fuzzyName', 'fuzzyEmail', 'direction', 'id', 'label', 'status', 'order'];
const QUERY_VALUES = ['0', '1', '2', '-1', '500', '501', '1000001', '1e3', '1.5', 'NaN', '', 'asc', 'desc', 'ASC', '%', '_', "'"];
const BODY_KEYS = [
  'name', 'policies', 'scope', 'email_domain', 'begin_verification', 'use_fedramp_language', 'enabled', 'client_name',
  'client_uri', 'logo_uri', 'policy_uri', 'tos_uri', 'redirect_uris', 'post_logout_redirect_uris', 'allowed_cors_origins',
  'grant_types', 'response_types', 'scopes', 'optional_scopes', 'token_endpoint_auth_method', 'visibility', 'id',
  'verification', 'client_secret', 'client_id', 'created_on', 'key', 'objects', 'meta',
];

function idPools(db: NodeDb): Record<Pool, string[]> {
  const ids = (sql: string) => (db.prepare(sql).all() as Array<{ id: string }>).map((r) => r.id);
  return {
    account: [ACCOUNT, ...ids('SELECT id FROM accounts LIMIT 3')],
    pg: ids('SELECT id FROM permission_groups LIMIT 8'),
    rg: ids('SELECT id FROM resource_groups LIMIT 8'),
    ug: ids('SELECT id FROM user_groups LIMIT 8'),
    member: ids('SELECT member_id AS id FROM user_group_members LIMIT 8'),
    accountMember: ids('SELECT id FROM account_members ORDER BY rowid DESC LIMIT 8'),
    sso: ids('SELECT id FROM sso_connectors LIMIT 8'),
    client: ids('SELECT client_id AS id FROM oauth_clients LIMIT 8'),
  };
}

/** Every row of every table, in order: a rejected request must leave this identical. */
function contentDigest(db: NodeDb): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{
    name: string;
  }>;
  return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all()]));
}

/** Rows inserted, updated or deleted on this connection since it opened. */
function totalChanges(db: NodeDb): number {
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

function requestArbitrary(pools: Record<Pool, string[]>) {
  const hex32 = fc.stringMatching(/^[0-9a-f]{32}$/);
  const id = (pool: Pool) =>
    fc.oneof(
      { arbitrary: fc.constantFrom(...pools[pool]), weight: 4 },
      { arbitrary: hex32, weight: 2 },
      { arbitrary: fc.string({ maxLength: 40 }).map(encodeURIComponent), weight: 1 },
      { arbitrary: fc.constantFrom(...WEIRD_SEGMENTS), weight: 1 },
    );
  const path = fc
    .constantFrom(...ENDPOINTS)
    .chain((endpoint) =>
      fc.record({
        endpoint: fc.constant(endpoint),
        method: fc.oneof({ arbitrary: fc.constantFrom(...endpoint.methods), weight: 5 }, { arbitrary: fc.constantFrom(...ALL_METHODS), weight: 1 }),
        account: id('account'),
        pg: id('pg'),
        rg: id('rg'),
        ug: id('ug'),
        member: id('member'),
        accountMember: id('accountMember'),
        sso: id('sso'),
        client: id('client'),
      }),
    )
    .map(({ endpoint, method, ...ids }) => ({
      method,
      template: endpoint.path,
      path: endpoint.path.replace(/\{(\w+)\}/g, (_, name: Pool) => ids[name]),
    }));

  const query = fc.oneof(
    { arbitrary: fc.constant(''), weight: 3 },
    {
      arbitrary: fc
        .dictionary(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 8 })), fc.oneof(fc.constantFrom(...QUERY_VALUES), fc.string({ maxLength: 30 })), {
          maxKeys: 4,
        })
        .map((q) => `?${new URLSearchParams(q)}`),
      weight: 3,
    },
    { arbitrary: fc.constantFrom('?page=%zz', '?per_page=1&per_page=2', '?&&==', '?name=%00', '?direction[]=asc'), weight: 1 },
  );

  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom('https://example.com/cb', 'http://localhost:8080', 'javascript:alert(1)', 'allow', 'deny', 'private', 'public'),
    fc.array(fc.webUrl(), { maxLength: 3 }),
    fc.array(fc.constantFrom('authorization_code', 'refresh_token', 'client_credentials', 'code', 'openid', 'nope'), { maxLength: 3 }),
  );
  const scope = fc.record({ key: fc.string({ maxLength: 60 }), objects: fc.array(fc.record({ key: fc.string({ maxLength: 60 }) }), { maxLength: 2 }) });
  const policy = fc.record(
    {
      access: fc.constantFrom('allow', 'deny', 'maybe'),
      permission_groups: fc.array(fc.record({ id: id('pg') }), { maxLength: 3 }),
      resource_groups: fc.array(fc.oneof(fc.record({ id: id('rg') }), fc.record({ scope })), { maxLength: 3 }),
    },
    { requiredKeys: [] },
  );
  const body = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 2 },
    { arbitrary: fc.string({ maxLength: 40 }), weight: 1 }, // sent raw: mostly malformed JSON
    { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), weight: 1 },
    { arbitrary: fc.dictionary(fc.constantFrom(...BODY_KEYS), value, { maxKeys: 6 }), weight: 3 },
    { arbitrary: fc.record({ name: fc.string({ maxLength: 80 }), policies: fc.array(policy, { maxLength: 3 }) }, { requiredKeys: ['name'] }), weight: 2 },
    { arbitrary: fc.record({ name: fc.string({ maxLength: 80 }), scope }), weight: 1 },
    { arbitrary: fc.array(fc.record({ id: id('member') }), { maxLength: 3 }), weight: 1 },
    { arbitrary: fc.record({ email_domain: fc.domain(), begin_verification: fc.boolean() }, { requiredKeys: [] }), weight: 1 },
  );
  // Valid shapes per endpoint, so that writes succeed too and "rejected" is not all there is.
  const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{2,30}$/);
  const validPolicy = fc.record({
    access: fc.constantFrom('allow', 'deny'),
    permission_groups: fc.array(fc.record({ id: fc.constantFrom(...pools.pg) }), { minLength: 1, maxLength: 2 }),
    resource_groups: fc.array(fc.record({ id: fc.constantFrom(...pools.rg) }), { minLength: 1, maxLength: 2 }),
  });
  const valid: Record<string, fc.Arbitrary<unknown>> = {
    [`${A}/iam/resource_groups`]: fc.record({ name, scope: fc.constant(ACCOUNT_SCOPE) }),
    [`${A}/iam/resource_groups/{rg}`]: fc.record({ name, scope: fc.constant(ACCOUNT_SCOPE) }, { requiredKeys: [] }),
    [`${A}/iam/user_groups`]: fc.record({ name, policies: fc.array(validPolicy, { maxLength: 2 }) }, { requiredKeys: ['name'] }),
    [`${A}/iam/user_groups/{ug}`]: fc.record({ name, policies: fc.array(validPolicy, { maxLength: 2 }) }, { requiredKeys: [] }),
    [`${A}/iam/user_groups/{ug}/members`]: fc.array(fc.record({ id: fc.constantFrom(...pools.accountMember) }), { minLength: 1, maxLength: 3 }),
    [`${A}/sso_connectors`]: fc.record({ email_domain: fc.domain(), begin_verification: fc.boolean() }, { requiredKeys: ['email_domain'] }),
    [`${A}/sso_connectors/{sso}`]: fc.record({ enabled: fc.boolean(), use_fedramp_language: fc.boolean() }, { requiredKeys: [] }),
    [`${A}/oauth_clients`]: fc.record({ ...VALID_CLIENT_FIELDS, client_name: name }),
    [`${A}/oauth_clients/{client}`]: fc.record({ client_name: name, redirect_uris: fc.constant(['https://app.example.com/cb']) }, { requiredKeys: [] }),
  };
  return fc
    .record({ target: path, garbage: body })
    .chain(({ target, garbage }) => {
      const shaped = valid[target.template];
      const chosen = shaped ? fc.oneof({ arbitrary: fc.constant(garbage), weight: 3 }, { arbitrary: shaped, weight: 2 }) : fc.constant(garbage);
      return fc.record({ target: fc.constant(target), query, body: chosen });
    });
}

describe('sandbox fuzzing', () => {
  it('random requests to every endpoint: no 5xx, always the envelope, codes ≥ 1000, no write when rejected', async () => {
    // Verifications stay pending for the whole run: a read that settles one is a legitimate write.
    const { db, call } = createTestSandbox('default', 3_600_000);
    const pools = idPools(db);
    const seen = { ok: 0, rejected: 0, writes: 0 };

    await fc.assert(
      fc.asyncProperty(requestArbitrary(pools), async ({ target, query, body: anyBody }) => {
        const body = target.method === 'GET' ? undefined : anyBody; // fetch cannot send a GET body
        const counts = snapshotCounts(db);
        const changes = totalChanges(db);
        // Reads are held to "no row touched at all"; writes to "every row as it was" (cheap enough).
        const digest = target.method === 'GET' ? null : contentDigest(db);
        const label = `${target.method} ${target.path}${query} ${typeof body === 'string' ? body : JSON.stringify(body)}`;
        const res = await call(target.method, target.path + query, body);

        expect(res.status, label).toBeLessThan(500);
        expect(res.body, label).toMatchObject({ success: expect.any(Boolean), errors: expect.any(Array) });
        // Errors always carry `result: null`; only begin_verification succeeds without a result.
        expect(res.body.success || Object.hasOwn(res.body, 'result'), label).toBe(true);
        if (res.status >= 400 || !res.body.success) {
          expect(res.status, label).toBeGreaterThanOrEqual(400);
          expect(res.body.success, label).toBe(false);
          expect(res.body.errors.length, label).toBeGreaterThan(0);
          for (const error of res.body.errors) {
            expect(Number.isInteger(error.code) && error.code >= 1000, `${label}: code ${error.code}`).toBe(true);
            expect(typeof error.message === 'string' && error.message.length > 0, label).toBe(true);
          }
          expect(snapshotCounts(db), label).toEqual(counts);
          if (digest === null) expect(totalChanges(db), `${label}: a rejected read wrote`).toBe(changes);
          else expect(contentDigest(db) === digest, `${label}: a rejected request changed the database`).toBe(true);
          seen.rejected++;
        } else {
          seen.ok++;
          if (digest !== null && contentDigest(db) !== digest) seen.writes++;
        }
      }),
      { numRuns: 800, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31), endOnFailure: true },
    );
    // The run must have exercised both sides, or it proved nothing.
    expect(seen.rejected).toBeGreaterThan(150);
    expect(seen.ok).toBeGreaterThan(60);
    expect(seen.writes).toBeGreaterThan(10);
  }, 60_000);
});
