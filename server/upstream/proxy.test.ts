import { serve, type ServerType } from '@hono/node-server';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../runtime/node/app.ts';
import { loadConfig } from '../config.ts';

/**
 * The live proxy between a real client and a stand-in upstream, both over TCP. curl sends
 * `Expect: 100-continue` with every body over 1 MB; Node's server answers the 100 itself, and the
 * proxy must not pass the header on (Node's fetch refuses it: the call used to end in a false 502).
 */

const TOKEN = 'live-token-for-proxy-test';
const PATH = '/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/iam/user_groups';
let upstream: Server;
let proxy: ServerType;
let proxyPort: number;
const received: Array<{ method: string; url: string; headers: Record<string, unknown>; bytes: number }> = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, bytes });
      if (req.url!.includes('echo-credential')) {
        // An upstream that quotes the header it did not like, credential included.
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ success: false, errors: [{ code: 6003, message: `Invalid header: ${String(req.headers.authorization)}` }] }));
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/json',
        'access-control-allow-origin': '*',
        'set-cookie': 'upstream=1',
        'x-upstream-debug': 'internal',
        ratelimit: '"default";r=1199;t=300',
        'retry-after': '7',
      });
      res.end(JSON.stringify({ success: true, errors: [], messages: [], result: { bytes } }));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const config = loadConfig({
    PORT: '0',
    CLOUDFLARE_API_TOKEN: TOKEN,
    CLOUDFLARE_API_BASE: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/client/v4`,
  });
  const app = createApp({ config, db: null, serveSpa: false, security: { session: false } });
  proxy = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  proxyPort = (proxy.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => proxy.close(resolve));
  await new Promise((resolve) => upstream.close(resolve));
});

/** A POST the way curl sends a large body: headers with Expect, the body only after the 100. */
function postExpectingContinue(body: Buffer): Promise<{ status: number; body: string; continued: boolean }> {
  return new Promise((resolve, reject) => {
    let continued = false;
    const req = httpRequest({
      host: '127.0.0.1',
      port: proxyPort,
      method: 'POST',
      path: PATH,
      headers: { 'content-type': 'application/json', 'content-length': body.length, expect: '100-continue', 'x-iam-console': '1' },
    });
    req.on('continue', () => {
      continued = true;
      req.end(body);
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: text, continued }));
    });
    req.on('error', reject);
  });
}

describe('live proxy: Expect: 100-continue', () => {
  it('forwards a 1.5 MB body sent with Expect and answers what the upstream answered', async () => {
    const body = Buffer.from(JSON.stringify({ name: 'x'.repeat(1_500_000) }));
    const answer = await postExpectingContinue(body);
    expect(answer.continued).toBe(true);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).result).toEqual({ bytes: body.length });
    const call = received.at(-1)!;
    expect(call.headers.expect).toBeUndefined();
    expect(call.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
});

describe('live proxy: allow-lists both ways', () => {
  async function call(path: string, headers: Record<string, string>) {
    return fetch(`http://127.0.0.1:${proxyPort}${path}`, { headers: { 'x-iam-console': '1', ...headers } });
  }

  it('sends upstream only the content headers and the credential, never the browser identity or X-* headers', async () => {
    const response = await call(PATH, {
      accept: 'application/json',
      'cf-access-jwt-assertion': 'eyJ.admin.jwt',
      'x-forwarded-for': '10.1.2.3',
      forwarded: 'for=10.1.2.3',
      'x-real-ip': '10.1.2.3',
      'cf-connecting-ip': '10.1.2.3',
      'x-anything-else': 'leak',
      'user-agent': 'Mozilla/5.0 admin laptop',
    });
    expect(response.status).toBe(200);
    const sent = received.at(-1)!.headers;
    for (const name of ['cf-access-jwt-assertion', 'x-forwarded-for', 'forwarded', 'x-real-ip', 'cf-connecting-ip', 'x-anything-else', 'x-iam-console', 'cookie']) {
      expect(sent[name], name).toBeUndefined();
    }
    expect(sent['user-agent']).not.toBe('Mozilla/5.0 admin laptop');
    expect(sent.accept).toBe('application/json');
    expect(sent.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('answers the browser with the content and rate-limit headers only', async () => {
    const response = await call(PATH, {});
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('x-upstream-debug')).toBeNull();
    expect(response.headers.get('ratelimit')).toBe('"default";r=1199;t=300');
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('content-type')).toContain('application/json');
  });

  it('never passes on an answer that contains the credential', async () => {
    const response = await call(`${PATH}?echo-credential=1`, {});
    const text = await response.text();
    expect(text).not.toContain(TOKEN);
    expect(response.status).toBe(502);
    expect(JSON.parse(text).errors[0].message).toMatch(/withheld/);
  });
});
