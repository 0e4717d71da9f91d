import type { SandboxApiShapes, SeedKind } from '../config.ts';
import { openSandboxDb } from '../runtime/node/open-sandbox-db.ts';
import { type Db } from './db/sql.ts';
import { DEFAULT_ACCOUNT_ID } from './db/seed.ts';
import { createSandboxApi } from './router.ts';

export const ACCOUNT = DEFAULT_ACCOUNT_ID;
export const BEARER = { authorization: 'Bearer test-token' };

export interface ApiResponse<T = any> {
  status: number;
  body: {
    success: boolean;
    errors: Array<{ code: number; message: string; source?: { pointer?: string } }>;
    messages: unknown[];
    result: T;
    result_info?: { page: number; per_page: number; count: number; total_count: number; total_pages: number };
  };
}

/** A sandbox on a fresh in-memory database, driven by `call()` exactly as an HTTP client would. */
export function createTestSandbox(seed: SeedKind = 'default', verificationDelayMs = 0, shapes: SandboxApiShapes = 'today') {
  const db = openSandboxDb(':memory:', seed);
  const api = createSandboxApi({ db, verificationDelayMs, shapes });
  async function call<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = BEARER,
  ): Promise<ApiResponse<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await api.request(`/client/v4${path}`, init);
    return { status: res.status, body: (await res.json()) as ApiResponse<T>['body'] };
  }
  return { db, api, call };
}

/** Counts rows in every table: a rejected request must leave this unchanged. */
export function snapshotCounts(db: Db): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as Array<{ name: string }>;
  return Object.fromEntries(
    tables.map(({ name }) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]),
  );
}
