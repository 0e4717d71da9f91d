import { beforeEach, describe, expect, it } from 'vitest';
import type { WorkerEnv } from './env.ts';
import { routeToObject as route, type EdgeDeps } from './route.ts';
import { forgetEdgeCaches } from './edge-gate.ts';
import type { AccessVerifier } from '../../security/access.ts';

const signedIn: AccessVerifier = async () => ({ ok: true, email: 'ana@acme.example' });
const signedOut: AccessVerifier = async (token) => ({ ok: false, status: token ? 403 : 401, message: 'Sign in through Cloudflare Access' });
/** The routing tests below run as a signed-in admin; the gate's own tests pass their own deps. */
const routeToObject = (request: Request, env: WorkerEnv, deps: EdgeDeps = {}) =>
  route(request, env, { verifyAccess: signedIn, fetchImpl: accountsApi([ACCOUNT, OTHER]), ...deps });

/** A stand-in for GET /accounts listing these ids, counting its calls. */
function accountsApi(ids: string[], calls: { n: number } = { n: 0 }): typeof fetch {
  return (async () => {
    calls.n += 1;
    return Response.json({ success: true, errors: [], messages: [], result: ids.map((id) => ({ id, name: id })) });
  }) as unknown as typeof fetch;
}

const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
const OTHER = '7c1a4e2b9d0f4c3e8a5b6d7e8f901a2b';

/** A Durable Object namespace that records which object each request reached and what it got. */
function workerEnv(vars: Partial<WorkerEnv>) {
  const reached: Array<{ name: string; method: string; body: string }> = [];
  const env = {
    ASSETS: { fetch: async () => new Response(null, { status: 404 }) },
    CONSOLE: {
      idFromName: (name: string) => ({ toString: () => name }),
      get: (id: { toString(): string }) => ({
        fetch: async (request: Request) => {
          reached.push({ name: id.toString(), method: request.method, body: await request.text() });
          return new Response('ok');
        },
      }),
    },
    ...vars,
  } as WorkerEnv;
  return { env, reached };
}

const team = { ACCESS_TEAM_DOMAIN: 'acme', ACCESS_AUD: 'aud-tag' };

describe('the Worker entry', () => {
  beforeEach(() => forgetEdgeCaches());

  it.each([
    ['no Access settings', {}],
    ['only the team', { ACCESS_TEAM_DOMAIN: 'acme' }],
    ['only the AUD', { ACCESS_AUD: 'aud-tag' }],
    ['a keys URL off this machine', { ...team, ACCESS_JWKS_URL: 'https://evil.example/certs' }],
  ])('refuses to serve anything with %s', async (_label, vars) => {
    const { env, reached } = workerEnv(vars);
    for (const path of ['/', '/groups', `/client/v4/accounts/${ACCOUNT}/iam/user_groups`]) {
      const res = await routeToObject(new Request(`https://iam.example.com${path}`), env);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ success: false, errors: [{ code: 1000 }] });
    }
    expect(reached).toEqual([]);
  });

  it('sends the whole sandbox to one object', async () => {
    const { env, reached } = workerEnv(team);
    await routeToObject(new Request(`https://iam.example.com/client/v4/accounts/${ACCOUNT}/iam/user_groups`), env);
    await routeToObject(new Request(`https://iam.example.com/client/v4/accounts/${OTHER}/members`), env);
    await routeToObject(new Request('https://iam.example.com/__sandbox/dns/records'), env);
    expect(reached.map((r) => r.name)).toEqual(['sandbox', 'sandbox', 'sandbox']);
  });

  it('in live mode gives each account its own object, and hands the body over whole', async () => {
    const { env, reached } = workerEnv({ ...team, CLOUDFLARE_API_TOKEN: 'secret', CLOUDFLARE_ACCOUNT_ID: OTHER });
    const body = JSON.stringify({ name: 'Admins' });
    await routeToObject(new Request(`https://iam.example.com/client/v4/accounts/${ACCOUNT}/iam/user_groups`, { method: 'POST', body }), env);
    await routeToObject(new Request(`https://iam.example.com/accounts/${OTHER}/groups`), env);
    await routeToObject(new Request('https://iam.example.com/console-api/mode'), env);
    expect(reached).toEqual([
      { name: `account:${ACCOUNT}`, method: 'POST', body },
      { name: `account:${OTHER}`, method: 'GET', body: '' },
      { name: `account:${OTHER}`, method: 'GET', body: '' },
    ]);
  });

  it('in live mode the console store’s views reach the object holding that account’s state', async () => {
    const { env, reached } = workerEnv({ ...team, CLOUDFLARE_API_TOKEN: 'secret' });
    for (const path of [
      `/console-api/history?account_id=${ACCOUNT}&page=2`,
      `/console-api/history/export?account_id=${ACCOUNT}`,
      `/console-api/accounts/${ACCOUNT}/members`,
      `/console-api/accounts/${ACCOUNT}/findings`,
    ]) {
      await routeToObject(new Request(`https://iam.example.com${path}`), env);
    }
    await routeToObject(new Request('https://iam.example.com/console-api/history?account_id=not-an-account'), env);
    expect(reached.map((r) => r.name)).toEqual([...Array(4).fill(`account:${ACCOUNT}`), 'account:shared']);
  });
});

