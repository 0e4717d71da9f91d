/**
 * The console's own storage, as small as both runtimes can satisfy: better-sqlite3 on Node and a
 * Durable Object's `ctx.storage.sql` on Workers are both synchronous SQL. Console features
 * (membership index, change journal, dismissed findings) take a `ConsoleStorage`, never a driver.
 */
export type SqlValue = string | number | bigint | null | Uint8Array;

export interface SqlStatement {
  get(...params: SqlValue[]): Record<string, unknown> | undefined;
  all(...params: SqlValue[]): Record<string, unknown>[];
  run(...params: SqlValue[]): { changes: number };
}

export interface ConsoleStorage {
  /** Runs statements that take no parameters (migrations). */
  exec(sql: string): void;
  prepare(sql: string): SqlStatement;
  /** Runs fn atomically; a throw rolls everything back. */
  transaction<T>(fn: () => T): T;
}

/**
 * One migration list per feature, applied in order and remembered in `console_migrations`, so
 * features can be added independently without sharing one version counter.
 */
export interface FeatureMigrations {
  feature: string;
  steps: string[];
}

export function migrateConsoleStorage(storage: ConsoleStorage, features: FeatureMigrations[]): void {
  storage.exec('CREATE TABLE IF NOT EXISTS console_migrations (feature TEXT PRIMARY KEY, applied INTEGER NOT NULL)');
  const read = storage.prepare('SELECT applied FROM console_migrations WHERE feature = ?');
  const write = storage.prepare(
    'INSERT INTO console_migrations (feature, applied) VALUES (?, ?) ON CONFLICT(feature) DO UPDATE SET applied = excluded.applied',
  );
  for (const { feature, steps } of features) {
    storage.transaction(() => {
      const applied = Number(read.get(feature)?.applied ?? 0);
      for (let i = applied; i < steps.length; i++) storage.exec(steps[i]!);
      if (steps.length > applied) write.run(feature, steps.length);
    });
  }
}
