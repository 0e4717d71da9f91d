import { randomUUID } from 'node:crypto';
import type { ConsoleStorage, SqlValue } from '../storage.ts';

/** Where a change came from: the console itself, or the account audit log (API/Terraform, dashboard). */
export type EntrySource = 'console' | 'api' | 'dashboard';

export interface NewEntry {
  accountId: string;
  at: string;
  source: EntrySource;
  auditId?: string | null;
  actorId: string | null;
  actorLabel: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  resourceName: string | null;
  method?: string | null;
  path?: string | null;
  request?: unknown;
  status?: number | null;
  success: boolean;
  errors?: unknown;
  before?: unknown;
  after?: unknown;
  reverts?: string | null;
}

export interface JournalEntry {
  id: string;
  at: string;
  source: EntrySource;
  actor: { id: string | null; label: string };
  action: string;
  resource: { type: string; id: string | null; name: string | null };
  request: { method: string | null; path: string | null; body: unknown } | null;
  result: { status: number | null; success: boolean; errors: unknown };
  before: unknown;
  after: unknown;
  reverts: string | null;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
const parse = (value: unknown) => (typeof value === 'string' ? (JSON.parse(value) as unknown) : null);

export function insertEntry(storage: ConsoleStorage, e: NewEntry): string {
  const id = randomUUID();
  storage
    .prepare(
      `INSERT OR IGNORE INTO journal_entries (id, account_id, at, source, audit_id, actor_id, actor_label, action,
         resource_type, resource_id, resource_name, method, path, request, status, success, errors, before, after, reverts)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id, e.accountId, e.at, e.source, e.auditId ?? null, e.actorId, e.actorLabel, e.action, e.resourceType,
      e.resourceId, e.resourceName, e.method ?? null, e.path ?? null, json(e.request), e.status ?? null,
      e.success ? 1 : 0, json(e.errors), json(e.before), json(e.after), e.reverts ?? null,
    );
  return id;
}

/** Entries older than the retention window go (CONSOLE_HISTORY_DAYS). */
export function pruneEntries(storage: ConsoleStorage, historyDays: number, now = Date.now()): number {
  const cutoff = new Date(now - historyDays * 86_400_000).toISOString();
  return storage.prepare('DELETE FROM journal_entries WHERE at < ?').run(cutoff).changes;
}

export interface EntryQuery {
  accountId: string;
  resourceType?: string;
  resourceId?: string;
  /** Substring of the actor's label (an email or a token id), ignoring case. */
  actor?: string;
  action?: string;
  source?: EntrySource;
  since?: string;
  before?: string;
}

function where(q: EntryQuery): { sql: string; params: SqlValue[] } {
  const clauses = ['account_id = ?'];
  const params: SqlValue[] = [q.accountId];
  const add = (clause: string, value: SqlValue) => {
    clauses.push(clause);
    params.push(value);
  };
  // A group's history includes its membership changes.
  if (q.resourceType === 'user_group') clauses.push("resource_type IN ('user_group', 'user_group_members')");
  else if (q.resourceType) add('resource_type = ?', q.resourceType);
  if (q.resourceId) add('resource_id = ?', q.resourceId);
  if (q.actor) add("instr(lower(actor_label), lower(?)) > 0", q.actor);
  if (q.action) add('action = ?', q.action);
  if (q.source) add('source = ?', q.source);
  if (q.since) add('at >= ?', q.since);
  if (q.before) add('at < ?', q.before);
  return { sql: clauses.join(' AND '), params };
}

function toEntry(row: Record<string, unknown>): JournalEntry {
  return {
    id: String(row.id),
    at: String(row.at),
    source: row.source as EntrySource,
    actor: { id: (row.actor_id as string | null) ?? null, label: String(row.actor_label) },
    action: String(row.action),
    resource: { type: String(row.resource_type), id: (row.resource_id as string | null) ?? null, name: (row.name as string | null) ?? null },
    request: row.method ? { method: row.method as string, path: row.path as string, body: parse(row.request) } : null,
    result: { status: (row.status as number | null) ?? null, success: row.success === 1, errors: parse(row.errors) },
    before: parse(row.before),
    after: parse(row.after),
    reverts: (row.reverts as string | null) ?? null,
  };
}

// Membership entries name their group from any entry that knew its name.
const SELECT = `SELECT j.*, COALESCE(j.resource_name, (SELECT n.resource_name FROM journal_entries n
  WHERE n.resource_id = j.resource_id AND n.resource_name IS NOT NULL ORDER BY n.seq DESC LIMIT 1)) AS name
  FROM journal_entries j`;

export function queryEntries(storage: ConsoleStorage, q: EntryQuery, limit: number, offset: number): { entries: JournalEntry[]; total: number } {
  const { sql, params } = where(q);
  const rows = storage.prepare(`${SELECT} WHERE ${sql} ORDER BY at DESC, seq DESC LIMIT ? OFFSET ?`).all(...params, limit, offset);
  const total = Number(storage.prepare(`SELECT count(*) AS n FROM journal_entries WHERE ${sql}`).get(...params)?.n ?? 0);
  return { entries: rows.map(toEntry), total };
}

/** Where a History page stopped: the last entry it sent, opaque to the client. */
export interface EntryCursor {
  at: string;
  seq: number;
}

export function encodeCursor(cursor: EntryCursor): string {
  return btoa(JSON.stringify([cursor.at, cursor.seq])).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(text: string): EntryCursor | null {
  try {
    const [at, seq] = JSON.parse(atob(text.replace(/-/g, '+').replace(/_/g, '/'))) as unknown[];
    return typeof at === 'string' && Number.isInteger(seq) ? { at, seq: seq as number } : null;
  } catch {
    return null;
  }
}

const utf8 = new TextEncoder();

/**
 * One History page, newest first, bounded by count AND by size: entries are read a few at a time
 * and the page ends once the next one would take the answer past `maxBytes` (a page always holds
 * at least one entry, so it moves on). One group's page of 100 entries was 98 MB and held the
 * server for 2.1 s. Where the size cut the page short, `nextCursor` continues it; a page starts at
 * `offset` (page numbers) or right after `cursor`.
 */
export function queryEntriesPage(
  storage: ConsoleStorage,
  q: EntryQuery,
  { limit, offset, cursor, maxBytes, batch = 8 }: { limit: number; offset: number; cursor: EntryCursor | null; maxBytes: number; batch?: number },
): { entries: JournalEntry[]; total: number; nextCursor: string | null } {
  const { sql, params } = where(q);
  const total = Number(storage.prepare(`SELECT count(*) AS n FROM journal_entries WHERE ${sql}`).get(...params)?.n ?? 0);
  const byOffset = storage.prepare(`${SELECT} WHERE ${sql} ORDER BY j.at DESC, j.seq DESC LIMIT ? OFFSET ?`);
  const after = storage.prepare(`${SELECT} WHERE ${sql} AND (j.at < ? OR (j.at = ? AND j.seq < ?)) ORDER BY j.at DESC, j.seq DESC LIMIT ?`);
  const entries: JournalEntry[] = [];
  let bytes = 0;
  let last: EntryCursor | null = cursor;
  while (entries.length < limit) {
    const want = Math.min(batch, limit - entries.length);
    const rows = last ? after.all(...params, last.at, last.at, last.seq, want) : byOffset.all(...params, want, offset);
    for (const row of rows) {
      const entry = toEntry(row);
      const size = utf8.encode(JSON.stringify(entry)).length;
      if (entries.length > 0 && bytes + size > maxBytes) return { entries, total, nextCursor: encodeCursor(last!) };
      entries.push(entry);
      bytes += size;
      last = { at: String(row.at), seq: Number(row.seq) };
    }
    if (rows.length < want) break;
  }
  return { entries, total, nextCursor: null };
}

/** The newest entry's place in the journal for an account (0 when none): it moves on every change the journal learns of. */
export function lastEntrySeq(storage: ConsoleStorage, accountId: string): number {
  const row = storage.prepare('SELECT max(seq) AS seq FROM journal_entries WHERE account_id = ?').get(accountId) as { seq: number | null } | undefined;
  return row?.seq ?? 0;
}

export function getEntry(storage: ConsoleStorage, accountId: string, id: string): JournalEntry | null {
  const row = storage.prepare(`${SELECT} WHERE j.account_id = ? AND j.id = ?`).get(accountId, id);
  return row ? toEntry(row) : null;
}

/**
 * Every entry matching the query, oldest first, one at a time (the NDJSON export). Read in small
 * batches from where the last one ended (not by OFFSET, which rereads every earlier row), so that
 * with the stream's back-pressure no single step holds the server for long: a 453 MB export used
 * to read 500 rows of up to megabytes each per step, and other requests waited 6 s.
 */
export function* eachEntry(storage: ConsoleStorage, q: EntryQuery, batch = 16): Generator<JournalEntry> {
  const { sql, params } = where(q);
  const page = storage.prepare(`${SELECT} WHERE ${sql} AND (j.at > ? OR (j.at = ? AND j.seq > ?)) ORDER BY j.at ASC, j.seq ASC LIMIT ?`);
  let after = { at: '', seq: -1 };
  for (;;) {
    const rows = page.all(...params, after.at, after.at, after.seq, batch);
    for (const row of rows) yield toEntry(row);
    if (rows.length < batch) return;
    const last = rows[rows.length - 1]!;
    after = { at: String(last.at), seq: Number(last.seq) };
  }
}