describe('the Worker gate: nothing before Access', () => {
  beforeEach(() => forgetEdgeCaches());
  const live = { ...team, CLOUDFLARE_API_TOKEN: 'secret' };

  /** A body that counts how much of it was pulled: a refusal must pull none of it. */
  function countedBody(totalBytes: number) {
    const pulled = { bytes: 0 };
    const chunk = new Uint8Array(1024 * 1024);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled.bytes >= totalBytes) return controller.close();
        pulled.bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    }, { highWaterMark: 0 });
    return { stream, pulled };
  }

  it('refuses a request without Access before any object exists or any body is read', async () => {
    const { env, reached } = workerEnv(live);
    const { stream, pulled } = countedBody(120 * 1024 * 1024);
    const post = new Request(`https://iam.example.com/client/v4/accounts/${ACCOUNT}/iam/user_groups`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    const responses = [
      await route(post, env, { verifyAccess: signedOut }),
      await route(new Request(`https://iam.example.com/console-api/history?account_id=${'a'.repeat(32)}`), env, { verifyAccess: signedOut }),
    ];
    expect(responses.map((r) => r.status)).toEqual([401, 401]);
    expect(reached).toEqual([]);
    expect(pulled.bytes).toBe(0);
  });

  it('refuses a body over the limit from its declared length, unread, and cuts a stream at the limit', async () => {
    const { env, reached } = workerEnv(team);
    const declared = await route(
      new Request('https://iam.example.com/client/v4/x', { method: 'POST', headers: { 'content-length': String(3 * 1024 * 1024) }, body: 'x' }),
      env,
      { verifyAccess: signedIn },
    );
    expect(declared.status).toBe(413);
    const { stream, pulled } = countedBody(120 * 1024 * 1024);
    const streamed = await route(new Request('https://iam.example.com/client/v4/x', { method: 'POST', body: stream, duplex: 'half' } as RequestInit), env, { verifyAccess: signedIn });
    expect(streamed.status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(reached).toEqual([]);
  });

  it('in live mode makes no object for an account the credential cannot reach, and asks the API once', async () => {
    const { env, reached } = workerEnv(live);
    const calls = { n: 0 };
    const deps = { verifyAccess: signedIn, fetchImpl: accountsApi([ACCOUNT], calls) };
    const madeUp = Array.from({ length: 20 }, (_, i) => i.toString(16).padStart(32, 'f'));
    for (const id of madeUp) {
      const res = await route(new Request(`https://iam.example.com/console-api/accounts/${id}/membership-index`), env, deps);
      expect(res.status).toBe(404);
    }
    const ok = await route(new Request(`https://iam.example.com/console-api/accounts/${ACCOUNT}/members`), env, deps);
    expect(ok.status).toBe(200);
    expect(reached.map((r) => r.name)).toEqual([`account:${ACCOUNT}`]);
    expect(calls.n).toBe(1);
  });
});
