import { describe, expect, it } from 'vitest';
import { createTestSandbox } from '../test-support.ts';

describe('OAuth scopes (GET /oauth/scopes)', () => {
  it('lists the catalogue in position order as a single page without result_info', async () => {
    const { call, db } = createTestSandbox('empty');
    db.prepare('DELETE FROM oauth_scopes').run();
    const insert = db.prepare('INSERT INTO oauth_scopes (id, name, category, scopes, position) VALUES (?, ?, ?, ?, ?)');
    insert.run('zone.read', 'Zone Read', 'Zones', JSON.stringify(['com.cloudflare.api.account.zone.read']), 2);
    insert.run('account.read', 'Account Read', 'Account', JSON.stringify(['com.cloudflare.api.account.read']), 1);
    insert.run('misc.read', 'Misc', null, '[]', 3);

    const res = await call('GET', '/oauth/scopes');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      errors: [],
      messages: [],
      result: [
        { id: 'account.read', name: 'Account Read', category: 'Account', scopes: ['com.cloudflare.api.account.read'] },
        { id: 'zone.read', name: 'Zone Read', category: 'Zones', scopes: ['com.cloudflare.api.account.zone.read'] },
        { id: 'misc.read', name: 'Misc', scopes: [] },
      ],
    });
  });

  it('answers an empty catalogue with an empty list', async () => {
    const { call, db } = createTestSandbox('empty');
    db.prepare('DELETE FROM oauth_scopes').run();
    const res = await call('GET', '/oauth/scopes');
    expect(res.status).toBe(200);
    expect(res.body.result).toEqual([]);
  });

  it('is not under /accounts and requires a credential', async () => {
    const { call } = createTestSandbox('empty');
    const res = await call('GET', '/oauth/scopes', undefined, {});
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.code)).toEqual([9106, 9107]);
    expect((await call('GET', '/accounts/023e105f4ecef8ad9ca31a8372d0c353/oauth/scopes')).status).toBe(404);
  });
});
