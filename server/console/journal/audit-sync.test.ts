import { describe, expect, it } from 'vitest';
import { openConsoleStore } from '../../runtime/node/open-console-store.ts';
import { syncAuditLog } from './audit-sync.ts';
import type { SelfReader } from './self-fetch.ts';
import { insertEntry, queryEntries } from './store.ts';

const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
const GROUP = 'a'.repeat(32);
const consoleActor = { id: 'tok-console', label: 'API token tok-cons…' };

/** An audit log holding one entry: the echo of a console rename. */
function auditLogWith(when: string): SelfReader {
  const echo = {
    id: 'audit-1', when, action: { type: 'update', result: true }, actor: { id: 'tok-console', type: 'user' }, interface: 'API',
    metadata: { method: 'PUT', token_id: 'tok-console' }, resource: { id: GROUP, type: 'user_group' }, newValue: '{"name":"Renamed"}',
  };
  return (async (path: string) => ({ ok: true, status: 200, body: { result: path.includes('page=1') ? [echo] : [] } })) as unknown as SelfReader;
}

describe('audit-log sync and the console’s own writes', () => {
  it('an echo read before its journal entry exists is not shown as a second change', async () => {
    const storage = openConsoleStore(':memory:');
    const when = new Date('2026-12-06T10:00:00.000Z');
    const read = auditLogWith(when.toISOString());
    // A History view lands between the write and its journal entry.
    await syncAuditLog(storage, read, ACCOUNT, consoleActor, 365, when.getTime() + 200);
    insertEntry(storage, {
      accountId: ACCOUNT, at: new Date(when.getTime() + 5).toISOString(), source: 'console', actorId: 'tok-console', actorLabel: consoleActor.label,
      action: 'update', resourceType: 'user_group', resourceId: GROUP, resourceName: 'Renamed', success: true, before: { name: 'Old' }, after: { name: 'Renamed' },
    });
    await syncAuditLog(storage, read, ACCOUNT, consoleActor, 365, when.getTime() + 400);
    const { entries } = queryEntries(storage, { accountId: ACCOUNT }, 10, 0);
    expect(entries.map((e) => e.source)).toEqual(['console']);
  });

  it('an echo whose journal entry never came (a crash) shows after a minute, once', async () => {
    const storage = openConsoleStore(':memory:');
    const when = new Date('2026-12-06T10:00:00.000Z');
    const read = auditLogWith(when.toISOString());
    await syncAuditLog(storage, read, ACCOUNT, consoleActor, 365, when.getTime() + 200);
    expect(queryEntries(storage, { accountId: ACCOUNT }, 10, 0).total).toBe(0);
    await syncAuditLog(storage, read, ACCOUNT, consoleActor, 365, when.getTime() + 61_000);
    await syncAuditLog(storage, read, ACCOUNT, consoleActor, 365, when.getTime() + 62_000);
    const { entries } = queryEntries(storage, { accountId: ACCOUNT }, 10, 0);
    expect(entries.map((e) => [e.source, e.resource.name])).toEqual([['api', 'Renamed']]);
  });

  it('names an API token by its name when the audit log gives one (Terraform, a sync job), its id beside it', async () => {
    const storage = openConsoleStore(':memory:');
    const entry = {
      id: 'audit-tf', when: '2026-10-01T10:00:00.000Z', action: { type: 'update', result: true }, actor: { id: 'tok-tf', type: 'user' }, interface: 'API',
      metadata: { method: 'PUT', token_id: 'a1b2c3d4e5f6', token_name: 'terraform-cloud' }, resource: { id: GROUP, type: 'user_group' }, newValue: '{"name":"Ops"}',
    };
    const read = (async (path: string) => ({ ok: true, status: 200, body: { result: path.includes('page=1') ? [entry] : [] } })) as unknown as SelfReader;
    await syncAuditLog(storage, read, ACCOUNT, consoleActor, 365, Date.parse('2026-10-02T00:00:00.000Z'));
    const [imported] = queryEntries(storage, { accountId: ACCOUNT }, 10, 0).entries;
    expect(imported!.actor).toEqual({ id: 'a1b2c3d4e5f6', label: 'terraform-cloud (API token a1b2c3d4…)' });
    expect(queryEntries(storage, { accountId: ACCOUNT, actor: 'terraform' }, 10, 0).total).toBe(1);
  });
});
