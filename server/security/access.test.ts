import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../runtime/node/app.ts';
import { loadConfig } from '../config.ts';
import { currentActor } from '../console/actor.ts';
import { openConsoleStore } from '../runtime/node/open-console-store.ts';
import { openSandboxDb } from '../runtime/node/open-sandbox-db.ts';
import { createAccessVerifier } from './access.ts';
import { AccessConfigError, loadAccessConfig } from './access-config.ts';
import { ACCOUNT, dashboardHeaders, send, USER_GROUPS } from './test-apps.ts';

/**
 * Team mode: every request carries a Cloudflare Access JWT, or is refused. The tokens here are
 * signed as Access signs them (RS256, kid, aud[], iss, exp, email) by a key the test publishes.
 */
const TEAM = 'acme';
const ISSUER = 'https://acme.cloudflareaccess.com';
const AUD = 'aud-tag-of-the-console-application-0123456789abcdef0123456789abcd';
const env = { PORT: '3000', ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD };

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;
let teamKey: Keys;
let otherKey: Keys;
let jwks: { keys: JWK[] };

beforeAll(async () => {
  teamKey = await generateKeyPair('RS256');
  otherKey = await generateKeyPair('RS256');
  jwks = { keys: [{ ...(await exportJWK(teamKey.publicKey)), kid: 'team-1', alg: 'RS256' }] };
});

function token(claims: { email?: string; aud?: string; iss?: string; expiresIn?: number } = {}, key = teamKey.privateKey) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims.email === undefined ? { email: 'ada@acme.example' } : { email: claims.email })
    .setProtectedHeader({ alg: 'RS256', kid: 'team-1' })
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience([claims.aud ?? AUD])
    .setIssuedAt(now - 60)
    .setExpirationTime(now + (claims.expiresIn ?? 600))
    .sign(key);
}

function teamApp(consoleStorage?: ReturnType<typeof openConsoleStore>) {
  const config = loadConfig(env);
  const accessVerifier = createAccessVerifier(config.access!, createLocalJWKSet(jwks));
  return createApp({ config, db: openSandboxDb(':memory:', 'default'), serveSpa: false, accessVerifier, consoleStorage });
}

const withToken = (jwt: string) => dashboardHeaders({ 'cf-access-jwt-assertion': jwt });

