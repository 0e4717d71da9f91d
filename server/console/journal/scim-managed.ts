import type { ConsoleStorage } from '../storage.ts';
import type { SelfReader } from './self-fetch.ts';

/**
 * Which user groups are managed by SCIM provisioning (Decision 4). The API has no flag for it; a
 * client learns it from the v1 audit log's creation entry (`interface: "SCIM"`, `action.type:
 * "create"`) and from a write refused with the SCIM message. Both are kept in the console store,
 * so the SPA asks once per page for the whole set, never once per group.
 */

export const SCIM_REFUSAL = /managed by SCIM provisioning/i;

interface CreationEntry {
  id?: string;
  when?: string;
  interface?: string;
  action?: { type?: string; result?: boolean };
  resource?: { id?: string; type?: string };
}

const PER_PAGE = 100;
/** One scan reads at most this many pages; the next one resumes where it stopped. */
const MAX_PAGES = 10;
/** How far back the first scan looks: the audit log keeps 18 months. */
const FIRST_SCAN_DAYS = 548;

export function rememberScimManaged(storage: ConsoleStorage, accountId: string, groupId: string, learnedFrom: 'audit-log' | 'refusal', at = new Date().toISOString()): void {
  storage
    .prepare('INSERT INTO scim_managed_groups (account_id, group_id, learned_from, at) VALUES (?, ?, ?, ?) ON CONFLICT (account_id, group_id) DO NOTHING')
    .run(accountId, groupId, learnedFrom, at);
}

/** A user group created through SCIM, by its audit-log creation entry. */
export function isScimCreation(entry: CreationEntry): boolean {
  return (
    (entry.interface ?? '').toUpperCase() === 'SCIM' &&
    (entry.action?.type ?? '').toLowerCase() === 'create' &&
    entry.action?.result !== false &&
    /^(user_group|group)s?$/i.test(entry.resource?.type ?? '') &&
    Boolean(entry.resource?.id)
  );
}

export function scimManagedGroups(storage: ConsoleStorage, accountId: string): string[] {
  return storage
    .prepare('SELECT group_id FROM scim_managed_groups WHERE account_id = ? ORDER BY group_id')
    .all(accountId)
    .map((row) => String(row.group_id));
}

/**
 * Reads the audit log's creation entries since the last scan (bounded pages) and keeps the SCIM
 * ones. `ok: false` when the audit log could not be read: what is known so far still stands.
 */
export async function scanScimCreations(storage: ConsoleStorage, read: SelfReader, accountId: string, now = new Date()): Promise<{ ok: boolean }> {
  const state = storage.prepare('SELECT scanned_until FROM scim_managed_scan WHERE account_id = ?').get(accountId);
  const since = (state?.scanned_until as string | undefined) ?? new Date(now.getTime() - FIRST_SCAN_DAYS * 86_400_000).toISOString();
  let until = since;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const query = `action.type=create&since=${encodeURIComponent(since)}&direction=asc&per_page=${PER_PAGE}&page=${page}`;
    const res = await read<{ result?: CreationEntry[] | null }>(`/accounts/${accountId}/audit_logs?${query}`);
    if (!res.ok) return { ok: false };
    const entries = res.body?.result ?? [];
    storage.transaction(() => {
      for (const entry of entries) {
        if (entry.when && entry.when > until) until = entry.when;
        if (isScimCreation(entry)) rememberScimManaged(storage, accountId, entry.resource!.id!, 'audit-log', entry.when);
      }
    });
    if (entries.length < PER_PAGE) break;
  }
  storage
    .prepare('INSERT INTO scim_managed_scan (account_id, scanned_until) VALUES (?, ?) ON CONFLICT (account_id) DO UPDATE SET scanned_until = excluded.scanned_until')
    .run(accountId, until);
  return { ok: true };
}
