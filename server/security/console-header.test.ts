import { describe, expect, it } from 'vitest';
import { OWN_HOST, liveApp, sandboxApp, send, USER_GROUPS, LIVE_TOKEN, dashboardHeaders } from './test-apps.ts';

/**
 * A request that carries no browser labels at all — an `<img>`/`<script src>` GET from a browser
 * that sends neither Origin nor Sec-Fetch-* (Safari before 16.4), or any tool — and no credential
 * of its own. The server must not lend it its credential: only calls with `X-IAM-Console: 1`,
 * which no cross-site tag or form can set, get it.
 */
const bare = { host: OWN_HOST };

describe('console header (X-IAM-Console) before the server credential is added', () => {
  it('without the check, a bare request is served with the sandbox console credential', async () => {
    const { app } = sandboxApp({ consoleHeader: false });
    const res = await send(app, USER_GROUPS, { headers: bare });
    expect(res.status).toBe(200);
    expect(res.json.result.length).toBeGreaterThan(0);
  });

  it('with the check, the sandbox treats it as what it is: a call with no credential', async () => {
    const { app } = sandboxApp();
    const res = await send(app, USER_GROUPS, { headers: bare });
    expect(res.status).toBe(400);
    expect(res.json.success).toBe(false);
    expect(res.json.errors.map((e: { code: number }) => e.code)).toEqual([9106, 9107]);
  });

  it('without the check in live mode, the real credential goes upstream for it; with it, nothing goes', async () => {
    const open = liveApp({ consoleHeader: false, session: false });
    expect((await send(open.app, USER_GROUPS, { headers: bare })).status).toBe(200);
    expect(open.calls.map((c) => c.authorization)).toEqual([`Bearer ${LIVE_TOKEN}`]);

    const guarded = liveApp({ session: false });
    const res = await send(guarded.app, USER_GROUPS, { headers: bare });
    expect(res.status).toBe(403);
    expect(res.json.errors[0]).toMatchObject({ code: 9109 });
    expect(guarded.calls).toHaveLength(0);
  });

  it('the dashboard gets the credential; an SDK keeps its own', async () => {
    const { app } = sandboxApp();
    expect((await send(app, USER_GROUPS, { headers: dashboardHeaders() })).status).toBe(200);
    expect((await send(app, USER_GROUPS, { headers: { ...bare, authorization: 'Bearer sdk-token' } })).status).toBe(200);
    expect((await send(app, USER_GROUPS, { headers: { ...bare, 'x-iam-console': 'yes' } })).status).toBe(400);
  });

  it('live mode never forwards the browser credential headers or cookies', async () => {
    const { app, calls, session } = liveApp();
    const cookie = `${session.cookieName}=${session.cookieValue}; other=1`;
    await send(app, USER_GROUPS, { headers: dashboardHeaders({ cookie, authorization: 'Bearer from-browser' }) });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.authorization).toBe(`Bearer ${LIVE_TOKEN}`);
    expect(calls[0]!.headers.cookie).toBeUndefined();
    expect(calls[0]!.headers['x-iam-console']).toBeUndefined();
  });
});
