import { DurableObject, type DurableObjectState } from 'cloudflare:workers';
import type { Hono } from 'hono';
import { createApp } from '../../app.ts';
import { consoleFeatureMigrations } from '../../console/migrations.ts';
import { migrateConsoleStorage } from '../../console/storage.ts';
import { migrateAndSeed } from '../../sandbox/db/migrate.ts';
import { durableObjectDb } from './durable-object-db.ts';
import { workerConfig, type WorkerEnv } from './env.ts';
import { dohResolver } from './doh-resolver.ts';
import { workersStaticAssets } from './static-assets.ts';
import { objectAlarm } from './object-alarm.ts';

/**
 * One console: the same Hono app as on Node (server/app.ts), over this object's SQLite. An
 * object handles one request at a time between awaits and its SQL is synchronous, so the
 * sandbox's and the console store's transactions behave exactly as on better-sqlite3.
 */
export class ConsoleObject extends DurableObject<WorkerEnv> {
  private readonly app: Hono;
  private readonly scheduled: ReturnType<typeof objectAlarm>;

  constructor(ctx: DurableObjectState, env: WorkerEnv) {
    super(ctx, env);
    const config = workerConfig(env);
    const { db, consoleStorage } = durableObjectDb(ctx.storage);
    // Synchronous, in the constructor: no request reaches the object before its tables exist.
    if (!config.upstream) migrateAndSeed(db, config.seed);
    migrateConsoleStorage(consoleStorage, consoleFeatureMigrations);
    this.scheduled = objectAlarm(ctx.storage);
    this.app = createApp({
      config,
      db: config.upstream ? null : db,
      consoleStorage,
      runtime: { staticFiles: workersStaticAssets(env.ASSETS), dnsResolver: dohResolver(), admission: null, alarm: this.scheduled },
      // The edge routes only this Worker's hostname to it, so the loopback Host check has nothing
      // to guard; the cross-site check compares Origin with the deployed host, as on Node.
      security: { hostCheck: false },
    });
  }

  override fetch(request: Request): Promise<Response> {
    return Promise.resolve(this.app.fetch(request));
  }

  /** Time-bound memberships: ends come due here even when nobody has the console open. */
  override alarm(): Promise<void> {
    return this.scheduled.fire();
  }
}
