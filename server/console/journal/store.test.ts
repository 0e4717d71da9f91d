import { describe, expect, it } from 'vitest';
import { openConsoleStore } from '../../runtime/node/open-console-store.ts';
import { createHistoryApi } from './routes.ts';
import { decodeCursor, eachEntry, insertEntry, queryEntries, queryEntriesPage } from './store.ts';

const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';

describe('the NDJSON export’s reader', () => {
  it('yields every entry once, oldest first, across batches and entries sharing a timestamp', () => {
    const storage = openConsoleStore(':memory:');
    const ats = ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'];
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      ids.push(
        insertEntry(storage, {
          accountId: ACCOUNT, at: ats[i % 3]!, source: 'console', actorId: null, actorLabel: 'a', action: 'update',
          resourceType: 'user_group', resourceId: `g${i}`, resourceName: `G${i}`, method: 'PUT', path: '/x', request: null,
          status: 200, success: true, errors: null, before: null, after: { i }, reverts: null,
        }),
      );
    }
    const read = [...eachEntry(storage, { accountId: ACCOUNT }, 3)];
    expect(read).toHaveLength(40);
    expect(new Set(read.map((e) => e.id))).toEqual(new Set(ids));
    expect(read.map((e) => e.at)).toEqual([...read.map((e) => e.at)].sort());
  });
});

describe('History pages by size, not only by count (issue 28 item 5)', () => {
  const big = 'x'.repeat(300_000); // one group's before/after can be a megabyte
  function fill(storage: ReturnType<typeof openConsoleStore>, n: number) {
    for (let i = 0; i < n; i++) {
      insertEntry(storage, {
        accountId: ACCOUNT, at: `2026-01-01T00:00:${String(i % 3).padStart(2, '0')}.000Z`, source: 'console', actorId: null, actorLabel: 'a', action: 'update',
        resourceType: 'user_group', resourceId: `g${i}`, resourceName: `G${i}`, method: 'PUT', path: '/x', request: null,
        status: 200, success: true, errors: null, before: { big }, after: { i }, reverts: null,
      });
    }
  }

  it('ends a page at the byte cap and continues it with a cursor, every entry once, newest first', () => {
    const storage = openConsoleStore(':memory:');
    fill(storage, 10);
    const everything = queryEntries(storage, { accountId: ACCOUNT }, 10, 0).entries.map((e) => e.id);
    const seen: string[] = [];
    let page = queryEntriesPage(storage, { accountId: ACCOUNT }, { limit: 10, offset: 0, cursor: null, maxBytes: 1_000_000, batch: 4 });
    expect(page.entries).toHaveLength(3); // 3 × ~300 KB fit under 1 MB, a fourth would not
    expect(page.total).toBe(10);
    seen.push(...page.entries.map((e) => e.id));
    while (page.nextCursor) {
      page = queryEntriesPage(storage, { accountId: ACCOUNT }, { limit: 10 - seen.length, offset: 0, cursor: decodeCursor(page.nextCursor), maxBytes: 1_000_000 });
      expect(new TextEncoder().encode(JSON.stringify(page.entries)).length).toBeLessThan(1_000_000);
      seen.push(...page.entries.map((e) => e.id));
    }
    expect(seen).toEqual(everything);
  });

  it('sends one entry larger than the cap alone, so a page always moves on; small pages are as before', () => {
    const storage = openConsoleStore(':memory:');
    fill(storage, 2);
    const page = queryEntriesPage(storage, { accountId: ACCOUNT }, { limit: 25, offset: 0, cursor: null, maxBytes: 1000 });
    expect(page.entries).toHaveLength(1);
    expect(page.nextCursor).not.toBeNull();
    const roomy = queryEntriesPage(storage, { accountId: ACCOUNT }, { limit: 25, offset: 1, cursor: null, maxBytes: 10_000_000 });
    expect(roomy).toMatchObject({ total: 2, nextCursor: null });
    expect(roomy.entries).toHaveLength(1);
    expect(decodeCursor('not a cursor')).toBeNull();
  });
});

describe('GET /console-api/history caps its answer by size', () => {
  it('answers a page that stops at the cap with next_cursor, and the cursor continues it', async () => {
    const storage = openConsoleStore(':memory:');
    const big = 'y'.repeat(200_000);
    for (let i = 0; i < 6; i++) {
      insertEntry(storage, {
        accountId: ACCOUNT, at: `2026-01-0${i + 1}T00:00:00.000Z`, source: 'console', actorId: null, actorLabel: 'a', action: 'update',
        resourceType: 'user_group', resourceId: 'g', resourceName: 'G', method: 'PUT', path: '/x', request: null,
        status: 200, success: true, errors: null, before: { big }, after: null, reverts: null,
      });
    }
    const api = createHistoryApi({
      storage, historyDays: 30, syncEveryMs: 0, pageMaxBytes: 500_000,
      appFetch: () => Promise.reject(new Error('no upstream in this test')),
      actor: () => Promise.resolve({ id: null, label: 'test' }),
    });
    const first = await (await api.request(`/?account_id=${ACCOUNT}&per_page=6`)).json() as { entries: Array<{ at: string }>; next_cursor: string | null; total: number };
    expect(first.entries.map((e) => e.at.slice(0, 10))).toEqual(['2026-01-06', '2026-01-05']);
    expect(first.total).toBe(6);
    const rest = await (await api.request(`/?account_id=${ACCOUNT}&per_page=4&cursor=${first.next_cursor}`)).json() as { entries: Array<{ at: string }> };
    expect(rest.entries.map((e) => e.at.slice(0, 10))).toEqual(['2026-01-04', '2026-01-03']);
    expect((await api.request(`/?account_id=${ACCOUNT}&cursor=bogus`)).status).toBe(400);
  });
});