describe('Cloudflare Access sign-in (team mode)', () => {
  it('serves a request with a valid token in the header or the CF_Authorization cookie, as that admin', async () => {
    const app = teamApp();
    const jwt = await token();
    expect((await send(app, USER_GROUPS, { headers: withToken(jwt) })).status).toBe(200);
    const mode = await send(app, '/console-api/mode', { headers: dashboardHeaders({ cookie: `CF_Authorization=${jwt}` }) });
    expect(mode.status).toBe(200);
    expect(mode.json.signedInAs).toBe('ada@acme.example');
  });

  it.each([
    ['no token', async () => null, 401, 10000, 'carries no Access token'],
    ['an expired token', () => token({ expiresIn: -30 }), 401, 10000, 'expired'],
    ['a token for another application (AUD)', () => token({ aud: 'someone-elses-app' }), 403, 9109, 'aud'],
    ['a token from another team (issuer)', () => token({ iss: 'https://evil.cloudflareaccess.com' }), 403, 9109, 'iss'],
    ['a token signed by another key', () => token({}, otherKey.privateKey), 403, 9109, 'signature'],
    ['a token that is not a JWT', async () => 'not.a.jwt', 403, 9109, 'not valid'],
  ])('refuses %s, on the API and on pages, in the envelope', async (_label, make, status, code, hint) => {
    const app = teamApp();
    const jwt = await make();
    const headers = jwt ? withToken(jwt) : dashboardHeaders();
    for (const path of [USER_GROUPS, '/console-api/mode', '/groups']) {
      const res = await send(app, path, { headers });
      expect(res.status, path).toBe(status);
      expect(res.json).toMatchObject({ success: false, errors: [{ code }] });
      expect(res.json.errors[0].message).toContain(hint);
    }
  });

  it('refuses an unsigned token (alg none) and a token with no email', async () => {
    const app = teamApp();
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ email: 'x@y.z', aud: [AUD], iss: ISSUER, exp: 4102444800 })).toString('base64url');
    expect((await send(app, USER_GROUPS, { headers: withToken(`${header}.${body}.`) })).status).toBe(403);
    expect((await send(app, USER_GROUPS, { headers: withToken(await token({ email: '' })) })).status).toBe(403);
  });

  it('makes the admin the actor for exactly the request being handled', async () => {
    const verify = createAccessVerifier(loadConfig(env).access!, createLocalJWKSet(jwks));
    const { accessCheck } = await import('./access.ts');
    const { Hono } = await import('hono');
    const app = new Hono();
    app.use('*', accessCheck(verify));
    app.get('/who', async (c) => {
      await new Promise((r) => setTimeout(r, 5));
      return c.json({ actor: currentActor()?.email ?? null });
    });
    const ask = async (email: string) =>
      (await (await app.request('/who', { headers: { 'cf-access-jwt-assertion': await token({ email }) } })).json()).actor;
    expect(await Promise.all([ask('ada@acme.example'), ask('grace@acme.example')])).toEqual(['ada@acme.example', 'grace@acme.example']);
    expect(currentActor()).toBeNull();
  });

  it('journals each change under the email of the admin who made it, and History shows it', async () => {
    const app = teamApp(openConsoleStore(':memory:'));
    const as = async (email: string) => withToken(await token({ email }));
    for (const [email, name] of [['ada@acme.example', 'Made by Ada'], ['grace@acme.example', 'Made by Grace']]) {
      const created = await send(app, USER_GROUPS, { method: 'POST', headers: await as(email!), body: { name, policies: [] } });
      expect(created.status).toBe(200);
    }
    const history = await send(app, `/console-api/history?account_id=${ACCOUNT}&source=console`, { headers: await as('ada@acme.example') });
    expect(history.status).toBe(200);
    const byName = Object.fromEntries(history.json.entries.map((e: any) => [e.resource.name, e.actor.label]));
    expect(byName).toEqual({ 'Made by Ada': 'ada@acme.example', 'Made by Grace': 'grace@acme.example' });
  });

  it('on a local console (no Access settings) there is no sign-in and no actor', async () => {
    const app = createApp({ config: loadConfig({ PORT: '3000' }), db: openSandboxDb(':memory:', 'empty'), serveSpa: false });
    const mode = await send(app, '/console-api/mode', { headers: dashboardHeaders() });
    expect(mode.json).toMatchObject({ mode: 'sandbox', signedInAs: null });
  });
});

describe('Access settings', () => {
  it('reads the team in any of its spellings and derives issuer and certs URL', () => {
    for (const team of ['acme', 'acme.cloudflareaccess.com', 'https://acme.cloudflareaccess.com/']) {
      expect(loadAccessConfig({ ACCESS_TEAM_DOMAIN: team, ACCESS_AUD: AUD })).toEqual({
        issuer: ISSUER,
        audience: AUD,
        jwksUrl: `${ISSUER}/cdn-cgi/access/certs`,
      });
    }
    expect(loadAccessConfig({})).toBeNull();
  });

  it('refuses half a configuration and a keys URL anywhere but this machine', () => {
    expect(() => loadAccessConfig({ ACCESS_TEAM_DOMAIN: TEAM })).toThrow(AccessConfigError);
    expect(() => loadAccessConfig({ ACCESS_AUD: AUD })).toThrow(AccessConfigError);
    for (const url of ['https://evil.example/certs', 'http://127.0.0.1.evil.example/certs', 'not a url']) {
      expect(() => loadAccessConfig({ ...env, ACCESS_JWKS_URL: url }), url).toThrow(/local stand-in only/);
    }
    expect(loadAccessConfig({ ...env, ACCESS_JWKS_URL: 'http://127.0.0.1:6218/cdn-cgi/access/certs' })?.jwksUrl).toBe(
      'http://127.0.0.1:6218/cdn-cgi/access/certs',
    );
  });
});
