import { consoleFeatureMigrations } from '../../console/migrations.ts';
import { migrateConsoleStorage } from '../../console/storage.ts';
import { openNodeConsoleStorage } from './console-storage.ts';

/** Opens the console store on Node (a better-sqlite3 file) and brings every feature's tables up to date. */
export function openConsoleStore(path: string) {
  const storage = openNodeConsoleStorage(path);
  migrateConsoleStorage(storage, consoleFeatureMigrations);
  return storage;
}
