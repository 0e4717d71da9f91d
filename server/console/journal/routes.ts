import { Hono } from 'hono';
import { z } from 'zod';
import type { ConsoleStorage } from '../storage.ts';
import { syncAuditLog } from './audit-sync.ts';
import { scanScimCreations, scimManagedGroups } from './scim-managed.ts';
import type { ConsoleActor } from './console-actor.ts';
import { selfReader, type AppFetch, type SelfReader } from './self-fetch.ts';
import { decodeCursor, eachEntry, getEntry, queryEntriesPage, type EntryQuery } from './store.ts';

export interface HistoryDeps {
  storage: ConsoleStorage;
  appFetch: AppFetch;
  actor: (read: SelfReader) => Promise<ConsoleActor>;
  historyDays: number;
  /** How long one account's audit-log sync is reused before the next History view asks again. */
  syncEveryMs: number;
  /** The most a History page answers, in bytes of entries (a page continues with a cursor beyond it). */
  pageMaxBytes?: number;
}

/** A History page's entries stay under this; one entry larger than it is sent alone. */
export const HISTORY_PAGE_MAX_BYTES = 2 * 1024 * 1024;

const ID = /^[0-9a-f]{32}$/;
const optional = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const date = optional(z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'must be a date').transform((v) => new Date(v).toISOString()));

const querySchema = z.object({
  account_id: z.string().regex(ID, 'must be a 32-character hex account id'),
  resource_type: optional(z.enum(['user_group', 'user_group_members', 'resource_group', 'sso_connector', 'oauth_client'])),
  resource_id: optional(z.string().max(64)),
  actor: optional(z.string().max(200)),
  action: optional(z.string().max(64)),
  source: optional(z.enum(['console', 'api', 'dashboard'])),
  since: date,
  before: date,
  page: optional(z.coerce.number().int().min(1).max(100_000)).default(1),
  per_page: optional(z.coerce.number().int().min(1).max(100)).default(25),
  /** Continues a page the size cap cut short (the previous answer's next_cursor). */
  cursor: optional(z.string().max(200).transform((v, ctx) => decodeCursor(v) ?? (ctx.addIssue({ code: 'custom', message: 'is not a cursor this server gave' }), z.NEVER))),
});

type Parsed = z.infer<typeof querySchema>;
const toQuery = (q: Parsed): EntryQuery => ({
  accountId: q.account_id,
  resourceType: q.resource_type,
  resourceId: q.resource_id,
  actor: q.actor,
  action: q.action,
  source: q.source,
  since: q.since,
  before: q.before,
});

/**
 * /console-api/history: the account's timeline (console writes + audit log), filtered and paged,
 * one entry, and the NDJSON export. Plain JSON, not the Cloudflare envelope: this is the console's API.
 */
export function createHistoryApi(deps: HistoryDeps): Hono {
  const api = new Hono();
  const lastSync = new Map<string, { at: number; ok: boolean }>();
  // Views that arrive while a sync runs share it: a burst costs one sync, and a view that comes
  // after a change always sees it (a time window hid a change made a second after a view).
  const running = new Map<string, Promise<boolean>>();

  function sync(request: Request, accountId: string): Promise<boolean> {
    const last = lastSync.get(accountId);
    if (last && Date.now() - last.at < deps.syncEveryMs) return Promise.resolve(last.ok);
    const pending = running.get(accountId);
    if (pending) return pending;
    const read = selfReader(deps.appFetch, request);
    const started = (async () => {
      const result = await syncAuditLog(deps.storage, read, accountId, await deps.actor(read), deps.historyDays).catch(() => ({ ok: false }));
      lastSync.set(accountId, { at: Date.now(), ok: result.ok });
      return result.ok;
    })().finally(() => running.delete(accountId));
    running.set(accountId, started);
    return started;
  }

  const lastScimScan = new Map<string, number>();
  const scimScans = new Map<string, Promise<unknown>>();
  /** At most one scan of the audit log's creation entries per account a minute, shared by concurrent views. */
  function scanScim(request: Request, accountId: string): Promise<unknown> {
    const last = lastScimScan.get(accountId);
    if (last !== undefined && Date.now() - last < Math.max(deps.syncEveryMs, 60_000)) return Promise.resolve();
    const pending = scimScans.get(accountId);
    if (pending) return pending;
    const started = scanScimCreations(deps.storage, selfReader(deps.appFetch, request), accountId)
      .catch(() => ({ ok: false }))
      .then((r) => {
        lastScimScan.set(accountId, Date.now());
        return r;
      })
      .finally(() => scimScans.delete(accountId));
    scimScans.set(accountId, started);
    return started;
  }

  // The user groups managed by SCIM provisioning, as one set: the SPA asks once per page.
  api.get('/scim-managed', async (c) => {
    const accountId = c.req.query('account_id') ?? '';
    if (!ID.test(accountId)) return c.json({ errors: [{ field: 'account_id', message: 'account_id: must be a 32-character hex account id' }] }, 400);
    await scanScim(c.req.raw, accountId);
    return c.json({ group_ids: scimManagedGroups(deps.storage, accountId) });
  });

  function parse(query: Record<string, string>) {
    const parsed = querySchema.safeParse(query);
    if (parsed.success) return { query: parsed.data };
    return { errors: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: `${String(i.path[0] ?? 'query')}: ${i.message}` })) };
  }

  api.get('/', async (c) => {
    const { query, errors } = parse(c.req.query());
    if (!query) return c.json({ errors }, 400);
    const auditLogSynced = await sync(c.req.raw, query.account_id);
    const { entries, total, nextCursor } = queryEntriesPage(deps.storage, toQuery(query), {
      limit: query.per_page,
      offset: (query.page - 1) * query.per_page,
      cursor: query.cursor ?? null,
      maxBytes: deps.pageMaxBytes ?? HISTORY_PAGE_MAX_BYTES,
    });
    return c.json({
      entries,
      page: query.page,
      per_page: query.per_page,
      total,
      next_cursor: nextCursor,
      audit_log_synced: auditLogSynced,
      history_days: deps.historyDays,
    });
  });

  api.get('/export', async (c) => {
    const { query, errors } = parse(c.req.query());
    if (!query) return c.json({ errors }, 400);
    await sync(c.req.raw, query.account_id);
    const lines = eachEntry(deps.storage, toQuery(query));
    const encoder = new TextEncoder();
    const stream = new ReadableStream({
      pull(controller) {
        const next = lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(JSON.stringify(next.value) + '\n'));
      },
    });
    return new Response(stream, {
      headers: {
        'content-type': 'application/x-ndjson; charset=utf-8',
        'content-disposition': `attachment; filename="iam-history-${query.account_id}.ndjson"`,
      },
    });
  });

  api.get('/:entryId', (c) => {
    const accountId = c.req.query('account_id') ?? '';
    const entry = ID.test(accountId) ? getEntry(deps.storage, accountId, c.req.param('entryId')) : null;
    return entry ? c.json({ entry }) : c.json({ errors: [{ message: 'No such history entry in this account' }] }, 404);
  });

  return api;
}
