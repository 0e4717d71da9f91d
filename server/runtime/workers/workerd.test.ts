import { serve, type ServerType } from '@hono/node-server';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSandboxDb } from '../../sandbox/db/open.ts';
import { DEFAULT_ACCOUNT_ID } from '../../sandbox/db/seed.ts';
import { createSandboxApi } from '../../sandbox/router.ts';

/**
 * The Worker's edge gate and its Durable Object, run for real: `wrangler dev` (workerd, offline)
 * in live mode, its upstream a sandbox on this machine, its Access team a local key (issue 28
 * item 2). The unit tests (route.test.ts) use a fake object; these check what only workerd shows:
 * that nothing is read or created before Access, and where the journal lives.
 */
const TEAM = 'workerd-test';
const AUD = 'workerd0test0aud'.padEnd(64, '0');
const ACCOUNT = DEFAULT_ACCOUNT_ID;
const MADE_UP_ACCOUNT = 'abcdef0123456789abcdef0123456789';

let wrangler: ChildProcess | undefined;
let upstream: ServerType | undefined;
let jwks: Server | undefined;
let stateDir = '';
let base = '';
let output = '';
let privateKey: CryptoKey;
let kid = '';

const listen = (server: Server | ServerType) =>
  new Promise<number>((resolve) => (server as Server).once('listening', () => resolve(((server as Server).address() as AddressInfo).port)));

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  const port = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function accessToken(email = 'admin@acme.example'): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ email, type: 'app' })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer(`https://${TEAM}.cloudflareaccess.com`)
    .setAudience([AUD])
    .setSubject(`sub-${email}`)
    .setIssuedAt(now - 5)
    .setExpirationTime(now + 600)
    .sign(privateKey);
}

/** The Durable Objects' SQLite files wrangler dev keeps: one per object that ever existed. */
function objectFiles(): string[] {
  const root = join(stateDir, 'v3', 'do');
  const walk = (dir: string): string[] => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return [];
    }
    return names.flatMap((name) => (name.endsWith('.sqlite') ? [join(dir, name)] : walk(join(dir, name))));
  };
  return walk(root).filter((f) => !f.endsWith('metadata.sqlite'));
}

/**
 * A POST whose body is over the 2 MB limit, sent whole: wrangler dev answers only once a request's
 * body has arrived (its proxy drains it), so what shows the order of the checks is the answer:
 * 401 means Access came first, 413 that the size was checked before any object.
 */
async function postOversized(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: `[${' '.repeat(3 * 1024 * 1024)}]` });
  return { status: res.status, body: await res.text() };
}

