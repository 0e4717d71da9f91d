import { describe, expect, it } from 'vitest';
import type { WorkerEnv } from './env.ts';
import { routeToObject } from './route.ts';

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
