import type { SeedKind } from '../../config.ts';
import { migrations } from './schema.ts';
import { seedDatabase } from './seed.ts';
import type { Db } from './sql.ts';

function migrate(db: Db): boolean {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current >= migrations.length) return false;
  db.transaction(() => {
    for (let i = current; i < migrations.length; i++) db.exec(migrations[i]!);
    db.pragma(`user_version = ${migrations.length}`);
  })();
  return current === 0;
}

/**
 * Brings a sandbox database up to the latest schema and seeds it the first time — the same code
 * on a better-sqlite3 file (open.ts) and on a Durable Object's SQLite (server/runtime/workers/).
 */
export function migrateAndSeed(db: Db, seed: SeedKind): void {
  const created = migrate(db);
  if (created) db.transaction(() => seedDatabase(db, seed))();
}
