import type { Db } from './open.ts';
import type { SeedKind } from '../../config.ts';
import { timestamp } from '../ids.ts';

export const DEFAULT_ACCOUNT_ID = '023e105f4ecef8ad9ca31a8372d0c353';

/** Placeholder until the realistic seed lands: the account and a tiny catalogue. */
export function seedDatabase(db: Db, _kind: SeedKind): void {
  const now = timestamp();
  db.prepare('INSERT INTO accounts (id, name, type, created_on) VALUES (?, ?, ?, ?)').run(
    DEFAULT_ACCOUNT_ID,
    'Acme Corp',
    'enterprise',
    now,
  );
  const pg = db.prepare(
    'INSERT INTO permission_groups (id, name, label, scope_level, position) VALUES (?, ?, ?, ?, ?)',
  );
  pg.run('c8fed203ed3043cba015a93ad1616f1f', 'Zone Read', 'zone_read', 'zone', 0);
  pg.run('82e64a83756745bbbb1c9c2701bf816b', 'Magic Network Monitoring', 'magic_network_monitoring', 'account', 1);
  pg.run('6d7f2f5f5b1d4a0e9081fdc98d432fd1', 'Load Balancer', 'load_balancer', 'account', 2);
}
