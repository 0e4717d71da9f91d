import type { ConsoleStorage } from '../../console/storage.ts';
import type { Db, SqlStatement } from '../../sandbox/db/sql.ts';
import { bindValues, toPositional, type PositionalSql } from './sql-placeholders.ts';

/** The parts of a Durable Object's storage this adapter uses (cloudflare:workers types, narrowed). */
export interface DurableObjectSql {
  sql: {
    exec(query: string, ...bindings: unknown[]): Iterable<Record<string, unknown>> & { toArray(): Record<string, unknown>[] };
  };
  transactionSync<T>(fn: () => T): T;
}

/** Durable Objects forbid PRAGMA user_version; the schema version lives in a one-row table instead. */
const VERSION_TABLE = 'sandbox_schema_version';
const USER_VERSION_READ = /^\s*user_version\s*$/i;
const USER_VERSION_WRITE = /^\s*user_version\s*=\s*(\d+)\s*$/i;
/** Allowed there, as on better-sqlite3 (on by default): the seed turns it off for its own writes (db/migrate.ts). */
const FOREIGN_KEYS_WRITE = /^\s*foreign_keys\s*=\s*(ON|OFF)\s*$/i;

/**
 * better-sqlite3's API (the subset in server/sandbox/db/sql.ts) and the console store's, over a
 * Durable Object's synchronous `ctx.storage.sql`, so the sandbox handlers, schema, seed and
 * console features run unchanged inside the object. Transactions go through transactionSync
 * (SQL BEGIN/SAVEPOINT are refused there); nested ones become savepoints, as in better-sqlite3.
 */
export function durableObjectDb(storage: DurableObjectSql): { db: Db; consoleStorage: ConsoleStorage } {
  const exec = (query: string, values: unknown[] = []) => storage.sql.exec(query, ...values);

  // The rewrite once per SQL text, as the Node connection keeps its compiled statements (db/connection.ts).
  const rewritten = new Map<string, PositionalSql>();
  function prepare(source: string): SqlStatement {
    let statement = rewritten.get(source);
    if (!statement) {
      statement = toPositional(source);
      if (rewritten.size >= 500) rewritten.delete(rewritten.keys().next().value!);
      rewritten.set(source, statement);
    }
    const positional = statement;
    const rows = (args: unknown[]) => exec(positional.sql, bindValues(positional, args));
    return {
      get: (...args) => rows(args).toArray()[0],
      all: (...args) => rows(args).toArray(),
      run: (...args) => {
        rows(args).toArray();
        // changes() rather than the cursor's rowsWritten, which also counts index entries.
        return { changes: Number(exec('SELECT changes() AS changes').toArray()[0]!.changes) };
      },
      iterate: (...args) => rows(args)[Symbol.iterator]() as IterableIterator<unknown>,
    };
  }

  function pragma(source: string, options?: { simple?: boolean }): unknown {
    if (USER_VERSION_READ.test(source)) {
      exec(`CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)`);
      const version = Number(exec(`SELECT version FROM ${VERSION_TABLE}`).toArray()[0]?.version ?? 0);
      return options?.simple ? version : [{ user_version: version }];
    }
    const write = USER_VERSION_WRITE.exec(source);
    if (write) {
      exec(`CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)`);
      exec(`INSERT INTO ${VERSION_TABLE} (id, version) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET version = excluded.version`, [
        Number(write[1]),
      ]);
      return [];
    }
    const foreignKeys = FOREIGN_KEYS_WRITE.exec(source);
    if (foreignKeys) return exec(`PRAGMA foreign_keys = ${foreignKeys[1]!.toUpperCase()}`).toArray();
    throw new Error(`PRAGMA ${source} is not available on a Durable Object`);
  }

  const execAll = (sql: string) => void exec(sql).toArray();
  const db: Db = {
    prepare,
    exec: execAll,
    pragma,
    // better-sqlite3's transaction() returns a function to call later.
    transaction: (fn) => (...args) => storage.transactionSync(() => fn(...args)) as ReturnType<typeof fn>,
  };
  // The console store's statements and transaction() (which runs at once): same SQL, same object.
  const consoleStorage: ConsoleStorage = {
    exec: execAll,
    prepare: (sql) => prepare(sql) as ConsoleStorage extends { prepare(sql: string): infer S } ? S : never,
    transaction: (fn) => storage.transactionSync(fn),
  };
  return { db, consoleStorage };
}
