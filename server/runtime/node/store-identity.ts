import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ServerConfig } from '../../config.ts';

/**
 * What the console store describes on Node: in live mode the upstream; in sandbox mode the sandbox
 * database as created (its path, its file's inode and birth time, and its seed), so a reset or
 * another SANDBOX_DB / SANDBOX_SEED reads as other data even at the same path.
 */
export function nodeStoreIdentity(config: ServerConfig): string {
  if (config.upstream) return `live:${config.upstream.baseUrl}`;
  // config.ts keeps paths as typed (it runs on the Worker too); the identity names the file absolutely.
  const path = resolve(config.sandboxDbPath);
  const file = statSync(path, { throwIfNoEntry: false });
  const created = file ? `${file.ino}-${Math.round(file.birthtimeMs || file.ctimeMs)}` : 'none';
  return `sandbox:${path}#${created}|seed=${config.seed}`;
}
