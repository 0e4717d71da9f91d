import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSandboxDb } from '../../runtime/node/open-sandbox-db.ts';

/**
 * `npm start` and `npm run dev` both default to .data/sandbox.db: two processes, one file. Each
 * write used to begin DEFERRED, read, then write — and fail with "database is locked" whenever the
 * other process committed in between (a stale snapshot cannot wait its turn). Writes now take the
 * lock first (IMMEDIATE) and wait for it (busy_timeout), so both processes' writes all succeed.
 */

const ROUNDS = 150;
const dir = mkdtempSync(join(tmpdir(), 'iam-two-writers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writer(dbPath: string, label: string): Promise<{ statuses: Record<string, number>; failures: string[] }> {
  const fixture = new URL('./two-writers.fixture.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, dbPath, label, String(ROUNDS)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`writer ${label} exited ${code}: ${err}`)))),
  );
}

describe('two server processes on one sandbox database', () => {
  it('answers every write of both without a "database is locked" 500', async () => {
    const dbPath = join(dir, 'sandbox.db');
    openSandboxDb(dbPath, 'default').close(); // created and seeded once, before both start
    const results = await Promise.all([writer(dbPath, 'Writer A'), writer(dbPath, 'Writer B')]);
    for (const { statuses, failures } of results) {
      expect(failures).toEqual([]);
      expect(statuses).toEqual({ 200: ROUNDS * 3 });
    }
  }, 60_000);
});
