/**
 * Conformance: the official `cloudflare` SDK, pointed at the real server on a real SQLite file,
 * drives every IAM method it has (plus the account, account-member and token-verify calls the
 * console needs). If a real client cannot tell the sandbox from Cloudflare, these pass.
 *
 * Where the SDK's types and the sandbox deliberately differ, the test says so next to the check
 * (see "SDK disagreement" comments) rather than loosening it silently.
 */
import { serve, type ServerType } from '@hono/node-server';
import Cloudflare from 'cloudflare';
import type { Member as AccountMember } from 'cloudflare/resources/shared';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, expectTypeOf, test } from 'vitest';
import { createApp } from '../runtime/node/app.ts';
import type { ServerConfig } from '../config.ts';
import { openSandboxDb, type NodeDb } from '../runtime/node/open-sandbox-db.ts';

const ACCOUNT_ID = '023e105f4ecef8ad9ca31a8372d0c353';
const HEX32 = /^[0-9a-f]{32}$/;
/** RFC 3339 date-time, as the API's examples write them. */
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
/** How long the sandbox DNS checker waits before settling a pending verification (test setting). */
const VERIFICATION_DELAY_MS = 50;

let dir: string;
let db: NodeDb;
let server: ServerType;
let baseURL: string;
let origin: string;
let cf: Cloudflare;

/** A client with exactly one credential form (the SDK also reads CLOUDFLARE_* from the env). */
function client(auth: { apiToken: string } | { apiEmail: string; apiKey: string }): Cloudflare {
  return new Cloudflare({
    apiToken: null,
    apiEmail: null,
    apiKey: null,
    userServiceKey: null,
    ...auth,
    baseURL,
    maxRetries: 0,
    timeout: 10_000,
  });
}

async function collect<T>(iterable: AsyncIterable<T>, limit = 20_000): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) {
    items.push(item);
    // A page past the last that repeats instead of coming back empty would loop forever.
    if (items.length > limit) throw new Error(`auto-pagination did not end after ${limit} items`);
  }
  return items;
}

/** What the SDK throws for an error response: a typed APIError carrying the envelope's errors. */
async function apiError(promise: Promise<unknown>): Promise<InstanceType<typeof Cloudflare.APIError>> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(Cloudflare.APIError);
    return err as InstanceType<typeof Cloudflare.APIError>;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

let seq = 0;
const unique = (prefix: string) => `${prefix} ${process.pid}-${Date.now().toString(36)}-${++seq}`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iam-conformance-'));
  const config: ServerConfig = {
    host: '127.0.0.1',
    port: 0,
    sandboxDbPath: join(dir, 'sandbox.db'),
    consoleDbPath: join(dir, 'console.db'),
    seed: 'default',
    upstream: null,
    verificationDelayMs: VERIFICATION_DELAY_MS,
    distDir: join(dir, 'dist'),
  };
  db = openSandboxDb(config.sandboxDbPath, config.seed);
  const app = createApp({ config, db, serveSpa: false });
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => resolve(info.port));
  });
  origin = `http://127.0.0.1:${port}`;
  baseURL = `${origin}/client/v4`;
  cf = client({ apiToken: 'x' });
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An account-wide resource group, a zone-level one, and an account-level permission group to use in policies. */
async function policyIngredients() {
  const permissionGroups = await collect(cf.iam.permissionGroups.list({ account_id: ACCOUNT_ID, per_page: 50 }));
  const resourceGroups = await collect(cf.iam.resourceGroups.list({ account_id: ACCOUNT_ID }));
  const accountKey = `com.cloudflare.api.account.${ACCOUNT_ID}`;
  // The whole account: its key with the account itself (or `*`) as the only object.
  const accountWide = resourceGroups.find(({ scope: { key, objects } }) => {
    return key === accountKey && objects.length === 1 && (objects[0]!.key === accountKey || objects[0]!.key === '*');
  });
  expect(accountWide, 'the seed has an account-wide resource group').toBeDefined();
  const pg = permissionGroups.find((p) => p.name === 'Administrator Read Only') ?? permissionGroups.find((p) => /read/i.test(p.name ?? ''));
  expect(pg, 'the seed has a read-only permission group').toBeDefined();
  return { permissionGroups, resourceGroups, accountWide: accountWide!, pg: pg! };
}

describe('permission groups', () => {
  test('list: a V4 page with result_info, filters, and auto-pagination that ends', async () => {
    const page = await cf.iam.permissionGroups.list({ account_id: ACCOUNT_ID, per_page: 5 });
    expectTypeOf(page.result).toEqualTypeOf<Cloudflare.IAM.PermissionGroupListResponse[]>();
    expect(page.result).toHaveLength(5);
    for (const pg of page.result) {
      expect(pg.id).toMatch(HEX32);
      expect(typeof pg.name).toBe('string');
    }
    expect(page.result_info).toMatchObject({ page: 1, per_page: 5, count: 5 });
    const total = (page.result_info as { total_count: number }).total_count;
    expect(total).toBeGreaterThanOrEqual(60);

    const all = await collect(cf.iam.permissionGroups.list({ account_id: ACCOUNT_ID, per_page: 50 }));
    expect(all).toHaveLength(total);
    expect(new Set(all.map((pg) => pg.id)).size).toBe(total);

    // Today's meta, as the SDK's Meta types it: label, scopes (what the group acts on), description, editable.
    for (const pg of all) {
      expect(pg.meta?.label, `label of ${pg.name}`).toMatch(/^[a-z0-9_]+$/);
      expect(['com.cloudflare.api.account', 'com.cloudflare.api.account.zone', 'com.cloudflare.api.account.worker']).toContain(pg.meta?.scopes);
      expect(typeof pg.meta?.description).toBe('string');
      expect(pg.meta?.editable).toBe('false');
    }
    // The label filter finds a group by meta.label, as the TF provider looks up `admin`.
    const admin = await cf.iam.permissionGroups.list({ account_id: ACCOUNT_ID, label: 'admin' });
    expect(admin.result.map((pg) => pg.name)).toEqual(['Administrator']);

    const target = all.find((pg) => pg.name === 'Zone Read') ?? all[0]!;
    const byName = await cf.iam.permissionGroups.list({ account_id: ACCOUNT_ID, name: target.name });
    expect(byName.result.map((pg) => pg.id)).toContain(target.id);
    const byId = await cf.iam.permissionGroups.list({ account_id: ACCOUNT_ID, id: target.id });
    expect(byId.result).toEqual([target]);
  });

  test('get: one permission group, the same as in the list', async () => {
    const [first] = (await cf.iam.permissionGroups.list({ account_id: ACCOUNT_ID })).result;
    const pg = await cf.iam.permissionGroups.get(first!.id, { account_id: ACCOUNT_ID });
    expectTypeOf(pg).toEqualTypeOf<Cloudflare.IAM.PermissionGroupGetResponse>();
    expect(pg).toEqual(first);

    const err = await apiError(cf.iam.permissionGroups.get('0'.repeat(32), { account_id: ACCOUNT_ID }));
    expect(err).toBeInstanceOf(Cloudflare.NotFoundError);
    expect(err.errors[0]?.code).toBeGreaterThanOrEqual(1000);
  });
});

