import type { Hono } from 'hono';
import { currentActor } from '../actor.ts';
import type { ConsoleStorage } from '../storage.ts';
import { consoleActorResolver, type ConsoleActor } from './console-actor.ts';
import { recordConsoleWrites } from './record-writes.ts';
import { createHistoryApi } from './routes.ts';
import type { SelfReader } from './self-fetch.ts';
import { pruneEntries } from './store.ts';
import type { GroupLookup } from '../membership-index/group-lookup.ts';

export interface JournalOptions {
  storage: ConsoleStorage;
  historyDays: number;
  isConsoleRequest: (request: Request) => boolean;
  /** Live mode with a global API key: the key's email names the console's writes. */
  keyEmail?: string | null;
  syncEveryMs?: number;
  /** The membership index's view of groups: membership changes are journaled from it and the write. */
  groups?: GroupLookup;
}

/**
 * The change journal on the console store: records the console's writes on /client/v4 and serves
 * /console-api/history. Mount before the /client/v4 handler so it wraps it.
 */
export function mountJournal(app: Hono, options: JournalOptions): void {
  const appFetch = (request: Request) => app.fetch(request);
  const actor = consoleActorResolver(options.keyEmail ?? null);
  // In team mode a change is the signed-in admin's (Cloudflare Access), made with the server's
  // credential: the entry names the admin, and keeps the credential's id to link its audit echo.
  const writer = async (read: SelfReader): Promise<ConsoleActor> => {
    const credential = await actor(read);
    const admin = currentActor();
    return admin ? { id: credential.id, label: admin.email } : credential;
  };
  let writes = 0;
  const prune = () => {
    // Retention is enforced as the journal grows, not on a timer.
    if (++writes % 50 === 1) pruneEntries(options.storage, options.historyDays);
  };
  app.use('/client/v4/*', recordConsoleWrites({ storage: options.storage, appFetch, isConsoleRequest: options.isConsoleRequest, actor: writer, onRecorded: prune, groups: options.groups }));
  pruneEntries(options.storage, options.historyDays);
  app.route(
    '/console-api/history',
    createHistoryApi({ storage: options.storage, appFetch, actor, historyDays: options.historyDays, syncEveryMs: options.syncEveryMs ?? 0 }),
  );
}
