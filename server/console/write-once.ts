import type { MiddlewareHandler } from 'hono';
import type { ConsoleStorage, FeatureMigrations } from './storage.ts';
import { redactSecrets } from '../redact-secrets.ts';
import { ErrorCode, errorBody } from '../http/envelope.ts';
import { NOT_HANDLED_HEADER } from '../http/not-handled.ts';

/**
 * At most once, end to end. Every write the dashboard sends carries a write id (`X-IAM-Write-Id`,
 * one per thing the admin meant to do). The first delivery of an id runs; its outcome is kept
 * (secrets dropped) for a day; any later delivery of the same id — a browser resending a POST on
 * a reset connection, a double click that slipped through, a retry after a lost answer — gets that
 * outcome back instead of a second write, or "still in progress" while the first is running.
 * Requests without an id (SDKs, Terraform) pass untouched. The id is never sent upstream.
 */
export const WRITE_ID_HEADER = 'x-iam-write-id';
export const REPLAYED_HEADER = 'x-iam-write-replayed';
const WRITE_ID = /^[A-Za-z0-9_-]{8,64}$/;
const KEEP_MS = 24 * 60 * 60_000;
/** A duplicate that arrives while the first is running waits this long for its outcome. */
const WAIT_FOR_FIRST_MS = 10_000;

export const writeOnceMigrations: FeatureMigrations = {
  feature: 'write-once',
  steps: [
    `CREATE TABLE write_ids (
       id TEXT PRIMARY KEY,
       method TEXT NOT NULL,
       path TEXT NOT NULL,
       state TEXT NOT NULL CHECK (state IN ('in_flight', 'done')),
       started_at INTEGER NOT NULL,
       status INTEGER,
       content_type TEXT,
       retry_after TEXT,
       body TEXT
     );
     CREATE INDEX write_ids_started ON write_ids (started_at);`,
  ],
};

export interface WriteOutcome {
  id: string;
  method: string;
  path: string;
  state: 'in_flight' | 'done';
  startedAt: string;
  status: number | null;
  /** The answer's JSON, secrets dropped. */
  body: unknown;
}

type Row = { id: string; method: string; path: string; state: 'in_flight' | 'done'; started_at: number; status: number | null; content_type: string | null; retry_after: string | null; body: string | null };

function parseBody(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function createWriteOnce(storage: ConsoleStorage, now: () => number = Date.now) {
  const claim = storage.prepare(`INSERT OR IGNORE INTO write_ids (id, method, path, state, started_at) VALUES (?, ?, ?, 'in_flight', ?)`);
  const read = storage.prepare('SELECT * FROM write_ids WHERE id = ?');
  const finish = storage.prepare(`UPDATE write_ids SET state = 'done', status = ?, content_type = ?, retry_after = ?, body = ? WHERE id = ?`);
  const forget = storage.prepare('DELETE FROM write_ids WHERE id = ?');
  const prune = storage.prepare('DELETE FROM write_ids WHERE started_at < ?');
  let claims = 0;

  const rowOf = (id: string) => read.get(id) as Row | undefined;

  function replay(row: Row): Response {
    const headers = new Headers({ 'content-type': row.content_type ?? 'application/json', [REPLAYED_HEADER]: '1' });
    if (row.retry_after) headers.set('retry-after', row.retry_after);
    return new Response(row.body ?? JSON.stringify(errorBody([{ code: ErrorCode.internal, message: 'The first delivery of this write ended without an answer' }])), {
      status: row.status ?? 502,
      headers,
    });
  }

  async function waitForFirst(id: string): Promise<Row | undefined> {
    const until = now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const row = rowOf(id);
      if (!row || row.state === 'done' || now() >= until) return row;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const middleware: MiddlewareHandler = async (c, next) => {
    const id = c.req.header(WRITE_ID_HEADER);
    if (id === undefined || c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (!WRITE_ID.test(id)) {
      return c.json(errorBody([{ code: ErrorCode.invalidField, message: `${WRITE_ID_HEADER}: 8 to 64 letters, digits, - or _` }]), 400);
    }
    const path = new URL(c.req.url).pathname;
    if (++claims % 100 === 1) prune.run(now() - KEEP_MS);
    if (claim.run(id, c.req.method, path, now()).changes === 0) {
      const row = await waitForFirst(id);
      if (!row) return next(); // forgotten meanwhile (the first one threw): this delivery is the first
      if (row.method !== c.req.method || row.path !== path) {
        return c.json(errorBody([{ code: ErrorCode.invalidField, message: 'This write id was already used for another request' }]), 422);
      }
      if (row.state === 'in_flight') {
        c.header(REPLAYED_HEADER, '1');
        return c.json(errorBody([{ code: 10409, message: 'This write is still in progress; its outcome will be known in a moment' }]), 409);
      }
      return replay(row);
    }
    try {
      await next();
    } catch (error) {
      // No answer at all: nothing to replay, and the write may not have run. Let a retry run it.
      forget.run(id);
      throw error;
    }
    // A request its handler never handled (a connection cut before it) leaves nothing to remember.
    if (c.res.headers.get(NOT_HANDLED_HEADER) === '1') {
      forget.run(id);
      return;
    }
    const text = await c.res.clone().text().catch(() => null);
    if (text === null) {
      finish.run(502, 'application/json', null, JSON.stringify(errorBody([{ code: ErrorCode.internal, message: 'The answer to this write was lost after it ran' }])), id);
      return;
    }
    const body = JSON.stringify(redactSecrets(parseBody(text)) ?? null);
    finish.run(c.res.status, c.res.headers.get('content-type'), c.res.headers.get('retry-after'), body === 'null' ? text.slice(0, 100_000) : body, id);
  };

  function outcome(id: string): WriteOutcome | null {
    const row = rowOf(id);
    if (!row) return null;
    return { id: row.id, method: row.method, path: row.path, state: row.state, startedAt: new Date(row.started_at).toISOString(), status: row.status, body: parseBody(row.body) };
  }

  return { middleware, outcome };
}

export type WriteOnce = ReturnType<typeof createWriteOnce>;
