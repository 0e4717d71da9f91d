import * as z from 'zod/mini';

/** One entry of /console-api/history (server/console/journal/store.ts, JournalEntry). */
export const historyEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  source: z.enum(['console', 'api', 'dashboard']),
  actor: z.object({ id: z.nullable(z.string()), label: z.string() }),
  action: z.string(),
  resource: z.object({ type: z.string(), id: z.nullable(z.string()), name: z.nullable(z.string()) }),
  request: z.nullable(z.object({ method: z.nullable(z.string()), path: z.nullable(z.string()), body: z.unknown() })),
  result: z.object({ status: z.nullable(z.number()), success: z.boolean(), errors: z.unknown() }),
  before: z.unknown(),
  after: z.unknown(),
  reverts: z.nullable(z.string()),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyPageSchema = z.object({
  entries: z.array(historyEntrySchema),
  page: z.number(),
  per_page: z.number(),
  total: z.number(),
  /** Set when the server's size cap ended the page early: asking with it continues the page. */
  next_cursor: z.optional(z.nullable(z.string())),
  audit_log_synced: z.boolean(),
  history_days: z.number(),
});
export type HistoryPage = z.infer<typeof historyPageSchema>;

