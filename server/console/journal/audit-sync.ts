import { redactSecrets } from '../../redact-secrets.ts';
import type { ConsoleStorage } from '../storage.ts';
import { tokenLabel, type ConsoleActor } from './console-actor.ts';
import { normalizeState } from './normalize-state.ts';
import { nameOf } from './record-writes.ts';
import type { SelfReader } from './self-fetch.ts';
import { isScimCreation, rememberScimManaged } from './scim-managed.ts';
import { insertEntry, type EntrySource } from './store.ts';

/** The v1 audit-log entry (GET /accounts/{id}/audit_logs), as far as the journal reads it. */
interface AuditLogEntry {
  id?: string;
  action?: { type?: string; result?: boolean };
  actor?: { id?: string; email?: string; type?: string };
  interface?: string;
  metadata?: { method?: string; uri?: string; token_id?: string; token_name?: string };
  oldValue?: string;
  newValue?: string;
  oldValueJson?: unknown;
  newValueJson?: unknown;
  resource?: { id?: string; type?: string };
  when?: string;
}

/** Only identity-and-access changes belong in this console's history. */
const IAM_RESOURCE = /user_group|resource_group|sso|oauth|member|policy|permission/i;
const PER_PAGE = 100;
/** Each sync asks at most this many pages, so one History view costs a bounded number of requests. */
const MAX_PAGES = 20;
/** A console write and its audit-log echo are the same change when this close in time. */
const SAME_CHANGE_MS = 60_000;

function parseValue(json: unknown, text: string | undefined): unknown {
  if (json !== undefined && json !== null) return json;
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function sourceOf(entry: AuditLogEntry): EntrySource {
  return /^(ui|dash)/i.test(entry.interface ?? '') ? 'dashboard' : 'api';
}

function actorOf(entry: AuditLogEntry): { id: string | null; label: string } {
  const tokenId = entry.metadata?.token_id;
  if (entry.actor?.email) return { id: entry.actor.id ?? null, label: entry.actor.email };
  // A token's name (Terraform's, a sync job's) says more than its id; both kept, so either filters.
  const tokenName = entry.metadata?.token_name?.trim();
  if (tokenId) return { id: tokenId, label: tokenName ? `${tokenName} (${tokenLabel(tokenId)})` : tokenLabel(tokenId) };
  return { id: entry.actor?.id ?? null, label: entry.actor?.id ? tokenLabel(entry.actor.id) : 'unknown actor' };
}

function isConsoleActor(entry: AuditLogEntry, actorId: string | null, consoleActor: ConsoleActor): boolean {
  return Boolean((actorId && actorId === consoleActor.id) || (entry.actor?.email && entry.actor.email === consoleActor.label));
}

/** Marks the console's own journal entry as echoed by this audit entry; true when there was one. */
function linkConsoleEcho(storage: ConsoleStorage, accountId: string, entry: AuditLogEntry, actorId: string | null, consoleActor: ConsoleActor): boolean {
  if (!isConsoleActor(entry, actorId, consoleActor) || !entry.when) return false;
  const at = Date.parse(entry.when);
  const row = storage
    .prepare(
      `SELECT seq FROM journal_entries WHERE account_id = ? AND source = 'console' AND audit_id IS NULL AND success = 1
         AND resource_id IS ? AND action = ? AND at BETWEEN ? AND ? ORDER BY seq LIMIT 1`,
    )
    .get(accountId, entry.resource?.id ?? null, entry.action?.type ?? '', new Date(at - SAME_CHANGE_MS).toISOString(), new Date(at + SAME_CHANGE_MS).toISOString());
  if (!row) return false;
  storage.prepare('UPDATE journal_entries SET audit_id = ? WHERE seq = ?').run(entry.id ?? null, Number(row.seq));
  return true;
}

/**
 * Brings the account's audit log into the journal, from where the last sync stopped: changes made
 * in the Cloudflare dashboard, by Terraform or any API client appear beside the console's own,
 * each marked with its source. The console's own writes, echoed in the audit log, are linked to
 * their journal entry rather than shown twice.
 */
export async function syncAuditLog(
  storage: ConsoleStorage,
  read: SelfReader,
  accountId: string,
  consoleActor: ConsoleActor,
  historyDays: number,
  now: number = Date.now(),
): Promise<{ imported: number; ok: boolean }> {
  const state = storage.prepare('SELECT synced_until FROM journal_audit_sync WHERE account_id = ?').get(accountId);
  const since = (state?.synced_until as string | undefined) ?? new Date(Date.now() - historyDays * 86_400_000).toISOString();
  let imported = 0;
  let until = since;
  /** The first echo of a console write whose journal entry is not written yet: the next sync starts there. */
  let heldFrom: string | null = null;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const query = `since=${encodeURIComponent(since)}&direction=asc&per_page=${PER_PAGE}&page=${page}`;
    const res = await read<{ result?: AuditLogEntry[] }>(`/accounts/${accountId}/audit_logs?${query}`);
    if (!res.ok) return { imported, ok: false };
    const entries = res.body?.result ?? [];
    storage.transaction(() => {
      for (const entry of entries) {
        if (entry.when && entry.when > until) until = entry.when;
        if (isScimCreation(entry)) rememberScimManaged(storage, accountId, entry.resource!.id!, 'audit-log', entry.when);
        if (!entry.id || !IAM_RESOURCE.test(entry.resource?.type ?? '') || entry.action?.result === false) continue;
        if (storage.prepare('SELECT 1 FROM journal_entries WHERE audit_id = ?').get(entry.id)) continue;
        const actor = actorOf(entry);
        if (linkConsoleEcho(storage, accountId, entry, actor.id, consoleActor)) continue;
        // The console's own write, read between the write and its journal entry: wait for the
        // entry rather than show the change twice. One the journal never got (a crash) shows
        // after a minute, as a change made through the API.
        if (isConsoleActor(entry, actor.id, consoleActor) && entry.when && now - Date.parse(entry.when) < SAME_CHANGE_MS) {
          heldFrom ??= entry.when;
          continue;
        }
        const resourceType = entry.resource?.type ?? 'unknown';
        const before = redactSecrets(normalizeState(resourceType, parseValue(entry.oldValueJson, entry.oldValue)));
        const after = redactSecrets(normalizeState(resourceType, parseValue(entry.newValueJson, entry.newValue)));
        insertEntry(storage, {
          accountId,
          at: entry.when ?? new Date().toISOString(),
          source: sourceOf(entry),
          auditId: entry.id,
          actorId: actor.id,
          actorLabel: actor.label,
          action: entry.action?.type ?? 'unknown',
          resourceType,
          resourceId: entry.resource?.id ?? null,
          resourceName: nameOf(resourceType, after) ?? nameOf(resourceType, before),
          method: entry.metadata?.method ?? null,
          path: entry.metadata?.uri ?? null,
          success: true,
          before,
          after,
        });
        imported++;
      }
    });
    if (entries.length < PER_PAGE) break;
  }
  storage
    .prepare('INSERT INTO journal_audit_sync (account_id, synced_until) VALUES (?, ?) ON CONFLICT(account_id) DO UPDATE SET synced_until = excluded.synced_until')
    .run(accountId, heldFrom ? new Date(Date.parse(heldFrom) - 1).toISOString() : until);
  return { imported, ok: true };
}
