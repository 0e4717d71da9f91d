import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SeedKind } from '../../config.ts';
import { migrateAndSeed } from './migrate.ts';

export type { Db } from './sql.ts';
/** The Node driver's full database, for Node-only code and tests that reach past the portable subset. */
export type NodeDb = Database.Database;

/**
 * Opens (creating if needed) the sandbox database. WAL keeps readers off the writer's back and
 * makes every committed transaction survive a crash; a fresh file is seeded once.
 */
export function openSandboxDb(path: string, seed: SeedKind): NodeDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrateAndSeed(db, seed);
  return db;
}
