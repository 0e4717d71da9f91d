import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ConsoleStorage, SqlValue } from '../../console/storage.ts';

/**
 * The console store on Node: its own SQLite file (CONSOLE_DB, default .data/console.db), never the
 * sandbox's database, so the same code keeps state in sandbox and live mode.
 */
export function openNodeConsoleStorage(path: string): ConsoleStorage & { close(): void } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return {
    exec: (sql) => void db.exec(sql),
    prepare(sql) {
      const statement = db.prepare(sql);
      return {
        get: (...params: SqlValue[]) => statement.get(...params) as Record<string, unknown> | undefined,
        all: (...params: SqlValue[]) => statement.all(...params) as Record<string, unknown>[],
        run: (...params: SqlValue[]) => ({ changes: statement.run(...params).changes }),
      };
    },
    transaction: (fn) => db.transaction(fn).immediate(),
    close: () => db.close(),
  };
}
