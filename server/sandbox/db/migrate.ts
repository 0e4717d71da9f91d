import type { SeedKind } from '../../config.ts';
import { migrations, speedIndexes } from './schema.ts';
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
 * Brings a sandbox database up to the latest schema, seeds it the first time and adds the speed
 * indexes — the same code on a better-sqlite3 file (open.ts) and on a Durable Object's SQLite
 * (server/runtime/workers/). One transaction: two processes opening a new file at once migrate
 * and seed it once.
 */
export function migrateAndSeed(db: Db, seed: SeedKind, scale?: ScaleSize): void {
  // The seed's rows reference each other correctly by construction (seed.test.ts checks them):
  // a new database is seeded without a foreign-key lookup per row, and every write after it checks.
  // (Outside the transaction: SQLite ignores the pragma inside one.)
  const fresh = (db.pragma('user_version', { simple: true }) as number) === 0;
  db.pragma(`foreign_keys = ${fresh ? 'OFF' : 'ON'}`);
  db.transaction(() => {
    if (migrate(db)) seedDatabase(db, seed, scale);
  })();
  db.pragma('foreign_keys = ON');
  for (const index of speedIndexes) db.exec(index);
}
