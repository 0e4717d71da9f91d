import { describe, expect, it } from 'vitest';
import { openConsoleStore } from '../../runtime/node/open-console-store.ts';
import { rememberScimManaged, scanScimCreations, scimManagedGroups } from './scim-managed.ts';
import type { SelfReader } from './self-fetch.ts';

const ACCOUNT = 'a'.repeat(32);
const G1 = '1'.repeat(32);
const G2 = '2'.repeat(32);
const G3 = '3'.repeat(32);

/** A v1 audit log answering creation entries: two groups by SCIM, one by the API. */
function auditLog(pages: number[] = []): SelfReader {
  const entries = [
    { id: 'e1', when: '2026-06-01T00:00:00Z', interface: 'SCIM', action: { type: 'create', result: true }, resource: { id: G1, type: 'user_group' } },
    { id: 'e2', when: '2026-06-02T00:00:00Z', interface: 'API', action: { type: 'create', result: true }, resource: { id: G2, type: 'user_group' } },
    { id: 'e3', when: '2026-06-03T00:00:00Z', interface: 'SCIM', action: { type: 'create', result: true }, resource: { id: G3, type: 'user_group' } },
    { id: 'e4', when: '2026-06-04T00:00:00Z', interface: 'SCIM', action: { type: 'create', result: true }, resource: { id: 'x', type: 'member' } },
  ];
  return (async (path: string) => {
    pages.push(Number(/[?&]page=(\d+)/.exec(path)?.[1]));
    expect(path).toContain('action.type=create');
    return { ok: true, status: 200, body: { result: entries } };
  }) as SelfReader;
}

describe('SCIM-managed user groups (Decision 4)', () => {
  it('learns them from the audit log’s creation entries with interface SCIM, in one bounded scan', async () => {
    const storage = openConsoleStore(':memory:');
    const pages: number[] = [];
    expect(await scanScimCreations(storage, auditLog(pages), ACCOUNT)).toEqual({ ok: true });
    expect(scimManagedGroups(storage, ACCOUNT)).toEqual([G1, G3]);
    expect(pages).toEqual([1]);
    const until = storage.prepare('SELECT scanned_until FROM scim_managed_scan WHERE account_id = ?').get(ACCOUNT);
    expect(until?.scanned_until).toBe('2026-06-04T00:00:00Z');
  });

  it('keeps what a refused write taught, and what it knew when the audit log cannot be read', async () => {
    const storage = openConsoleStore(':memory:');
    rememberScimManaged(storage, ACCOUNT, G2, 'refusal');
    const failing = (async () => ({ ok: false, status: 403, body: null })) as SelfReader;
    expect(await scanScimCreations(storage, failing, ACCOUNT)).toEqual({ ok: false });
    expect(scimManagedGroups(storage, ACCOUNT)).toEqual([G2]);
  });
});