beforeAll(async () => {
  const keys = await generateKeyPair('RS256', { extractable: true });
  privateKey = keys.privateKey;
  kid = `workerd-${Date.now()}`;
  const publicJwk = { ...(await exportJWK(keys.publicKey)), kid, alg: 'RS256', use: 'sig' };
  jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] })));
  jwks.listen(0, '127.0.0.1');
  const jwksPort = await listen(jwks);

  const db = openSandboxDb(':memory:', 'default');
  const sandbox = createSandboxApi({ db, shapes: 'today', verificationDelayMs: 0 });
  upstream = serve({ fetch: sandbox.fetch, port: 0, hostname: '127.0.0.1' });
  const upstreamPort = await listen(upstream);

  stateDir = mkdtempSync(join(tmpdir(), 'iam-console-workerd-'));
  const assets = join(stateDir, 'assets');
  mkdirSync(assets);
  writeFileSync(join(assets, 'index.html'), '<!doctype html><title>IAM Console</title>');
  const port = await freePort();
  const inspector = await freePort();
  base = `http://127.0.0.1:${port}`;
  const vars = {
    ACCESS_TEAM_DOMAIN: TEAM,
    ACCESS_AUD: AUD,
    ACCESS_JWKS_URL: `http://127.0.0.1:${jwksPort}/cdn-cgi/access/certs`,
    CLOUDFLARE_API_TOKEN: 'workerd-test-token',
    CLOUDFLARE_API_BASE: `http://127.0.0.1:${upstreamPort}/client/v4`,
    CLOUDFLARE_ACCOUNT_ID: ACCOUNT,
  };
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector), '--assets', assets, '--persist-to', join(stateDir, 'state'), '--log-level', 'warn'];
  for (const [name, value] of Object.entries(vars)) args.push('--var', `${name}:${value}`);
  stateDir = join(stateDir, 'state');
  wrangler = spawn('node_modules/.bin/wrangler', args, { env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_API_TOKEN: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  wrangler.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  wrangler.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (wrangler.exitCode !== null) throw new Error(`wrangler dev exited:\n${output}`);
    const up = await fetch(`${base}/console-api/mode`).then(() => true, () => false);
    if (up) break;
    if (Date.now() > deadline) throw new Error(`wrangler dev did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}, 120_000);

afterAll(async () => {
  wrangler?.kill('SIGTERM');
  await new Promise((resolve) => (wrangler && wrangler.exitCode === null ? wrangler.once('exit', resolve) : resolve(null)));
  await new Promise((resolve) => (upstream ? upstream.close(resolve) : resolve(null)));
  await new Promise((resolve) => (jwks ? jwks.close(resolve) : resolve(null)));
  if (stateDir) rmSync(join(stateDir, '..'), { recursive: true, force: true });
});

describe('the Worker on workerd (wrangler dev, live mode)', () => {
  it('checks Access before it reads a body or makes an object', async () => {
    const res = await postOversized(`/client/v4/accounts/${ACCOUNT}/iam/user_groups`, {});
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ success: false, result: null });
    expect(objectFiles()).toEqual([]);
  });

  it('refuses a body over the limit at the edge, before any object', async () => {
    const res = await postOversized(`/client/v4/accounts/${ACCOUNT}/iam/user_groups`, { 'cf-access-jwt-assertion': await accessToken() });
    expect(res.status).toBe(413);
    expect(res.body).toContain('too large');
    expect(objectFiles()).toEqual([]);
  });

  it('makes no object for an account the credential cannot reach', async () => {
    const token = await accessToken();
    for (const path of [`/console-api/history?account_id=${MADE_UP_ACCOUNT}`, `/client/v4/accounts/${MADE_UP_ACCOUNT}/iam/user_groups`]) {
      const res = await fetch(`${base}${path}`, { headers: { 'cf-access-jwt-assertion': token, 'x-iam-console': '1', 'sec-fetch-site': 'same-origin' } });
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { errors: Array<{ code: number }> }).errors[0]!.code, path).toBe(7003);
    }
    expect(objectFiles()).toEqual([]);
  });

  it("keeps the journal and the membership index in the account's object's SQLite", async () => {
    const token = await accessToken('grace@acme.example');
    const headers = { 'cf-access-jwt-assertion': token, 'x-iam-console': '1', 'sec-fetch-site': 'same-origin', origin: base, 'content-type': 'application/json' };
    const name = `Workerd ${Date.now().toString(36)}`;
    const created = await fetch(`${base}/client/v4/accounts/${ACCOUNT}/iam/user_groups`, { method: 'POST', headers, body: JSON.stringify({ name }) });
    expect(created.status, await created.clone().text()).toBe(200);
    const history = (await (await fetch(`${base}/console-api/history?account_id=${ACCOUNT}&resource_type=user_group`, { headers })).json()) as {
      entries: Array<{ resource: { name: string }; actor: { label: string } }>;
    };
    expect(history.entries.find((e) => e.resource.name === name)?.actor.label).toBe('grace@acme.example');
    await fetch(`${base}/console-api/accounts/${ACCOUNT}/membership-index`, { headers });

    const files = objectFiles();
    expect(files).toHaveLength(1); // the account's object, and no other
    const db = new Database(files[0]!, { readonly: true, fileMustExist: true });
    try {
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(['journal_entries']));
      expect(tables.some((t) => /membership|index/i.test(t)), tables.join(', ')).toBe(true);
      const journaled = db.prepare('SELECT count(*) AS n FROM journal_entries WHERE resource_name = ?').get(name) as { n: number };
      expect(journaled.n).toBe(1);
    } finally {
      db.close();
    }
  });
});
