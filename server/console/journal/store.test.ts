import { describe, expect, it } from 'vitest';
import { openConsoleStore } from '../../runtime/node/open-console-store.ts';
import { eachEntry, insertEntry } from './store.ts';

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
