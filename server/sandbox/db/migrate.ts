import type { SeedKind } from '../../config.ts';
import { migrations } from './schema.ts';
import { seedDatabase } from './seed.ts';
import type { ScaleSize } from './seed-large.ts';
import type { Db } from './sql.ts';

/** Runs the migrations a database lacks; true when it was new (and so needs its seed). */
function migrate(db: Db): boolean {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current >= migrations.length) return false;
  for (let i = current; i < migrations.length; i++) db.exec(migrations[i]!);
  db.pragma(`user_version = ${migrations.length}`);
  return current === 0;
}

/**
 * Brings a sandbox database up to the latest schema and seeds it the first time — the same code
 * on a better-sqlite3 file (open.ts) and on a Durable Object's SQLite (server/runtime/workers/).
 * One transaction: two processes opening a new file at once migrate and seed it once.
 */
export function migrateAndSeed(db: Db, seed: SeedKind, scale?: ScaleSize): void {
  db.transaction(() => {
    if (migrate(db)) seedDatabase(db, seed, scale);
  })();
}
