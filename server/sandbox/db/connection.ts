import type Database from 'better-sqlite3';

/**
 * How the sandbox's one connection behaves, set once in openSandboxDb so every route (and every
 * route added later) gets it without calling anything:
 *
 * - `db.prepare(sql)` hands back the statement it compiled before for the same SQL. Compiling
 *   costs more than running most of the sandbox's queries; a busy list handler prepared four per
 *   request. Statements are only ever run to completion (get/all/run, or a for-of that closes its
 *   iterator), so sharing one is safe; nothing may switch a shared statement's mode (raw, pluck).
 * - `db.transaction(fn)()` begins IMMEDIATE: the write lock is taken before the first read, so a
 *   second process on the same file waits (busy_timeout) instead of failing with "database is
 *   locked" when its read snapshot went stale before its first write (SQLITE_BUSY_SNAPSHOT).
 */

/** Distinct SQL texts kept; list handlers build a few variants of their WHERE clause, not thousands. */
const MAX_STATEMENTS = 500;

export function reusePreparedStatements(db: Database.Database): void {
  const compile = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = compile(sql);
      if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
      statements.set(sql, statement);
    }
    return statement;
  }) as typeof db.prepare;
}

export function immediateTransactions(db: Database.Database): void {
  const transaction = db.transaction.bind(db);
  // The immediate variant carries .deferred, .immediate and .exclusive too, for a caller that wants another.
  db.transaction = ((fn: (...args: unknown[]) => unknown) => transaction(fn).immediate) as typeof db.transaction;
}
