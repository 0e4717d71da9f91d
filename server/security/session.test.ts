import { describe, expect, it } from 'vitest';
import { createLiveSession, launchUrl, LINK_SPENT_MESSAGE } from './session.ts';
import { dashboardHeaders, liveApp, LIVE_TOKEN, OWN_HOST, PORT, sandboxApp, send, USER_GROUPS } from './test-apps.ts';

/**
 * Anything on this machine can open a socket to 127.0.0.1 and forge every header — another local
 * user's process, a malicious package in some other project, a browser extension. Only what saw
 * the URL printed at launch holds the session cookie.
 */
const forged = () => dashboardHeaders();

function cookieFrom(setCookie: string | null): string {
  const pair = setCookie?.split(';')[0];
  if (!pair) throw new Error('no Set-Cookie');
  return pair;
}

describe('live session (token in the printed URL → HttpOnly SameSite=Strict cookie)', () => {
  it('without the check, a forged request with every header gets the credential used', async () => {
    const { app, calls } = liveApp({ session: false });
    const res = await send(app, USER_GROUPS, { headers: forged() });
    expect(res.status).toBe(200);
    expect(calls.map((c) => c.authorization)).toEqual([`Bearer ${LIVE_TOKEN}`]);
  });

  it('with the check, it is refused with 401 in the envelope and nothing goes upstream', async () => {
    const { app, calls } = liveApp();
    for (const path of [USER_GROUPS, '/console-api/mode', '/console-api/dns/txt?name=example.com']) {
      const res = await send(app, path, { headers: forged() });
      expect(res.status, path).toBe(401);
      expect(res.json, path).toMatchObject({ success: false, result: null, errors: [{ code: 10000 }] });
      expect(res.json.errors[0].message).toContain('?token=');
    }
    expect(calls).toHaveLength(0);
  });

  it('the printed URL sets the cookie, redirects without the token, and the cookie opens the API', async () => {
    const { app, calls, session } = liveApp();
    expect(launchUrl(`http://${OWN_HOST}`, session)).toBe(`http://${OWN_HOST}/?token=${session.token}`);

    const login = await app.request(`/groups?page=2&token=${session.token}`, { headers: { host: OWN_HOST, 'sec-fetch-site': 'none' } });
    expect(login.status).toBe(302);
    expect(login.headers.get('location')).toBe('/groups?page=2');
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^iam_console_session_${PORT}=`));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    // The cookie holds a different secret than the URL: the token never needs to travel again.
    expect(setCookie).not.toContain(session.token);
    expect(login.headers.get('cache-control')).toBe('no-store');

    const res = await send(app, USER_GROUPS, { headers: dashboardHeaders({ cookie: cookieFrom(setCookie) }) });
    expect(res.status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it('the link is single-use: once it has set a session, it is refused to anyone without that session (issue 28 item 7)', async () => {
    const { app, calls, session } = liveApp();
    const launch = { host: OWN_HOST, 'sec-fetch-site': 'none' };
    const first = await app.request(`/?token=${session.token}`, { headers: launch });
    expect(first.status).toBe(302);
    const cookie = cookieFrom(first.headers.get('set-cookie'));
    expect(cookie).not.toContain('Max-Age');

    // A copy of the link, in another browser: refused, no cookie, nothing upstream.
    const replay = await app.request(`/?token=${session.token}`, { headers: launch });
    expect(replay.status).toBe(401);
    expect(replay.headers.get('set-cookie')).toBeNull();
    expect(await replay.text()).toBe(LINK_SPENT_MESSAGE);

    // The browser it signed in may reopen it: it lands on the page, with no new cookie.
    const again = await app.request(`/groups?token=${session.token}`, { headers: { ...launch, cookie } });
    expect(again.status).toBe(302);
    expect(again.headers.get('location')).toBe('/groups');
    expect(again.headers.get('set-cookie')).toBeNull();
    expect((await send(app, USER_GROUPS, { headers: dashboardHeaders({ cookie }) })).status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it('a wrong token, or a cookie from another launch, opens nothing', async () => {
    const { app, calls } = liveApp();
    const wrong = await app.request('/?token=guess', { headers: { host: OWN_HOST } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const other = createLiveSession(PORT);
    const stale = await send(app, USER_GROUPS, { headers: dashboardHeaders({ cookie: `${other.cookieName}=${other.cookieValue}` }) });
    expect(stale.status).toBe(401);
    expect(calls).toHaveLength(0);
  });

  it('the launch link is taken only as printed: not from another site, not on another host name', async () => {
    const { app, session } = liveApp();
    const attempts = [
      { host: OWN_HOST, 'sec-fetch-site': 'cross-site' },
      { host: OWN_HOST, 'sec-fetch-site': 'same-site' },
      { host: `localhost:${PORT}`, 'sec-fetch-site': 'none' },
    ];
    for (const headers of attempts) {
      const res = await app.request(`/?token=${session.token}`, { headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    const typed = await app.request(`/?token=${session.token}`, { headers: { host: OWN_HOST, 'sec-fetch-site': 'none' } });
    expect(typed.status).toBe(302);
  });

  it('every launch has new secrets', () => {
    const a = createLiveSession(PORT);
    const b = createLiveSession(PORT);
    expect(a.token).not.toBe(b.token);
    expect(a.cookieValue).not.toBe(b.cookieValue);
    expect(a.token.length).toBeGreaterThanOrEqual(40);
  });

  it('the sandbox has no session: SDKs and the dashboard work without a token', async () => {
    const { app } = sandboxApp();
    expect((await send(app, USER_GROUPS, { headers: forged() })).status).toBe(200);
  });
});
