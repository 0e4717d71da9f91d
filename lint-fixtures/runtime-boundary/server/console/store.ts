// Console code opening a Node driver and the file system itself: it would end up in the Worker.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
// The Worker has these too (nodejs_compat): allowed.
import { randomUUID } from 'node:crypto';
// Type-only: erased, allowed.
import type { IncomingMessage } from 'node:http';

export function open(path: string, _request?: IncomingMessage) {
  mkdirSync(path, { recursive: true });
  return { db: new Database(path), id: randomUUID() };
}
