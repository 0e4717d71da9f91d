import type { Db } from '../db/open.ts';
import type { AnswerBody } from '../../http/envelope.ts';

/**
 * What the sandbox's busiest reads answered, reused until a write changes it: each user group's
 * JSON (with its policies), the rows of list queries, and whole answers of list and group GETs.
 * A list page is then two small queries and a string join instead of hydrating and stringifying
 * every policy again, and a repeated GET is a lookup. One cache per database connection.
 *
 * Invalidation is the database's job, not each handler's: TEMP triggers on this connection call
 * back into JS for every change to a user group, its policies or their references (whatever code
 * path or later route writes them), a resource-group or permission-group change empties it, and
 * `PRAGMA data_version` — which moves when another connection (another process on the same file)
 * commits — empties it too.
 */

/** ~1.5 KB each: the cache stays in the tens of MB even on the 100,000-group seed. */
const MAX_ENTRIES = 20_000;

interface CacheState {
  /** Each group's JSON as UTF-8 bytes: a response is then a copy of bytes, not an encode of text. */
  entries: Map<string, Uint8Array>;
  /**
   * What list queries answered (their totals and their pages' rows, by SQL and parameters), one
   * map per kind of list, each emptied by a change to what that kind reads (LIST_SOURCES).
   */
  lists: Record<ListKind, Map<string, unknown>>;
  /** Whole answer bodies by request, per kind, emptied with that kind's lists (cachedAnswer). */
  answers: Record<ListKind, RememberedAnswers>;
  dataVersion: number;
  readVersion: () => number;
  /** Whether this synchronous run already compared data_version. */
  versionChecked: boolean;
}

interface RememberedAnswers {
  bodies: Map<string, AnswerBody>;
  bytes: number;
}

const caches = new WeakMap<Db, CacheState>();

const OWNER_OF_POLICY = 'sandbox_user_group_changed((SELECT user_group_id FROM policies WHERE id = NEW.policy_id))';

/**
 * The lists cachedRows remembers, by what they answer. `user_groups` also holds the answers that
 * embed groups' JSON, so whatever forgets a group's JSON empties it too.
 */
export type ListKind = 'user_groups' | 'members' | 'resource_groups';

const ALL_WRITES = ['INSERT', 'UPDATE', 'DELETE'];

/**
 * The writes that change each kind of list: one empties that kind only, so renaming a group keeps
 * the members pages and the resource-group list, and a membership change keeps the group pages
 * (except that it touches the group's modified_on, which is a group change).
 */
const LIST_SOURCES: Record<ListKind, Array<[table: string, events: string[]]>> = {
  user_groups: [['user_groups', ALL_WRITES]],
  members: [
    ['user_group_members', ALL_WRITES],
    ['account_members', ALL_WRITES],
    ['user_groups', ['DELETE']], // a group deleted takes its memberships with it
  ],
  resource_groups: [['resource_groups', ALL_WRITES]],
};

const TRIGGERS: Array<[table: string, events: string[], forget: string]> = [
  ['user_groups', ['UPDATE', 'DELETE'], 'sandbox_user_group_changed(OLD.id)'],
  ...Object.entries(LIST_SOURCES).flatMap(([kind, sources]) =>
    sources.map(([table, events]): [string, string[], string] => [table, events, `sandbox_lists_clear('${kind}')`]),
  ),
  ['policies', ['INSERT', 'UPDATE', 'DELETE'], 'sandbox_user_group_changed(NEW.user_group_id)'],
  // A reference removed with its policy (cascade) finds no owner: the policy's own trigger forgot it.
  ['policy_permission_groups', ['INSERT', 'UPDATE', 'DELETE'], OWNER_OF_POLICY],
  ['policy_resource_groups', ['INSERT', 'UPDATE', 'DELETE'], OWNER_OF_POLICY],
  ['resource_groups', ['UPDATE', 'DELETE'], 'sandbox_user_group_cache_clear()'],
  ['permission_groups', ['UPDATE', 'DELETE'], 'sandbox_user_group_cache_clear()'],
];

const LIST_KINDS = Object.keys(LIST_SOURCES) as ListKind[];

function forgetKind(state: CacheState, kind: ListKind): void {
  state.lists[kind].clear();
  state.answers[kind].bodies.clear();
  state.answers[kind].bytes = 0;
}