describe('resource groups', () => {
  test('create, get, list, update, delete', async () => {
    const zones = await collect(cf.iam.resourceGroups.list({ account_id: ACCOUNT_ID }));
    // A zone of this account, taken from a seeded zone-level group.
    const zoneKey = zones.flatMap((rg) => rg.scope.objects.map((o) => o.key)).find((k) => /\.zone\.[0-9a-f]{32}$/.test(k));
    expect(zoneKey, 'the seed has a zone-level resource group').toBeDefined();

    const name = unique('Conformance zones');
    const scope = { key: `com.cloudflare.api.account.${ACCOUNT_ID}`, objects: [{ key: zoneKey! }] };
    const created = await cf.iam.resourceGroups.create({ account_id: ACCOUNT_ID, name, scope });
    expectTypeOf(created).toEqualTypeOf<Cloudflare.IAM.ResourceGroupCreateResponse>();
    expect(created.id).toMatch(HEX32);
    expect(created.name).toBe(name);
    // One scope object, as the SDK types it (schema iam_scope).
    expect(created.scope).toEqual(scope);

    const got = await cf.iam.resourceGroups.get(created.id, { account_id: ACCOUNT_ID });
    expect(got).toEqual(created);

    const listed = await collect(cf.iam.resourceGroups.list({ account_id: ACCOUNT_ID }));
    expect(listed).toContainEqual(created);
    const byName = await cf.iam.resourceGroups.list({ account_id: ACCOUNT_ID, name });
    expect(byName.result).toEqual([created]);
    const byId = await cf.iam.resourceGroups.list({ account_id: ACCOUNT_ID, id: created.id });
    expect(byId.result).toEqual([created]);

    const renamed = unique('Conformance zones renamed');
    const updated = await cf.iam.resourceGroups.update(created.id, { account_id: ACCOUNT_ID, name: renamed });
    expectTypeOf(updated).toEqualTypeOf<Cloudflare.IAM.ResourceGroupUpdateResponse>();
    expect(updated).toEqual({ ...created, name: renamed });

    const deleted = await cf.iam.resourceGroups.delete(created.id, { account_id: ACCOUNT_ID });
    expectTypeOf(deleted).toEqualTypeOf<Cloudflare.IAM.ResourceGroupDeleteResponse | null>();
    expect(deleted).toEqual({ id: created.id });
    const gone = await apiError(cf.iam.resourceGroups.get(created.id, { account_id: ACCOUNT_ID }));
    expect(gone).toBeInstanceOf(Cloudflare.NotFoundError);
  });

  test('takes back the scope it answered on update, and the 2024 answer (an array of one) too', async () => {
    const { accountWide } = await policyIngredients();
    const created = await cf.iam.resourceGroups.create({ account_id: ACCOUNT_ID, name: unique('Conformance echo'), scope: accountWide.scope });
    const updated = await cf.iam.resourceGroups.update(created.id, { account_id: ACCOUNT_ID, scope: created.scope });
    expect(updated.scope).toEqual(created.scope);
    // A client that read the 2024 answer sends back an array holding the scope.
    const echoed = [created.scope] as unknown as Cloudflare.IAM.ResourceGroupUpdateParams['scope'];
    const again = await cf.iam.resourceGroups.update(created.id, { account_id: ACCOUNT_ID, scope: echoed });
    expect(again.scope).toEqual(created.scope);
    await cf.iam.resourceGroups.delete(created.id, { account_id: ACCOUNT_ID });
  });

  test('a bad body is a typed 400 naming the field', async () => {
    const err = await apiError(
      cf.iam.resourceGroups.create({ account_id: ACCOUNT_ID, name: unique('bad'), scope: { key: 'nope', objects: [] } }),
    );
    expect(err).toBeInstanceOf(Cloudflare.BadRequestError);
    expect(err.errors.length).toBeGreaterThan(0);
    expect(err.errors.every((e) => (e.code ?? 0) >= 1000)).toBe(true);
    expect(JSON.stringify(err.errors)).toMatch(/scope/);
  });
});

