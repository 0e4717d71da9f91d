import type { Hono } from 'hono';
import { createApp } from '../runtime/node/app.ts';
import { loadConfig } from '../config.ts';
import { openSandboxDb } from '../runtime/node/open-sandbox-db.ts';
import { DEFAULT_ACCOUNT_ID } from '../sandbox/db/seed.ts';
import type { SecurityOptions } from './options.ts';
import { createLiveSession, type LiveSession } from './session.ts';

/** Test helpers for server/security/*.test.ts: the real app, with one protection on or off. */

export const ACCOUNT = DEFAULT_ACCOUNT_ID;
export const PORT = 3000;
export const OWN_HOST = `127.0.0.1:${PORT}`;
export const USER_GROUPS = `/client/v4/accounts/${ACCOUNT}/iam/user_groups`;
/** The live credential the tests look for in what the stand-in upstream received. */
export const LIVE_TOKEN = 'live-token-3c1f0b7e9a2d4c58b6e0';

/** The sandbox app on a fresh in-memory database. */
export function sandboxApp(security: Partial<SecurityOptions> = {}) {
  const db = openSandboxDb(':memory:', 'default');
  const app = createApp({ config: loadConfig({ PORT: String(PORT) }), db, serveSpa: false, security });
  return { app, db };
}

export interface UpstreamCall {
  url: string;
  method: string;
  authorization: string | null;
  headers: Record<string, string>;
}

/** The live app in front of a stand-in upstream that records every call and answers an empty list. */
export function liveApp(security: Partial<SecurityOptions> = {}, session: LiveSession = createLiveSession(PORT)) {
  const calls: UpstreamCall[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    calls.push({
      url: String(input),
      method: init?.method ?? 'GET',
      authorization: headers.get('authorization'),
      headers: Object.fromEntries(headers),
    });
    return Response.json({ success: true, errors: [], messages: [], result: [{ id: 'g1', name: 'Admins' }] });
  }) as typeof fetch;
  const config = loadConfig({
    PORT: String(PORT),
    CLOUDFLARE_API_TOKEN: LIVE_TOKEN,
    CLOUDFLARE_API_BASE: 'http://upstream.test/client/v4',
  });
  const app = createApp({ config, db: null, serveSpa: false, fetchImpl, security, session });
  return { app, calls, session };
}

/** The headers Chromium sends on a same-origin fetch from the dashboard. */
export function dashboardHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { host: OWN_HOST, origin: `http://${OWN_HOST}`, 'sec-fetch-site': 'same-origin', 'x-iam-console': '1', ...extra };
}

export async function send(app: Hono, path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  const res = await app.request(path, {
    method: init.method ?? 'GET',
    headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: a page or a plain-text refusal
  }
  return { status: res.status, headers: res.headers, text, json };
}

export function groupCount(db: ReturnType<typeof openSandboxDb>): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM user_groups').get() as { n: number }).n;
}
