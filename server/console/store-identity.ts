import type { ConsoleStorage } from './storage.ts';

/**
 * What the console store describes: one sandbox database (its file, as created) or one upstream.
 * The index, the journal and the dismissals are facts about that; kept across a change of it (a
 * `sandbox:reset`, another SANDBOX_DB or SANDBOX_SEED) they were shown as the new data's — a fresh
 * large sandbox of 5,200 members read "2,797 members" and "Findings 10093" from an earlier one.
 */
export interface StartOver {
  described: string | null;
  describes: string;
}

/** Records what the store describes; when that changed, empties every feature's tables first. */
export function startOverIfChanged(storage: ConsoleStorage, describes: string): StartOver | null {
  storage.exec('CREATE TABLE IF NOT EXISTS console_identity (id INTEGER PRIMARY KEY CHECK (id = 1), describes TEXT NOT NULL)');
  const described = (storage.prepare('SELECT describes FROM console_identity WHERE id = 1').get()?.describes as string | undefined) ?? null;
  if (described === describes) return null;
  storage.transaction(() => {
    // A store with no identity yet predates this check: what it holds may be of anything.
    const tables = storage
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('console_migrations', 'console_identity') AND name NOT LIKE 'sqlite_%'")
      .all()
      .map((row) => String(row.name));
    for (const table of tables) storage.exec(`DELETE FROM "${table}"`);
    storage.prepare('INSERT INTO console_identity (id, describes) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET describes = excluded.describes').run(describes);
  });
  return { described, describes };
}