describe('user groups', () => {
  test('create with policies, get, update, delete', async () => {
    const { accountWide, pg } = await policyIngredients();
    const name = unique('Conformance readers');
    const created = await cf.iam.userGroups.create({
      account_id: ACCOUNT_ID,
      name,
      policies: [{ access: 'allow', permission_groups: [{ id: pg.id }], resource_groups: [{ id: accountWide.id }] }],
    });
    expectTypeOf(created).toEqualTypeOf<Cloudflare.IAM.UserGroupCreateResponse>();
    expect(created).toMatchObject({ name, id: expect.stringMatching(HEX32) });
    expect(created.created_on).toMatch(DATE_TIME);
    expect(created.modified_on).toMatch(DATE_TIME);
    expect(created.policies).toHaveLength(1);
    const policy = created.policies![0]!;
    expect(policy.id).toMatch(HEX32);
    expect(policy.access).toBe('allow');
    // Responses expand the referenced groups (names, scopes), as the create example shows.
    expect(policy.permission_groups).toEqual([expect.objectContaining({ id: pg.id, name: pg.name })]);
    expect(policy.resource_groups).toEqual([expect.objectContaining({ id: accountWide.id, scope: accountWide.scope })]);

    const got = await cf.iam.userGroups.get(created.id, { account_id: ACCOUNT_ID });
    expectTypeOf(got).toEqualTypeOf<Cloudflare.IAM.UserGroupGetResponse>();
    expect(got).toEqual(created);

    // PUT replaces the policy set: the kept policy carries its id, access flips to deny.
    const renamed = unique('Conformance readers renamed');
    const updated = await cf.iam.userGroups.update(created.id, {
      account_id: ACCOUNT_ID,
      name: renamed,
      policies: [{ id: policy.id!, access: 'deny', permission_groups: [{ id: pg.id }], resource_groups: [{ id: accountWide.id }] }],
    });
    expectTypeOf(updated).toEqualTypeOf<Cloudflare.IAM.UserGroupUpdateResponse>();
    expect(updated.name).toBe(renamed);
    expect(updated.policies).toHaveLength(1);
    expect(updated.policies![0]).toMatchObject({ access: 'deny' });
    expect(updated.created_on).toBe(created.created_on);

    // The SDK's generated update test sends policies[].id on every policy, ids the group never had:
    // each is a new policy with an id of the server's, not a refusal.
    const generated = await cf.iam.userGroups.update(created.id, {
      account_id: ACCOUNT_ID,
      policies: [{ id: 'f2ea2a8f5e3b4d4e9b5d1e1f0a9c8b7d', access: 'allow', permission_groups: [{ id: pg.id }], resource_groups: [{ id: accountWide.id }] }],
    });
    expect(generated.policies).toHaveLength(1);
    expect(generated.policies![0]!.id).toMatch(HEX32);
    expect(generated.policies![0]!.id).not.toBe('f2ea2a8f5e3b4d4e9b5d1e1f0a9c8b7d');

    const deleted = await cf.iam.userGroups.delete(created.id, { account_id: ACCOUNT_ID });
    expectTypeOf(deleted).toEqualTypeOf<Cloudflare.IAM.UserGroupDeleteResponse | null>();
    expect(deleted).toEqual({ id: created.id });
    const gone = await apiError(cf.iam.userGroups.get(created.id, { account_id: ACCOUNT_ID }));
    expect(gone).toBeInstanceOf(Cloudflare.NotFoundError);
  });

  test("update as Cloudflare's docs send it: policies without id, an inline scope, then [] to reset", async () => {
    const { accountWide, permissionGroups } = await policyIngredients();
    const dns = permissionGroups.find((p) => p.meta?.label === 'dns')!;
    const zone = (await collect(cf.iam.resourceGroups.list({ account_id: ACCOUNT_ID })))
      .flatMap((rg) => rg.scope.objects.map((o) => o.key))
      .find((k) => /\.zone\.[0-9a-f]{32}$/.test(k))!;
    const group = await cf.iam.userGroups.create({ account_id: ACCOUNT_ID, name: unique('Conformance docs form') });
    // The SDK's types want policies[].id and resource_groups[].id; the docs' PUT examples send neither.
    const docsPolicies = [
      { access: 'allow', permission_groups: [{ id: dns.id }], resource_groups: [{ scope: { key: `com.cloudflare.api.account.${ACCOUNT_ID}`, objects: [{ key: zone }] } }] },
    ] as unknown as Cloudflare.IAM.UserGroupUpdateParams['policies'];
    const updated = await cf.iam.userGroups.update(group.id, { account_id: ACCOUNT_ID, policies: docsPolicies });
    const [policy] = updated.policies!;
    expect(policy!.id).toMatch(HEX32);
    expect(policy!.resource_groups![0]!.scope).toEqual({ key: `com.cloudflare.api.account.${ACCOUNT_ID}`, objects: [{ key: zone }] });
    expect(policy!.resource_groups![0]!.id).not.toBe(accountWide.id);
    const reset = await cf.iam.userGroups.update(group.id, { account_id: ACCOUNT_ID, policies: [] });
    expect(reset.policies).toEqual([]);
    await cf.iam.userGroups.delete(group.id, { account_id: ACCOUNT_ID });
  });

  test('rule 1006 both ways: a typed 400 with the API\'s code and words', async () => {
    const { accountWide, permissionGroups, resourceGroups } = await policyIngredients();
    const dns = permissionGroups.find((p) => p.meta?.label === 'dns')!;
    const admin = permissionGroups.find((p) => p.meta?.label === 'admin')!;
    const zones = resourceGroups.find((rg) => rg.scope.objects.every((o) => /\.zone\./.test(o.key)))!;
    for (const [pg, rg] of [
      [dns, accountWide],
      [admin, zones],
    ] as const) {
      const err = await apiError(
        cf.iam.userGroups.create({
          account_id: ACCOUNT_ID,
          name: unique('Conformance 1006'),
          policies: [{ access: 'allow', permission_groups: [{ id: pg.id }], resource_groups: [{ id: rg.id }] }],
        }),
      );
      expect(err).toBeInstanceOf(Cloudflare.BadRequestError);
      expect(err.errors[0]).toMatchObject({
        code: 1006,
        message: 'Unknown error when processing member, please try again. Error: invalid permission group and resource group combination',
      });
    }
  });

  test('a SCIM-managed group refuses every write with 1001 (Decision 4)', async () => {
    const [okta] = (await cf.iam.userGroups.list({ account_id: ACCOUNT_ID, fuzzyName: 'Okta' })).result;
    expect(okta?.name).toMatch(/^Okta · /);
    const people = (await cf.accounts.members.list({ account_id: ACCOUNT_ID, status: 'accepted', per_page: 5 })).result;
    const writes = [
      () => cf.iam.userGroups.update(okta!.id, { account_id: ACCOUNT_ID, name: 'Renamed' }),
      () => cf.iam.userGroups.delete(okta!.id, { account_id: ACCOUNT_ID }),
      () => cf.iam.userGroups.members.create(okta!.id, { account_id: ACCOUNT_ID, members: [{ id: people[0]!.id! }] }),
      () => cf.iam.userGroups.members.update(okta!.id, { account_id: ACCOUNT_ID, members: [] }),
    ];
    for (const write of writes) {
      const err = await apiError(write());
      expect(err).toBeInstanceOf(Cloudflare.BadRequestError);
      expect(err.errors[0]).toMatchObject({ code: 1001, message: 'Invalid request: this user group is managed by SCIM provisioning and cannot be modified' });
    }
    expect((await cf.iam.userGroups.get(okta!.id, { account_id: ACCOUNT_ID })).name).toBe(okta!.name);
  });

  test('create without policies (the SDK makes them optional)', async () => {
    const name = unique('Conformance empty');
    const created = await cf.iam.userGroups.create({ account_id: ACCOUNT_ID, name });
    expect(created.name).toBe(name);
    expect(created.policies ?? []).toEqual([]);
    await cf.iam.userGroups.delete(created.id, { account_id: ACCOUNT_ID });
  });

  test('list: V4 pages, fuzzyName, direction, and auto-pagination that ends', async () => {
    const first = await cf.iam.userGroups.list({ account_id: ACCOUNT_ID, per_page: 7 });
    expectTypeOf(first.result).toEqualTypeOf<Cloudflare.IAM.UserGroupListResponse[]>();
    const info = first.result_info as { page: number; per_page: number; count: number; total_count: number };
    expect(info).toMatchObject({ page: 1, per_page: 7, count: first.result.length });
    expect(info.total_count).toBeGreaterThanOrEqual(20);

    // Auto-pagination asks for page 2, 3, … until a page comes back empty: it must end.
    const all = await collect(cf.iam.userGroups.list({ account_id: ACCOUNT_ID, per_page: 7 }));
    expect(all).toHaveLength(info.total_count);
    expect(new Set(all.map((g) => g.id)).size).toBe(all.length);
    // Default order is by name, ascending.
    const names = all.map((g) => g.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));

    const desc = await cf.iam.userGroups.list({ account_id: ACCOUNT_ID, direction: 'desc', per_page: 500 });
    expect(desc.result.map((g) => g.name)).toEqual([...names].reverse());

    const needle = all[0]!.name.slice(1, 5).toLowerCase();
    const fuzzy = await collect(cf.iam.userGroups.list({ account_id: ACCOUNT_ID, fuzzyName: needle }));
    expect(fuzzy.length).toBeGreaterThan(0);
    expect(fuzzy.every((g) => g.name.toLowerCase().includes(needle))).toBe(true);

    const byName = await cf.iam.userGroups.list({ account_id: ACCOUNT_ID, name: all[0]!.name });
    expect(byName.result.map((g) => g.id)).toEqual([all[0]!.id]);
    const byId = await cf.iam.userGroups.list({ account_id: ACCOUNT_ID, id: all[0]!.id });
    expect(byId.result.map((g) => g.id)).toEqual([all[0]!.id]);

    // A page past the last is an empty page, not an error.
    const past = await cf.iam.userGroups.list({ account_id: ACCOUNT_ID, page: 10_000, per_page: 100 });
    expect(past.result).toEqual([]);
    expect(past.hasNextPage()).toBe(false);
  });
});