function install(db: Db): CacheState {
  const entries = new Map<string, Uint8Array>();
  const byKind = <T>(make: () => T) => Object.fromEntries(LIST_KINDS.map((kind) => [kind, make()])) as Record<ListKind, T>;
  const version = db.prepare('SELECT data_version AS v FROM pragma_data_version');
  const state: CacheState = {
    entries,
    lists: byKind(() => new Map()),
    answers: byKind(() => ({ bodies: new Map(), bytes: 0 })),
    dataVersion: 0,
    readVersion: () => (version.get() as { v: number }).v,
    versionChecked: false,
  };
  state.dataVersion = state.readVersion();
  db.function!('sandbox_user_group_changed', (id: unknown) => {
    if (typeof id === 'string') entries.delete(id);
    forgetKind(state, 'user_groups');
    return null;
  });
  db.function!('sandbox_user_group_cache_clear', () => {
    entries.clear();
    forgetKind(state, 'user_groups');
    return null;
  });
  db.function!('sandbox_lists_clear', (kind: unknown) => {
    if (LIST_KINDS.includes(kind as ListKind)) forgetKind(state, kind as ListKind);
    return null;
  });
  for (const [table, events, call] of TRIGGERS) {
    for (const event of events) {
      // NEW does not exist in a DELETE trigger, OLD not in an INSERT one.
      const row = event === 'DELETE' ? call.replaceAll('NEW.', 'OLD.') : call;
      const forgets = call.slice(0, call.indexOf('(')) + (/\('(\w+)'\)/.exec(call)?.[1] ?? ''); // the function, and a list's kind
      const name = `sandbox_cache_${table}_${event.toLowerCase()}_${forgets}`;
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS ${name} AFTER ${event} ON main.${table} BEGIN SELECT ${row}; END`);
      if (event === 'UPDATE' && row.includes('NEW.')) {
        // An update that moves a row to another owner changes both.
        db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS ${name}_old AFTER UPDATE ON main.${table} BEGIN SELECT ${row.replaceAll('NEW.', 'OLD.')}; END`);
      }
    }
  }
  return state;
}

function cacheOf(db: Db): CacheState {
  let state = caches.get(db);
  if (!state) {
    state = install(db);
    caches.set(db, state);
  }
  if (!state.versionChecked) {
    // Once per synchronous run (a handler's page, total and JSON each ask): no other connection
    // can commit before this run yields, and the check is a statement with its own read lock.
    state.versionChecked = true;
    queueMicrotask(() => (state.versionChecked = false));
    const version = state.readVersion();
    if (version !== state.dataVersion) {
      state.entries.clear();
      for (const kind of LIST_KINDS) forgetKind(state, kind);
      state.dataVersion = version;
    }
  }
  return state;
}

const utf8 = new TextEncoder();

/**
 * The JSON of each row as UTF-8, in order: cached ones as they are, the others built together by
 * `build` (one batch per call) and remembered. Call outside a write transaction, so nothing
 * remembered can be rolled back.
 */
export function cachedJson<R extends { id: string }>(db: Db, rows: R[], build: (missing: R[]) => unknown[]): Uint8Array[] {
  // No SQL callbacks (a Durable Object's SQLite): no trigger could invalidate it, so no cache.
  if (!db.function) return build(rows).map((row) => utf8.encode(JSON.stringify(row)));
  const { entries } = cacheOf(db);
  const out: Array<Uint8Array | undefined> = rows.map((row) => entries.get(row.id));
  const missing = rows.filter((_, i) => out[i] === undefined);
  if (missing.length === 0) return out as Uint8Array[];
  const built = build(missing);
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    if (out[i] !== undefined) continue;
    const json = utf8.encode(JSON.stringify(built[k++]));
    out[i] = json;
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(rows[i]!.id, json);
  }
  return out as Uint8Array[];
}

/** Distinct list queries remembered per kind (a page each): paging through 100,000 groups by 20 fits. */
const MAX_LISTS = 10_000;

/**
 * The rows a list query of groups, group members or resource groups answers (a page, or its
 * total), remembered by its SQL and parameters until a write changes that kind of list
 * (LIST_SOURCES). A repeated page then costs no query.
 */
export function cachedRows<T>(db: Db, kind: ListKind, sql: string, params: Record<string, unknown>): T[] {
  const run = () => db.prepare(sql).all(params) as T[];
  if (!db.function) return run(); // as in cachedJson: nothing could invalidate it
  const lists = cacheOf(db).lists[kind];
  const key = sql + JSON.stringify(params);
  const remembered = lists.get(key);
  if (remembered) return remembered as T[];
  const rows = run();
  if (lists.size >= MAX_LISTS) lists.delete(lists.keys().next().value!);
  lists.set(key, rows);
  return rows;
}

/** Bytes of whole answers kept per kind: the busiest pages stay, a crawl through 100,000 groups evicts. */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

/**
 * The whole body of a GET's answer, remembered by `key` (its URL) until a write changes what
 * `kind` reads: the same writes that empty that kind's rows. `build` must read nothing else (the
 * group's own lookup, for members, is covered: deleting a group empties the members kind), and
 * may throw (a 404, a 400): nothing is remembered then. Call outside a write transaction.
 */
export function cachedAnswer(db: Db, kind: ListKind, key: string, build: () => AnswerBody): AnswerBody {
  if (!db.function) return build(); // as in cachedJson: nothing could invalidate it
  const answers = cacheOf(db).answers[kind];
  const remembered = answers.bodies.get(key);
  if (remembered) return remembered;
  const body = build();
  answers.bodies.set(key, body);
  answers.bytes += body.length;
  for (const [oldest, old] of answers.bodies) {
    if (answers.bytes <= MAX_ANSWER_BYTES) break;
    answers.bodies.delete(oldest);
    answers.bytes -= old.length;
  }
  return body;
}
