import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SeedKind } from '../../config.ts';
import { immediateTransactions, reusePreparedStatements } from '../../sandbox/db/connection.ts';
import { migrateAndSeed } from '../../sandbox/db/migrate.ts';
import type { ScaleSize } from '../../sandbox/db/seed-large.ts';

/** The Node driver's full database, for Node-only code and tests that reach past the portable subset. */
export type NodeDb = Database.Database;

/**
 * Opens (creating if needed) the sandbox database. WAL keeps readers off the writer's back and
 * makes every committed transaction survive a crash; a fresh file is seeded once.
 */
export function openSandboxDb(path: string, seed: SeedKind, scale?: ScaleSize): NodeDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Writes keep changing the same pages (a group's policies, the audit log's tail): a checkpoint
  // every 40 MB of WAL instead of SQLite's 4 MB copies each of those pages once per many commits
  // (about a third off a busy write's cost; the WAL is folded back into the file on close).
  db.pragma('wal_autocheckpoint = 10000');
  reusePreparedStatements(db);
  immediateTransactions(db);
  // The scale seeds write a million index entries under random ids: with SQLite's default 2 MB
  // page cache that is mostly disk reads (48 s for the huge seed instead of a few).
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  if (seed === 'large' || seed === 'huge') db.pragma('cache_size = -262144');
  migrateAndSeed(db, seed, scale);
  db.pragma(`cache_size = ${cacheSize}`);
  return db;
}
