import { describe, expect, it } from 'vitest';
import { openConsoleStore } from '../runtime/node/open-console-store.ts';
import { insertEntry, queryEntries } from './journal/store.ts';
import { startOverIfChanged } from './store-identity.ts';

const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';

describe('the console store knows what it describes', () => {
  it('keeps its state for the same data, and starts over (saying from what) when the data changed', () => {
    const storage = openConsoleStore(':memory:');
    expect(startOverIfChanged(storage, 'sandbox:/data/sandbox.db#1')).toEqual({ described: null, describes: 'sandbox:/data/sandbox.db#1' });
    insertEntry(storage, { accountId: ACCOUNT, at: new Date().toISOString(), source: 'console', actorId: null, actorLabel: 'a', action: 'update', resourceType: 'user_group', resourceId: null, resourceName: null, success: true });
    storage.prepare("INSERT INTO finding_dismissals (account_id, finding_id, reason, dismissed_at) VALUES (?, 'x', 'r', 'now')").run(ACCOUNT);

    expect(startOverIfChanged(storage, 'sandbox:/data/sandbox.db#1')).toBeNull();
    expect(queryEntries(storage, { accountId: ACCOUNT }, 10, 0).total).toBe(1);

    expect(startOverIfChanged(storage, 'sandbox:/data/sandbox.db#2')).toEqual({ described: 'sandbox:/data/sandbox.db#1', describes: 'sandbox:/data/sandbox.db#2' });
    expect(queryEntries(storage, { accountId: ACCOUNT }, 10, 0).total).toBe(0);
    expect(storage.prepare('SELECT count(*) AS n FROM finding_dismissals').get()?.n).toBe(0);
    // The schema stays: features keep working on the emptied store.
    expect(storage.prepare('SELECT count(*) AS n FROM console_migrations').get()?.n).toBeGreaterThan(0);
  });
});
