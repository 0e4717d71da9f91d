import { openNodeConsoleStorage } from '../runtime/node/console-storage.ts';
import { consoleFeatureMigrations } from './migrations.ts';
import { migrateConsoleStorage } from './storage.ts';

/** Opens the console store on Node and brings every feature's tables up to date. */
export function openConsoleStore(path: string) {
  const storage = openNodeConsoleStorage(path);
  migrateConsoleStorage(storage, consoleFeatureMigrations);
  return storage;
}
