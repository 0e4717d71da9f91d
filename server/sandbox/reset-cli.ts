import { rmSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { log } from '../log.ts';
import { openSandboxDb } from '../runtime/node/open-sandbox-db.ts';

/**
 * `npm run sandbox:reset`: delete the sandbox database and seed a fresh one (SANDBOX_SEED picks
 * the data), and delete the console store with it: its index, journal and dismissals described the
 * old data.
 */
const config = loadConfig();
for (const suffix of ['', '-wal', '-shm']) rmSync(config.sandboxDbPath + suffix, { force: true });
if (config.consoleDbPath !== ':memory:') for (const suffix of ['', '-wal', '-shm']) rmSync(config.consoleDbPath + suffix, { force: true });
openSandboxDb(config.sandboxDbPath, config.seed).close();
log.info(`Sandbox reset: ${config.sandboxDbPath} (seed: ${config.seed}); console store ${config.consoleDbPath} deleted`);
