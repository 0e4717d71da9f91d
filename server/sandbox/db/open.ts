import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SeedKind } from '../../config.ts';
import { immediateTransactions, reusePreparedStatements } from './connection.ts';
import { migrations, speedIndexes } from './schema.ts';
import { seedDatabase } from './seed.ts';
import type { ScaleSize } from './seed-large.ts';

export type Db = Database.Database;

/** Runs the migrations a database lacks; true when it was new (and so needs its seed). */
function migrate(db: Db): boolean {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current >= migrations.length) return false;
  for (let i = current; i < migrations.length; i++) db.exec(migrations[i]!);
  db.pragma(`user_version = ${migrations.length}`);
  return current === 0;
}

/**
 * Opens (creating if needed) the sandbox database. WAL keeps readers off the writer's back and
 * makes every committed transaction survive a crash; a fresh file is seeded once.
 */
export function openSandboxDb(path: string, seed: SeedKind, scale?: ScaleSize): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  reusePreparedStatements(db);
  immediateTransactions(db);
  // The seed's rows reference each other correctly by construction (seed.test.ts checks them):
  // a new file is seeded without a foreign-key lookup per row, and every write after it checks.
  const fresh = (db.pragma('user_version', { simple: true }) as number) === 0;
  db.pragma(`foreign_keys = ${fresh ? 'OFF' : 'ON'}`);
  // One immediate transaction: two processes opening a new file at once migrate and seed it once.
  db.transaction(() => {
    if (!migrate(db)) return;
    // The scale seeds write a million index entries under random ids: with SQLite's default 2 MB
    // page cache that is mostly disk reads (48 s for the huge seed instead of a few).
    const cacheSize = db.pragma('cache_size', { simple: true }) as number;
    if (seed === 'large' || seed === 'huge') db.pragma('cache_size = -262144');
    seedDatabase(db, seed, scale);
    db.pragma(`cache_size = ${cacheSize}`);
  })();
  db.pragma('foreign_keys = ON');
  for (const index of speedIndexes) db.exec(index);
  return db;
}
