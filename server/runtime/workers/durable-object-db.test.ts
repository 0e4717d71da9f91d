import { describe, expect, it } from 'vitest';
import { createIndexQueries } from '../../console/membership-index/queries.ts';
import { consoleFeatureMigrations } from '../../console/migrations.ts';
import { migrateConsoleStorage } from '../../console/storage.ts';
import { migrateAndSeed } from '../../sandbox/db/migrate.ts';
import { openSandboxDb } from '../node/open-sandbox-db.ts';
import { speedIndexes } from '../../sandbox/db/schema.ts';
import { DEFAULT_ACCOUNT_ID } from '../../sandbox/db/seed.ts';
import { createSandboxApi } from '../../sandbox/router.ts';
import { snapshotCounts } from '../../sandbox/test-support.ts';
import { durableObjectDb } from './durable-object-db.ts';
import { fakeDurableObjectStorage } from './fake-durable-object-storage.ts';

const GROUPS = `/client/v4/accounts/${DEFAULT_ACCOUNT_ID}/iam/user_groups`;
const BEARER = { authorization: 'Bearer t', 'content-type': 'application/json' };

function objectSandbox() {
  const storage = fakeDurableObjectStorage();
  const { db, consoleStorage } = durableObjectDb(storage);
  migrateAndSeed(db, 'default');
  const api = createSandboxApi({ db, verificationDelayMs: 0 });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await api.request(path, { method, headers: BEARER, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };
  return { storage, db, consoleStorage, call };
}

describe('the sandbox on a Durable Object SQLite (adapter)', () => {
  it('the same migrations and seed give the same tables and rows as on better-sqlite3', () => {
    const { db } = objectSandbox();
    const { sandbox_schema_version: version, ...counts } = snapshotCounts(db);
    expect(version).toBe(1);
    expect(counts).toEqual(snapshotCounts(openSandboxDb(':memory:', 'default')));
    // A second start finds the schema current and seeds nothing twice.
    migrateAndSeed(db, 'default');
    expect(snapshotCounts(db).user_groups).toBe(counts.user_groups);
  });

  it('ends with foreign keys checked and the speed indexes in place, as openSandboxDb does', () => {
    const { db, storage } = objectSandbox();
    expect(storage.sql.exec('PRAGMA foreign_keys').toArray()[0]).toEqual({ foreign_keys: 1 });
    for (const index of speedIndexes) {
      const name = /INDEX IF NOT EXISTS (\w+)/.exec(index)![1];
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = ?").get(name)).toEqual({ name });
    }
  });

  it('serves the handlers unchanged: named-parameter paging, writes, change counts, cascades', async () => {
    const { call } = objectSandbox();
    const page = await call('GET', `${GROUPS}?per_page=5&page=2`);
    expect(page.status).toBe(200);
    expect(page.body.result).toHaveLength(5);
    expect(page.body.result_info).toMatchObject({ page: 2, per_page: 5 });

    const created = await call('POST', GROUPS, { name: 'Durable admins' });
    expect(created.status).toBe(200);
    const id = created.body.result.id as string;
    const members = (await call('GET', `/client/v4/accounts/${DEFAULT_ACCOUNT_ID}/members?per_page=5`)).body.result.slice(0, 2);
    const added = await call('POST', `${GROUPS}/${id}/members`, members.map((m: { id: string }) => ({ id: m.id })));
    expect(added.status).toBe(200);
    expect((await call('GET', `${GROUPS}/${id}/members`)).body.result).toHaveLength(2);

    const duplicate = await call('POST', GROUPS, { name: 'durable ADMINS' });
    expect(duplicate.status).toBe(400);
    expect((await call('DELETE', `${GROUPS}/${id}`)).status).toBe(200);
    expect((await call('GET', `${GROUPS}/${id}`)).status).toBe(404);
  });

  it('rolls a failed transaction back, nested ones as savepoints, and reports changes()', () => {
    const { db } = objectSandbox();
    db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER NOT NULL)');
    const insert = db.prepare('INSERT INTO t (id, n) VALUES (@id, @n)');
    const outer = db.transaction(() => {
      insert.run({ id: 'a', n: 1 });
      try {
        db.transaction(() => {
          insert.run({ id: 'b', n: 2 });
          throw new Error('inner');
        })();
      } catch {
        // the inner write is undone, the outer one kept
      }
    });
    outer();
    expect(db.prepare('SELECT id FROM t').all()).toEqual([{ id: 'a' }]);
    expect(() => db.transaction(() => (insert.run({ id: 'c', n: 3 }), insert.run({ id: 'c', n: 4 })))()).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 1 });
    expect(db.prepare('UPDATE t SET n = n + 1 WHERE n < ?').run(10).changes).toBe(1);
    expect([...db.prepare('SELECT id FROM t WHERE id = ? OR id = :other').iterate('a', { other: 'z' })]).toEqual([{ id: 'a' }]);
  });

  it('refuses what better-sqlite3 refuses: missing or extra values, booleans, undefined', () => {
    const { db } = objectSandbox();
    expect(() => db.prepare('SELECT @a AS a').get({})).toThrow(/Missing named parameter "a"/);
    expect(() => db.prepare('SELECT ? AS a').get()).toThrow(/Too few/);
    expect(() => db.prepare('SELECT ? AS a').get(1, 2)).toThrow(/Too many/);
    expect(() => db.prepare('SELECT ? AS a').get(true)).toThrow(/cannot bind/);
    expect(() => db.prepare('SELECT ? AS a').get(undefined)).toThrow(/cannot bind/);
    expect(() => db.pragma('journal_mode = WAL')).toThrow(/not available/);
  });

  it('leaves quoted text and comments alone when rewriting placeholders', () => {
    const { db, storage } = objectSandbox();
    const row = db.prepare("SELECT 'a@b :c $d ?' AS text, \"name\" AS q, ? AS p -- @not\nFROM (SELECT 'x' AS name)").get(7);
    expect(row).toEqual({ text: 'a@b :c $d ?', q: 'x', p: 7 });
    expect(db.prepare("SELECT 'it''s @x' AS s, @y AS y").get({ y: 1 })).toEqual({ s: "it's @x", y: 1 });
    expect(db.prepare("SELECT 'a%' LIKE @pattern ESCAPE '\\' AS hit").get({ pattern: 'a\\%' })).toEqual({ hit: 1 });
    expect(storage.statements.at(-1)).toBe("SELECT 'a%' LIKE ? ESCAPE '\\' AS hit");
  });

  it('gives the console store the same object, its transaction running at once', () => {
    const { consoleStorage } = objectSandbox();
    migrateConsoleStorage(consoleStorage, [{ feature: 'notes', steps: ['CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)'] }]);
    const result = consoleStorage.transaction(() => consoleStorage.prepare('INSERT INTO notes (body) VALUES (?)').run('hi').changes);
    expect(result).toBe(1);
    expect(() =>
      consoleStorage.transaction(() => {
        consoleStorage.prepare('INSERT INTO notes (body) VALUES (?)').run('lost');
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(consoleStorage.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'hi' }]);
  });

  it('answers the membership index’s 500-group member counts within the object’s 100-value limit', () => {
    const { consoleStorage } = objectSandbox();
    migrateConsoleStorage(consoleStorage, consoleFeatureMigrations);
    const ids = Array.from({ length: 500 }, (_, i) => i.toString(16).padStart(32, '0'));
    const counts = createIndexQueries(consoleStorage).memberCounts(DEFAULT_ACCOUNT_ID, ids);
    expect(Object.keys(counts)).toHaveLength(500);
    expect(Object.values(counts).every((n) => n === null)).toBe(true);
    expect(() => consoleStorage.prepare(`SELECT ${ids.map(() => '?').join(', ')}`).all(...ids)).toThrow(/too many SQL variables/);
  });
});
