import Database from 'better-sqlite3';
import type { DurableObjectSql } from './durable-object-db.ts';

/**
 * A Durable Object's `ctx.storage` as far as the adapter sees it, over an in-memory SQLite, with
 * the object's rules: sql.exec() binds positional values only, runs several statements at once, and
 * refuses SQL transactions, PRAGMA user_version and more than 100 bound values; transactionSync nests. For unit tests; the
 * real thing runs in the Workers e2e run (playwright.workers.config.ts).
 */
export function fakeDurableObjectStorage(): DurableObjectSql & { statements: string[] } {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  const statements: string[] = [];
  return {
    statements,
    sql: {
      exec(query, ...bindings) {
        statements.push(query);
        if (/^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i.test(query)) throw new Error('use transactionSync()');
        if (/PRAGMA\s+user_version/i.test(query)) throw new Error('not authorized: SQLITE_AUTH');
        if (bindings.some((value) => typeof value === 'object' && value !== null)) throw new Error('sql.exec() binds only values');
        if (bindings.length > 100) throw new Error('too many SQL variables: SQLITE_ERROR');
        let rows: Record<string, unknown>[] = [];
        try {
          const statement = db.prepare(query);
          if (statement.reader) rows = statement.all(...bindings) as Record<string, unknown>[];
          else statement.run(...bindings);
        } catch (error) {
          if (!(error instanceof RangeError) || bindings.length) throw error;
          db.exec(query); // more than one statement
        }
        return { toArray: () => rows, [Symbol.iterator]: () => rows[Symbol.iterator]() };
      },
    },
    transactionSync: (fn) => db.transaction(fn)(),
  };
}
