import { serve, type ServerType } from '@hono/node-server';
import { request as httpRequest, Agent, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../runtime/node/app.ts';
import { loadConfig } from '../config.ts';
import { openSandboxDb } from '../runtime/node/open-sandbox-db.ts';
import { DEFAULT_ACCOUNT_ID } from '../sandbox/db/seed.ts';

/**
 * Request bodies on the real Node server, over real keep-alive connections:
 * - a body over the limit is answered 413 in the envelope before the rest of it is sent;
 * - a body the handler never reads (an answer decided before it) does not break the next request
 *   on the same connection — the dashboard's calls included, which the app copies to add the
 *   sandbox credential (withHeaders in app.ts).
 */

const GROUPS = `/client/v4/accounts/${DEFAULT_ACCOUNT_ID}/iam/user_groups`;
const MISSING_GROUP_MEMBERS = `${GROUPS}/${'0'.repeat(32)}/members`;
let server: ServerType;
let port: number;

beforeAll(async () => {
  const db = openSandboxDb(':memory:', 'default');
  const app = createApp({ config: loadConfig({ PORT: '0' }), db, serveSpa: false });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** Bytes of the request body written when the answer's headers arrived. */
  sentWhenAnswered: number;
}

/**
 * One request. `body` is written in 64 KB chunks, as fast as the socket takes them, and stops as
 * soon as the answer arrives (a client that honours an early answer); `declaredLength` may claim
 * more than is sent, and `chunked` sends no length at all.
 */
function send(
  method: string,
  path: string,
  options: { agent?: Agent; headers?: Record<string, string>; body?: Buffer; declaredLength?: number; chunked?: boolean } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { authorization: 'Bearer test', ...options.headers };
    if (options.body && !options.chunked) headers['content-length'] = options.declaredLength ?? options.body.length;
    if (options.body) headers['content-type'] = 'application/json';
    const req = httpRequest({ host: '127.0.0.1', port, method, path, agent: options.agent, headers });
    let sent = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const sentWhenAnswered = sent;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body, sentWhenAnswered }));
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const body = options.body;
    if (!body) return void req.end();
    const writeMore = () => {
      while (!answered && sent < body.length) {
        const chunk = body.subarray(sent, sent + 65_536);
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', writeMore);
      }
      if (!answered && (options.declaredLength ?? body.length) === body.length) req.end();
    };
    writeMore();
  });
}

/** A JSON array of member ids, `bytes` long. */
function membersBody(bytes: number): Buffer {
  const one = `{"id":"${'a'.repeat(32)}"},`;
  return Buffer.from(`[${one.repeat(Math.floor((bytes - 2) / one.length)).slice(0, -1)}]`);
}

describe('request body limit', () => {
  it('answers a body declared over 2 MB with 413 in the envelope before the rest is sent', async () => {
    const answer = await send('POST', GROUPS, { body: membersBody(8 * 1024 * 1024), declaredLength: 600 * 1024 * 1024 });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ success: false, result: null, errors: [{ code: 1001 }] });
    expect(JSON.parse(answer.body).errors[0].message).toMatch(/2 MB/);
    expect(answer.sentWhenAnswered).toBeLessThan(8 * 1024 * 1024);
  });

  it('stops a chunked body (no length given) once it passes 2 MB', async () => {
    const answer = await send('POST', GROUPS, { body: membersBody(8 * 1024 * 1024), chunked: true });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).errors[0].code).toBe(1001);
  });

  it('still takes a body just under the limit (10,000 member ids)', async () => {
    const body = membersBody(2 * 1024 * 1024 - 1024);
    const answer = await send('POST', MISSING_GROUP_MEMBERS, { body });
    expect(answer.status).toBe(404); // read and routed: the group does not exist
  });
});

describe('unread request bodies and keep-alive', () => {
  it.each([
    ['an SDK call (its own credential)', {}],
    ["the dashboard's call (the app adds the sandbox credential)", { 'x-iam-console': '1' }],
  ])('the next request on the connection works after %s answered without reading its body', async (_label, headers) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let round = 0; round < 3; round++) {
        const unread = await send('POST', MISSING_GROUP_MEMBERS, { agent, headers, body: membersBody(1024 * 1024) });
        expect(unread.status).toBe(404);
        const next = await send('GET', `${GROUPS}?per_page=5`, { agent, headers });
        expect(next.status).toBe(200);
        expect(JSON.parse(next.body).result).toHaveLength(5);
      }
    } finally {
      agent.destroy();
    }
  });

  it('the next request works after an oversized body was refused (that connection is closed cleanly)', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (const options of [{ declaredLength: 600 * 1024 * 1024 }, { chunked: true }]) {
        const refused = await send('POST', GROUPS, { agent, body: membersBody(4 * 1024 * 1024), ...options });
        expect(refused.status).toBe(413);
        expect(refused.headers.connection).toBe('close');
        const next = await send('GET', `${GROUPS}?per_page=5`, { agent });
        expect(next.status).toBe(200);
      }
    } finally {
      agent.destroy();
    }
  });
});
