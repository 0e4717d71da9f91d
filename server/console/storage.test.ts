import { describe, expect, it } from 'vitest';
import { openNodeConsoleStorage } from '../runtime/node/console-storage.ts';
import { migrateConsoleStorage } from './storage.ts';

describe('console storage', () => {
  it('applies each feature’s migrations once, in order, and only the new ones later', () => {
    const storage = openNodeConsoleStorage(':memory:');
    migrateConsoleStorage(storage, [{ feature: 'a', steps: ['CREATE TABLE a (x INTEGER)'] }]);
    storage.prepare('INSERT INTO a (x) VALUES (?)').run(1);
    migrateConsoleStorage(storage, [
      { feature: 'a', steps: ['CREATE TABLE a (x INTEGER)', 'ALTER TABLE a ADD COLUMN y TEXT'] },
      { feature: 'b', steps: ['CREATE TABLE b (z TEXT)'] },
    ]);
    expect(storage.prepare('SELECT x, y FROM a').all()).toEqual([{ x: 1, y: null }]);
    expect(storage.prepare('SELECT feature, applied FROM console_migrations ORDER BY feature').all()).toEqual([
      { feature: 'a', applied: 2 },
      { feature: 'b', applied: 1 },
    ]);
  });

  it('rolls a transaction back when it throws', () => {
    const storage = openNodeConsoleStorage(':memory:');
    storage.exec('CREATE TABLE t (x INTEGER)');
    expect(() =>
      storage.transaction(() => {
        storage.prepare('INSERT INTO t (x) VALUES (1)').run();
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(storage.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
  });
});
