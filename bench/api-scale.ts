import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSandboxDb } from '../server/runtime/node/open-sandbox-db.ts';
import { HUGE_EXTRA_GROUPS, HUGE_EXTRA_MEMBERS } from '../server/sandbox/db/seed-large.ts';
import { startConsole } from './hardening-support.ts';
import { ACCOUNT_ID, printTable, summarize } from './support.ts';

/**
 * How the user-group API's cost grows with the account: list (first and a middle page, asked
 * again as a dashboard does, and a new page every time), fuzzy search (the same needle, as when
 * paging its results, and a new needle every time) and get (the same group, and a new one),
 * at 1,000, 10,000 and 100,000 groups. Each database is seeded by the sandbox's own scale seed
 * (100,000 groups and 20,000 members is SANDBOX_SEED=huge), timed, then served by the real
 * server. Sequential requests from Node: BENCH_SCALE_RUNS (default 30) per cell after 3 warm-ups.
 */

const RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 30);
const GROUPS = `/client/v4/accounts/${ACCOUNT_ID}/iam/user_groups`;
const HEADERS = { authorization: 'Bearer bench' };
const SIZES = [
  { groups: 1_000, members: 200 },
  { groups: 10_000, members: 2_000 },
  { groups: HUGE_EXTRA_GROUPS, members: HUGE_EXTRA_MEMBERS },
];

async function p50(baseUrl: string, path: (i: number) => string): Promise<number> {
  const call = async (i: number) => {
    const res = await fetch(baseUrl + path(i), { headers: HEADERS });
    if (!res.ok) throw new Error(`${path(i)} answered ${res.status}`);
    await res.arrayBuffer();
  };
  for (let i = 0; i < 3; i++) await call(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await call(i);
    samples.push(performance.now() - t0);
  }
  return summarize(samples).p50;
}

const LETTERS = 'abcdefghilmnoprstu';
/** A different two-letter needle for every call, so no remembered total or page helps. */
const needle = (i: number) => LETTERS[Math.abs(i) % LETTERS.length]! + LETTERS[Math.floor(Math.abs(i) / LETTERS.length) % LETTERS.length]!;

export async function run(): Promise<void> {
  const columns: Record<string, Record<string, number | string>> = {};
  const seedRow: Record<string, number | string> = { request: 'seed (s, in-process, same code as the server)' };
  for (const size of SIZES) {
    const label = `${size.groups.toLocaleString('en')} groups`;
    const dir = mkdtempSync(join(tmpdir(), 'iam-bench-scale-'));
    try {
      const path = join(dir, 'sandbox.db');
      const t0 = performance.now();
      openSandboxDb(path, 'huge', size).close();
      seedRow[label] = (performance.now() - t0) / 1000;
      const server = await startConsole({ spa: false, env: { SANDBOX_DB: path, SANDBOX_SEED: 'huge', SANDBOX_RATE_LIMIT: 'off' } });
      try {
        const { baseUrl } = server;
        const total = ((await (await fetch(`${baseUrl}${GROUPS}?per_page=1`, { headers: HEADERS })).json()) as { result_info: { total_count: number } }).result_info.total_count;
        const middle = Math.max(1, Math.floor(total / 20 / 2));
        // As many groups as calls, from the middle: `get a different group` reads each once.
        const around = ((await (await fetch(`${baseUrl}${GROUPS}?per_page=${RUNS + 3}&page=${Math.max(1, Math.floor(total / (RUNS + 3) / 2))}`, { headers: HEADERS })).json()) as {
          result: Array<{ id: string }>;
        }).result.map((g) => g.id);
        const one = around[0]!;
        const pages = Math.ceil(total / 20);
        /** A page no earlier call asked for: the warm-ups are i = -1..-3, the calls 0..RUNS-1. */
        const newPage = (i: number) => 1 + ((middle + i + 3) % pages);
        const cells: Array<[string, (i: number) => string]> = [
          ['list per_page=20 page 1', () => `${GROUPS}?per_page=20`],
          [`list per_page=20, middle page`, () => `${GROUPS}?per_page=20&page=${middle}`],
          ['list per_page=20, a new page every call', (i) => `${GROUPS}?per_page=20&page=${newPage(i)}`],
          ['fuzzy_name=emea per_page=20 (same needle)', () => `${GROUPS}?per_page=20&fuzzy_name=emea`],
          ['fuzzy_name=<new needle> per_page=20', (i) => `${GROUPS}?per_page=20&fuzzy_name=${needle(i)}${i}`],
          ['get one group', () => `${GROUPS}/${one}`],
          ['get a different group every call', (i) => `${GROUPS}/${around[i + 3]}`],
        ];
        for (const [request, path] of cells) {
          columns[request] ??= { request };
          columns[request]![label] = await p50(baseUrl, path);
        }
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const [small, , large] = SIZES.map((s) => `${s.groups.toLocaleString('en')} groups`);
  const rows = Object.values(columns).map((row) => ({ ...row, '×100k/1k': (row[large!] as number) / (row[small!] as number) }));
  printTable(`User-group API cost by account size (p50 ms of ${RUNS} sequential requests; seed in s)`, [...rows, seedRow]);
}