describe('user group members', () => {
  test('create (bare array), list, get, update (replace), delete', async () => {
    const people = await collect(cf.accounts.members.list({ account_id: ACCOUNT_ID, status: 'accepted', per_page: 50 }));
    expect(people.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = people as [AccountMember, AccountMember, AccountMember];
    const group = await cf.iam.userGroups.create({ account_id: ACCOUNT_ID, name: unique('Conformance members') });
    const params = { account_id: ACCOUNT_ID, user_group_id: group.id };

    const added = await cf.iam.userGroups.members.create(group.id, { account_id: ACCOUNT_ID, members: [{ id: a.id! }, { id: b.id! }] });
    expectTypeOf(added.result).toEqualTypeOf<Cloudflare.IAM.UserGroups.MemberCreateResponse[]>();
    expect(added.result.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
    for (const m of added.result) {
      expect(m.status === 'accepted' || m.status === 'pending').toBe(true);
      expect(m.email).toBe(m.id === a.id ? a.email ?? a.user?.email : b.email ?? b.user?.email);
    }

    const listed = await collect(cf.iam.userGroups.members.list(group.id, { account_id: ACCOUNT_ID, per_page: 1 }));
    expectTypeOf(listed).toEqualTypeOf<Cloudflare.IAM.UserGroups.MemberListResponse[]>();
    expect(listed.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());

    const emailOfA = (a.user?.email ?? a.email)!;
    const fuzzy = await cf.iam.userGroups.members.list(group.id, {
      account_id: ACCOUNT_ID,
      fuzzyEmail: emailOfA.slice(0, emailOfA.indexOf('@')),
    });
    expect(fuzzy.result.map((m) => m.id)).toContain(a.id);
    const desc = await cf.iam.userGroups.members.list(group.id, { account_id: ACCOUNT_ID, direction: 'desc' });
    const emails = desc.result.map((m) => m.email!);
    expect(emails).toEqual([...emails].sort().reverse());

    const detail = await cf.iam.userGroups.members.get(a.id!, params);
    expectTypeOf(detail).toEqualTypeOf<Cloudflare.IAM.UserGroups.MemberGetResponse>();
    expect(detail.id).toBe(a.id);
    expect(detail.created_at).toMatch(DATE_TIME);
    expect(detail.user).toMatchObject({ email: emailOfA });

    const replaced = await cf.iam.userGroups.members.update(group.id, { account_id: ACCOUNT_ID, members: [{ id: c.id! }] });
    expectTypeOf(replaced.result).toEqualTypeOf<Cloudflare.IAM.UserGroups.MemberUpdateResponse[]>();
    expect(replaced.result.map((m) => m.id)).toEqual([c.id]);

    const removed = await cf.iam.userGroups.members.delete(c.id!, params);
    expectTypeOf(removed).toEqualTypeOf<Cloudflare.IAM.UserGroups.MemberDeleteResponse>();
    // DELETE answers the removed member, not `{ id }` only.
    expect(removed).toMatchObject({ id: c.id, email: c.user?.email ?? c.email });
    const empty = await cf.iam.userGroups.members.list(group.id, { account_id: ACCOUNT_ID });
    expect(empty.result).toEqual([]); // the SDK reads today's `result: null` as no members
    const raw = (await cf.iam.userGroups.members.list(group.id, { account_id: ACCOUNT_ID }).asResponse()).json() as Promise<{ result: unknown; result_info: unknown }>;
    expect(await raw).toMatchObject({ result: null, result_info: { count: 0, total_count: 0, total_pages: 1 } });
    const notMember = await apiError(cf.iam.userGroups.members.get(c.id!, params));
    expect(notMember).toBeInstanceOf(Cloudflare.NotFoundError);

    await cf.iam.userGroups.delete(group.id, { account_id: ACCOUNT_ID });
  });
});

describe('SSO connectors', () => {
  test('create, list, get, begin verification, verify through DNS, enable, delete', async () => {
    const domain = `sso-${process.pid}-${++seq}.conformance-corp.com`;
    const created = await cf.iam.sso.create({ account_id: ACCOUNT_ID, email_domain: domain, begin_verification: false });
    expectTypeOf(created).toEqualTypeOf<Cloudflare.IAM.SSOCreateResponse>();
    expect(created).toMatchObject({ email_domain: domain, enabled: false, use_fedramp_language: false });
    expect(created.id).toMatch(HEX32);
    expect(created.created_on).toMatch(DATE_TIME);
    expect(created.updated_on).toMatch(DATE_TIME);
    expect(created.verification?.code).toMatch(/^cloudflare_dashboard_sso=\S+$/);
    expect(created.verification?.status).toBe('awaiting');

    const listed = await collect(cf.iam.sso.list({ account_id: ACCOUNT_ID }));
    expectTypeOf(listed).toEqualTypeOf<Cloudflare.IAM.SSOListResponse[]>();
    expect(listed).toContainEqual(created);

    const got = await cf.iam.sso.get(created.id!, { account_id: ACCOUNT_ID });
    expectTypeOf(got).toEqualTypeOf<Cloudflare.IAM.SSOGetResponse>();
    expect(got).toEqual(created);

    // Enabling before the domain is verified is refused.
    const early = await apiError(cf.iam.sso.update(created.id!, { account_id: ACCOUNT_ID, enabled: true }));
    expect(early).toBeInstanceOf(Cloudflare.BadRequestError);

    // Publish the code where the checker looks, then begin verification.
    const res = await fetch(`${origin}/__sandbox/dns/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: domain, type: 'TXT', content: created.verification!.code }),
    });
    expect(res.status).toBe(201);
    const begun = await cf.iam.sso.beginVerification(created.id!, { account_id: ACCOUNT_ID });
    expectTypeOf(begun).toEqualTypeOf<Cloudflare.IAM.SSOBeginVerificationResponse>();
    // The SDK returns this one's whole envelope, which has no `result`.
    expect(begun).toMatchObject({ success: true, errors: [], messages: expect.any(Array) });

    let status = (await cf.iam.sso.get(created.id!, { account_id: ACCOUNT_ID })).verification?.status;
    expect(['pending', 'verified']).toContain(status);
    const deadline = Date.now() + 5_000;
    while (status !== 'verified' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, VERIFICATION_DELAY_MS));
      status = (await cf.iam.sso.get(created.id!, { account_id: ACCOUNT_ID })).verification?.status;
    }
    expect(status).toBe('verified');

    const enabled = await cf.iam.sso.update(created.id!, { account_id: ACCOUNT_ID, enabled: true, use_fedramp_language: true });
    expectTypeOf(enabled).toEqualTypeOf<Cloudflare.IAM.SSOUpdateResponse>();
    expect(enabled).toMatchObject({ id: created.id, enabled: true, use_fedramp_language: true, email_domain: domain });

    const deleted = await cf.iam.sso.delete(created.id!, { account_id: ACCOUNT_ID });
    expectTypeOf(deleted).toEqualTypeOf<Cloudflare.IAM.SSODeleteResponse | null>();
    expect(deleted).toEqual({ id: created.id });
    const gone = await apiError(cf.iam.sso.get(created.id!, { account_id: ACCOUNT_ID }));
    expect(gone).toBeInstanceOf(Cloudflare.NotFoundError);
  });

  test('create begins verification by default', async () => {
    const domain = `sso-default-${process.pid}-${++seq}.conformance-corp.com`;
    const created = await cf.iam.sso.create({ account_id: ACCOUNT_ID, email_domain: domain });
    expect(created.verification?.status).toBe('pending');
    await cf.iam.sso.delete(created.id!, { account_id: ACCOUNT_ID });
  });
});

describe('OAuth', () => {
  test('scopes: the catalogue', async () => {
    const scopes = await collect(cf.iam.oauthScopes.list());
    expectTypeOf(scopes).toEqualTypeOf<Cloudflare.IAM.OAuthScopeListResponse[]>();
    expect(scopes.length).toBeGreaterThan(5);
    for (const s of scopes) {
      expect(typeof s.id).toBe('string');
      expect(typeof s.name).toBe('string');
      expect(s.id).not.toContain(':');
    }
    expect(scopes.some((s) => typeof s.category === 'string')).toBe(true);
  });

  test('clients: create (secret once), get, list, update, rotate, delete rotated, delete', async () => {
    const catalogue = await collect(cf.iam.oauthScopes.list());
    const scope = catalogue.find((s) => s.id.includes('.'))!;
    expect(scope, 'the catalogue has a dot-delimited scope').toBeDefined();
    const name = unique('Conformance app');
    const created = await cf.iam.oauthClients.create({
      account_id: ACCOUNT_ID,
      client_name: name,
      grant_types: ['authorization_code', 'refresh_token'],
      redirect_uris: ['https://app.conformance-corp.com/callback'],
      response_types: ['code'],
      scopes: [scope.id],
      token_endpoint_auth_method: 'client_secret_basic',
      client_uri: 'https://app.conformance-corp.com',
    });
    expectTypeOf(created).toEqualTypeOf<Cloudflare.IAM.OAuthClientCreateResponse>();
    expect(created).toMatchObject({
      client_name: name,
      visibility: 'private',
      has_rotated_secret: false,
      redirect_uris: ['https://app.conformance-corp.com/callback'],
      token_endpoint_auth_method: 'client_secret_basic',
    });
    expect(created.client_id.length).toBeGreaterThan(0);
    expect(created.client_secret?.length ?? 0).toBeGreaterThanOrEqual(32);
    expect(created.scopes).toContain(scope.id);
    expect(created.created_at).toMatch(DATE_TIME);
    expect(created.updated_at).toMatch(DATE_TIME);
    expect(created.client_uri_verification?.status).toMatch(/^(pending|in_progress|verified|failed)$/);

    const got = await cf.iam.oauthClients.get(created.client_id, { account_id: ACCOUNT_ID });
    expectTypeOf(got).toEqualTypeOf<Cloudflare.IAM.OAuthClientGetResponse>();
    expect(got).not.toHaveProperty('client_secret');
    const { client_secret: secret, ...withoutSecret } = created;
    expect(got).toMatchObject({ ...withoutSecret, client_uri_verification: expect.anything(), updated_at: expect.any(String) });

    const listed = await collect(cf.iam.oauthClients.list({ account_id: ACCOUNT_ID }));
    expectTypeOf(listed).toEqualTypeOf<Cloudflare.IAM.OAuthClientListResponse[]>();
    const inList = listed.find((c) => c.client_id === created.client_id);
    expect(inList).toBeDefined();
    expect(inList).not.toHaveProperty('client_secret');

    const renamed = unique('Conformance app renamed');
    const updated = await cf.iam.oauthClients.update(created.client_id, { account_id: ACCOUNT_ID, client_name: renamed });
    expectTypeOf(updated).toEqualTypeOf<Cloudflare.IAM.OAuthClientUpdateResponse>();
    expect(updated).toMatchObject({ client_id: created.client_id, client_name: renamed, visibility: 'private' });
    expect(updated).not.toHaveProperty('client_secret');

    const rotated = await cf.iam.oauthClients.rotateSecret(created.client_id, { account_id: ACCOUNT_ID });
    expectTypeOf(rotated).toEqualTypeOf<Cloudflare.IAM.OAuthClientRotateSecretResponse>();
    expect(rotated.client_secret?.length ?? 0).toBeGreaterThanOrEqual(32);
    expect(rotated.client_secret).not.toBe(secret);
    expect((await cf.iam.oauthClients.get(created.client_id, { account_id: ACCOUNT_ID })).has_rotated_secret).toBe(true);

    const droppedOld = await cf.iam.oauthClients.deleteRotatedSecret(created.client_id, { account_id: ACCOUNT_ID });
    expectTypeOf(droppedOld).toEqualTypeOf<Cloudflare.IAM.OAuthClientDeleteRotatedSecretResponse | null>();
    expect(droppedOld).toEqual({ id: created.client_id });
    expect((await cf.iam.oauthClients.get(created.client_id, { account_id: ACCOUNT_ID })).has_rotated_secret).toBe(false);

    const deleted = await cf.iam.oauthClients.delete(created.client_id, { account_id: ACCOUNT_ID });
    expectTypeOf(deleted).toEqualTypeOf<Cloudflare.IAM.OAuthClientDeleteResponse | null>();
    expect(deleted).toEqual({ id: created.client_id });
    const gone = await apiError(cf.iam.oauthClients.get(created.client_id, { account_id: ACCOUNT_ID }));
    expect(gone).toBeInstanceOf(Cloudflare.NotFoundError);
  });

  test('clients: colon-delimited scopes are rejected with a typed 400', async () => {
    const err = await apiError(
      cf.iam.oauthClients.create({
        account_id: ACCOUNT_ID,
        client_name: unique('Conformance colon'),
        grant_types: ['authorization_code'],
        redirect_uris: ['https://app.conformance-corp.com/callback'],
        response_types: ['code'],
        scopes: ['zone:read'],
        token_endpoint_auth_method: 'none',
      }),
    );
    expect(err).toBeInstanceOf(Cloudflare.BadRequestError);
    expect(JSON.stringify(err.errors)).toMatch(/scopes/);
  });
});

describe('accounts, account members, token verify', () => {
  test('accounts.list pages and accounts.get', async () => {
    const accounts = await collect(cf.accounts.list());
    expectTypeOf(accounts).toEqualTypeOf<Cloudflare.Accounts.Account[]>();
    const mine = accounts.find((a) => a.id === ACCOUNT_ID);
    expect(mine).toMatchObject({ id: ACCOUNT_ID, name: expect.any(String) });
    expect(['standard', 'enterprise']).toContain(mine!.type);

    const account = await cf.accounts.get({ account_id: ACCOUNT_ID });
    expectTypeOf(account).toEqualTypeOf<Cloudflare.Accounts.Account>();
    expect(account).toEqual(mine);
  });

  test('accounts.members.list: every member across pages, with user details', async () => {
    const first = await cf.accounts.members.list({ account_id: ACCOUNT_ID, per_page: 50 });
    const total = (first.result_info as { total_count: number }).total_count;
    expect(total).toBeGreaterThanOrEqual(150);
    const all = await collect(cf.accounts.members.list({ account_id: ACCOUNT_ID, per_page: 50 }));
    expectTypeOf(all).toEqualTypeOf<AccountMember[]>();
    expect(all).toHaveLength(total);
    expect(new Set(all.map((m) => m.id)).size).toBe(total);
    for (const m of all) {
      expect(m.id).toMatch(HEX32);
      expect(m.user?.email).toMatch(/@/);
      expect(['accepted', 'pending']).toContain(m.status);
    }
    expect(all.some((m) => m.status === 'pending')).toBe(true);

    const pending = await collect(cf.accounts.members.list({ account_id: ACCOUNT_ID, status: 'pending', per_page: 50 }));
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((m) => m.status === 'pending')).toBe(true);
    for (const m of all) expect(typeof m.user?.two_factor_authentication_enabled).toBe('boolean');

    const byLastName = await cf.accounts.members.list({ account_id: ACCOUNT_ID, order: 'user.last_name', direction: 'desc', per_page: 5 });
    expect(byLastName.result).toHaveLength(5);
    const rejected = await cf.accounts.members.list({ account_id: ACCOUNT_ID, status: 'rejected' });
    expect(rejected.result).toEqual([]);
  });

  test('accounts.members.get: one member, as the list answers it', async () => {
    const [first] = (await cf.accounts.members.list({ account_id: ACCOUNT_ID, per_page: 5 })).result;
    const member = await cf.accounts.members.get(first!.id!, { account_id: ACCOUNT_ID });
    expectTypeOf(member).toEqualTypeOf<AccountMember>();
    expect(member).toEqual(first);
    const missing = await apiError(cf.accounts.members.get('0'.repeat(32), { account_id: ACCOUNT_ID }));
    expect(missing).toBeInstanceOf(Cloudflare.NotFoundError);
  });

  test('accounts.members.create invites (pending); asking for accepted is refused with 1001', async () => {
    const email = `conformance-${process.pid}-${++seq}@example.com`;
    const err = await apiError(cf.accounts.members.create({ account_id: ACCOUNT_ID, email, roles: [], status: 'accepted' }));
    expect(err).toBeInstanceOf(Cloudflare.BadRequestError);
    expect(err.errors[0]).toMatchObject({ code: 1001, message: 'Invalid request: automatic verification of new members is not allowed' });
    const invited = await cf.accounts.members.create({ account_id: ACCOUNT_ID, email, roles: [] });
    expect(invited).toMatchObject({ id: expect.stringMatching(HEX32), status: 'pending', user: { email } });
    expect(await cf.accounts.members.get(invited.id!, { account_id: ACCOUNT_ID })).toEqual(invited);
  });

  test('user.tokens.verify', async () => {
    const verified = await cf.user.tokens.verify();
    expectTypeOf(verified).toEqualTypeOf<Cloudflare.User.Tokens.TokenVerifyResponse>();
    expect(verified).toMatchObject({ id: expect.stringMatching(HEX32), status: 'active' });
  });
});

describe('authentication', () => {
  test('X-Auth-Email + X-Auth-Key works as the seeds use it for user groups and members', async () => {
    const keyed = client({ apiEmail: 'admin@example.com', apiKey: 'conformance-key' });
    const page = await keyed.iam.userGroups.list({ account_id: ACCOUNT_ID, per_page: 5 });
    expect(page.result.length).toBeGreaterThan(0);
    const group = await keyed.iam.userGroups.create({ account_id: ACCOUNT_ID, name: unique('Conformance keyed') });
    expect(group.id).toMatch(HEX32);
    expect(await keyed.iam.userGroups.delete(group.id, { account_id: ACCOUNT_ID })).toEqual({ id: group.id });
  });

  test('an unknown account is refused with a typed error', async () => {
    const err = await apiError(cf.iam.userGroups.list({ account_id: 'f'.repeat(32) }));
    expect(err.status).toBe(403);
    expect(err).toBeInstanceOf(Cloudflare.PermissionDeniedError);
    // Today's contextual 403 (Decision 5).
    expect(err.errors).toEqual([
      { code: 10000, message: 'Forbidden', documentation_url: 'https://developers.cloudflare.com/fundamentals/api/reference/permissions/' },
    ]);
  });
});

describe('audit logs', () => {
  test('auditLogs.list (v1) returns the writes just made, with filters, paging and order', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const keyed = client({ apiEmail: 'auditor@example.com', apiKey: 'conformance-key' });
    const { accountWide, pg } = await policyIngredients();
    const group = await cf.iam.userGroups.create({ account_id: ACCOUNT_ID, name: unique('Conformance audited'), policies: [] });
    await cf.iam.userGroups.update(group.id, {
      account_id: ACCOUNT_ID,
      policies: [{ access: 'allow', permission_groups: [{ id: pg.id }], resource_groups: [{ id: accountWide.id }] }] as any,
    });
    await keyed.iam.userGroups.delete(group.id, { account_id: ACCOUNT_ID });

    const mine = (await collect(cf.auditLogs.list({ account_id: ACCOUNT_ID, since, per_page: 2 }))).filter(
      (entry) => entry.resource?.id === group.id,
    );
    expectTypeOf(mine[0]!).toEqualTypeOf<Cloudflare.AuditLog>();
    expect(mine.map((entry) => entry.action?.type)).toEqual(['delete', 'update', 'create']);
    const [deleted, updated] = mine;
    expect(deleted!.actor).toMatchObject({ email: 'auditor@example.com', type: 'user' });
    expect(JSON.parse(deleted!.oldValue!)).toMatchObject({ id: group.id, name: group.name });
    expect(JSON.parse(updated!.newValue!).policies[0].permission_groups[0].id).toBe(pg.id);
    expect(updated!.when).toMatch(DATE_TIME);

    const deletes = await cf.auditLogs.list({ account_id: ACCOUNT_ID, since, action: { type: 'delete' }, actor: { email: 'auditor@example.com' } });
    expect(deletes.result.map((entry) => entry.resource?.id)).toContain(group.id);
    expect(deletes.result.every((entry) => entry.action?.type === 'delete')).toBe(true);
    const ascending = await cf.auditLogs.list({ account_id: ACCOUNT_ID, since, direction: 'asc', per_page: 50 });
    const times = ascending.result.map((entry) => entry.when!);
    expect(times).toEqual([...times].sort());
  });

  test('accounts.logs.audit.list (v2) pages with cursors and filters out with .not', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const before = new Date(Date.now() + 60_000).toISOString();
    const names = [unique('Conformance v2 a'), unique('Conformance v2 b'), unique('Conformance v2 c')];
    const ids: string[] = [];
    for (const name of names) ids.push((await cf.iam.userGroups.create({ account_id: ACCOUNT_ID, name })).id);
    await cf.iam.userGroups.delete(ids[0]!, { account_id: ACCOUNT_ID });

    const page = await cf.accounts.logs.audit.list({ account_id: ACCOUNT_ID, since, before, limit: 1, direction: 'asc' });
    expect(page.result).toHaveLength(1);
    expect(page.result_info.cursors?.after).toEqual(expect.any(String));
    const all = (await collect(cf.accounts.logs.audit.list({ account_id: ACCOUNT_ID, since, before, limit: 1, direction: 'asc' })))
      .filter((entry) => ids.includes(entry.resource?.id ?? ''));
    expect(all.map((entry) => entry.action?.type)).toEqual(['create', 'create', 'create', 'delete']);
    expect(all[0]!.actor).toMatchObject({ context: 'api_token', token_id: expect.stringMatching(HEX32) });
    const notCreated = await collect(
      cf.accounts.logs.audit.list({ account_id: ACCOUNT_ID, since, before, action_type: { not: ['create'] } }),
    );
    expect(notCreated.filter((entry) => ids.includes(entry.resource?.id ?? '')).map((e) => e.resource?.id)).toEqual([ids[0]]);
  });
});

describe('zones', () => {
  test('list: the SDK shape, its filters and operators, and auto-pagination that ends', async () => {
    const page = await cf.zones.list({ account: { id: ACCOUNT_ID }, per_page: 5 });
    expectTypeOf(page.result).toEqualTypeOf<Cloudflare.Zones.Zone[]>();
    expect(page.result).toHaveLength(5);
    for (const zone of page.result) {
      expect(zone.id).toMatch(HEX32);
      expect(zone.account).toMatchObject({ id: ACCOUNT_ID, name: 'Acme Corp' });
      expect(zone.created_on).toMatch(DATE_TIME);
      expect(Array.isArray(zone.name_servers)).toBe(true);
    }
    expect(page.result_info).toMatchObject({ page: 1, per_page: 5, count: 5 });
    const all = await collect(cf.zones.list({ account: { id: ACCOUNT_ID }, per_page: 5 }));
    expect(all.length).toBe((page.result_info as { total_count: number }).total_count);
    expect(new Set(all.map((z) => z.id)).size).toBe(all.length);

    const found = await collect(cf.zones.list({ account: { id: ACCOUNT_ID }, name: 'contains:shop' }));
    expect(found.map((z) => z.name)).toEqual(['acmeshop.com']);
    const pending = await collect(cf.zones.list({ status: 'pending', order: 'name', direction: 'desc' }));
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((z) => z.status === 'pending')).toBe(true);
    const typed = await collect(cf.zones.list({ type: ['partial', 'secondary'] }));
    expect(typed.map((z) => z.type).sort()).toEqual(['partial', 'secondary']);
  });

  test('get: one zone; an unknown one is an APIError with a 404', async () => {
    const [first] = (await cf.zones.list({ account: { id: ACCOUNT_ID }, name: 'acme.com' })).result;
    expect(first?.name).toBe('acme.com');
    const zone = await cf.zones.get({ zone_id: first!.id });
    expectTypeOf(zone).toEqualTypeOf<Cloudflare.Zones.Zone>();
    expect(zone).toMatchObject({ id: first!.id, name: 'acme.com', status: 'active', plan: { legacy_id: 'enterprise' } });
    const err = await apiError(cf.zones.get({ zone_id: 'f'.repeat(32) }));
    expect(err.status).toBe(404);
  });

  test('list: a bad parameter is an APIError naming it', async () => {
    const err = await apiError(cf.zones.list({ per_page: 51 }));
    expect(err.status).toBe(400);
    expect(JSON.stringify(err.errors)).toContain('per_page');
  });
});
