import { rmSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { log } from '../log.ts';
import { openSandboxDb } from './db/open.ts';

/** `npm run sandbox:reset`: delete the sandbox database and seed a fresh one (SANDBOX_SEED picks the data). */
const config = loadConfig();
for (const suffix of ['', '-wal', '-shm']) rmSync(config.sandboxDbPath + suffix, { force: true });
openSandboxDb(config.sandboxDbPath, config.seed).close();
log.info(`Sandbox reset: ${config.sandboxDbPath} (seed: ${config.seed})`);
