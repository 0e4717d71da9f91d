/**
 * The part of better-sqlite3 the sandbox's handlers, schema and seed use — and all they may use:
 * on Workers a Durable Object's `ctx.storage.sql` stands behind the same methods
 * (server/runtime/workers/durable-object-db.ts). Reaching for another driver method means adding
 * it to that adapter too.
 */
/** Positional values (string, number, bigint, null, bytes), or one object of named values for `@name`. */
export type SqlArgs = unknown[];

export interface SqlStatement {
  get(...params: SqlArgs): unknown;
  all(...params: SqlArgs): unknown[];
  run(...params: SqlArgs): { changes: number };
  iterate(...params: SqlArgs): IterableIterator<unknown>;
}

/** Written as better-sqlite3 writes it, so its Database fits this interface. */
type ArgsOf<F> = F extends (...args: infer A) => unknown ? A : never;

export interface Db {
  prepare(sql: string): SqlStatement;
  /** Statements without parameters, several separated by `;` (migrations). */
  exec(sql: string): unknown;
  /** Wraps fn in a transaction (nested: a savepoint); the returned function runs it. */
  transaction<F extends (...args: any[]) => unknown>(fn: F): (...args: ArgsOf<F>) => ReturnType<F>;
  /** Only `user_version` (read with { simple: true } / `user_version = N`) is portable. */
  pragma(source: string, options?: { simple?: boolean }): unknown;
  /**
   * A SQL function that calls into JS (better-sqlite3 only: a Durable Object's SQLite has none),
   * so code using it must work without it.
   */
  function?(name: string, fn: (...params: any[]) => unknown): unknown;
}
