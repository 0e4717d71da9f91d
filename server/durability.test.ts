import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Durability: the real server, as a child process on a temp database, is killed with SIGKILL in
 * the middle of a burst of writes, then restarted. SQLite in WAL mode with synchronous=NORMAL
 * survives a process crash with every committed transaction (the WAL is in the OS page cache,
 * which the kill does not touch); it does not promise that for a power loss or kernel crash —
 * the last transactions before the failure may be rolled back (never corrupted). A sandbox can
 * live with that; the test here covers the process crash.
 */

const ROOT = new URL('..', import.meta.url).pathname;
const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
const PATH = `/client/v4/accounts/${ACCOUNT}/iam/user_groups`;
const CONCURRENCY = 12;
/** Kill once this many writes were acknowledged, while more are in flight. */
const KILL_AFTER_ACKS = 120;

const dir = mkdtempSync(join(tmpdir(), 'iam-durability-'));
const dbPath = join(dir, 'sandbox.db');
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'index.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      SANDBOX_DB: dbPath,
      SANDBOX_SEED: 'empty',
      SANDBOX_FAULTS: '',
      DIST_DIR: join(dir, 'no-dist'),
      CLOUDFLARE_API_TOKEN: '',
      CLOUDFLARE_EMAIL: '',
      CLOUDFLARE_API_KEY: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready:\n${output}`)));
  });
  return child;
}

async function createGroup(base: string, name: string): Promise<boolean> {
  try {
    const res = await fetch(base + PATH, {
      method: 'POST',
      headers: { authorization: 'Bearer durability', 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    const body = (await res.json()) as { success?: boolean; result?: { name?: string } };
    return res.status === 200 && body.success === true && body.result?.name === name;
  } catch {
    return false; // the connection died with the server: not acknowledged
  }
}

async function allGroupNames(base: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (let page = 1; ; page++) {
    const res = await fetch(`${base}${PATH}?per_page=500&page=${page}`, { headers: { authorization: 'Bearer durability' } });
    const body = (await res.json()) as { result: Array<{ name: string }>; result_info: { total_pages: number } };
    for (const group of body.result) names.add(group.name);
    if (page >= body.result_info.total_pages) return names;
  }
}

describe('durability', () => {
  it('every acknowledged write survives SIGKILL mid-burst, and the database is intact', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = await startServer(port);
    const exited = new Promise((resolve) => server.once('exit', resolve));

    const acknowledged: string[] = [];
    let attempted = 0;
    let killed = false;
    let inFlightAtKill = 0;
    let inFlight = 0;
    const worker = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const name = `durable ${w}-${i}`;
        attempted++;
        inFlight++;
        const ok = await createGroup(base, name);
        inFlight--;
        // An answer that arrived, even just as the kill landed, is an acknowledgement.
        if (ok) acknowledged.push(name);
        if (!killed && acknowledged.length >= KILL_AFTER_ACKS) {
          killed = true;
          inFlightAtKill = inFlight;
          server.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
    await exited;
    expect(server.signalCode).toBe('SIGKILL');
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(attempted).toBeGreaterThan(acknowledged.length);
    // The commits were still in the WAL when the process died: recovery is what is being tested.
    expect(existsSync(`${dbPath}-wal`) && statSync(`${dbPath}-wal`).size).toBeGreaterThan(0);

    const restarted = await startServer(port);
    try {
      const db = new Database(dbPath, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
      } finally {
        db.close();
      }
      const names = await allGroupNames(base);
      const lost = acknowledged.filter((name) => !names.has(name));
      expect(lost).toEqual([]);
      expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
      // The restarted server takes writes again.
      expect(await createGroup(base, 'after restart')).toBe(true);
    } finally {
      restarted.kill('SIGKILL');
    }
  }, 90_000);
});
