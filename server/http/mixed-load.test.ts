import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_ID } from '../sandbox/db/seed.ts';

/**
 * Mixed reads and writes from 200 keep-alive connections opened at once against the real server
 * (its own process, as `npm start` runs it), the dashboard's way (with its header, so the app
 * adds the credential), including writes answered before their body is read (a PUT to a group a
 * colleague just deleted). Every request must get an answer, none a 5xx. Before: a connection
 * that carried an unread body lost the next request on it, and the connections accepted last
 * waited behind the busy ones past any client's patience. Counts only; how fast is
 * bench/api-throughput.ts's business.
 */

const ROOT = new URL('../..', import.meta.url).pathname;
const CONNECTIONS = 200;
const ROUNDS = 3;
const GROUPS = `/client/v4/accounts/${DEFAULT_ACCOUNT_ID}/iam/user_groups`;
const DASHBOARD = { 'x-iam-console': '1', 'content-type': 'application/json' };
const dir = mkdtempSync(join(tmpdir(), 'iam-mixed-load-'));
let child: ChildProcess;
let port: number;
let ownGroups: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  port = await freePort();
  child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'index.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      SANDBOX_DB: join(dir, 'sandbox.db'),
      CONSOLE_DB: ':memory:',
      SANDBOX_SEED: 'default',
      SANDBOX_FAULTS: '',
      // The server's capacity is under test, not Cloudflare's per-credential limit (rate-limit.test.ts).
      SANDBOX_RATE_LIMIT: 'off',
      DIST_DIR: join(dir, 'no-dist'),
      CLOUDFLARE_API_TOKEN: '',
      CLOUDFLARE_EMAIL: '',
      CLOUDFLARE_API_KEY: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/console-api/mode`)).ok) break;
    } catch {
      if (tries > 150) throw new Error('the server did not start');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  ownGroups = [];
  for (let i = 0; i < 20; i++) {
    const res = await fetch(`http://127.0.0.1:${port}${GROUPS}`, { method: 'POST', headers: DASHBOARD, body: JSON.stringify({ name: `Load ${i}` }) });
    ownGroups.push(((await res.json()) as { result: { id: string } }).result.id);
  }
}, 60_000);
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

type Outcome = number | 'lost';

/**
 * One request; 'lost' when the connection fails or nothing comes back within 30 s — patient on
 * purpose: on this shared machine a connection of the burst can wait seconds to be accepted, and
 * this test is about answers, not their speed.
 */
function call(agent: Agent, method: string, path: string, body?: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, agent, headers: DASHBOARD, timeout: 30_000 });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve('lost'));
    req.end(body);
  });
}

describe('200 connections of mixed reads and writes', () => {
  it('answers every request, none with a 5xx', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const outcomes: Outcome[] = [];
    const missing = `${GROUPS}/${'f'.repeat(32)}`;
    const body = (name: string) => JSON.stringify({ name, policies: [] });
    try {
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async (_, client) => {
          for (let round = 0; round < ROUNDS; round++) {
            const group = ownGroups[(client + round) % ownGroups.length]!;
            outcomes.push(await call(agent, 'GET', `${GROUPS}?per_page=20`));
            outcomes.push(await call(agent, 'PUT', `${GROUPS}/${group}`, body(`Load ${client}.${round}`)));
            outcomes.push(await call(agent, 'PUT', missing, body('x'.repeat(256 * 1024))));
            outcomes.push(await call(agent, 'GET', `${GROUPS}/${group}`));
          }
        }),
      );
    } finally {
      agent.destroy();
    }
    const tally = outcomes.reduce<Record<string, number>>((t, o) => ({ ...t, [o]: (t[o] ?? 0) + 1 }), {});
    expect(tally).toEqual({ 200: CONNECTIONS * ROUNDS * 3, 404: CONNECTIONS * ROUNDS });
  }, 180_000);
});
