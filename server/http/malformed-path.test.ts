import { describe, expect, it } from 'vitest';
import { createApp } from '../runtime/node/app.ts';
import { loadConfig } from '../config.ts';
import { openSandboxDb } from '../runtime/node/open-sandbox-db.ts';
import { openConsoleStore } from '../runtime/node/open-console-store.ts';

describe('a path with a broken percent-escape', () => {
  const app = createApp({ config: loadConfig({ SANDBOX_RATE_LIMIT: 'off' }), db: openSandboxDb(':memory:', 'default'), consoleStorage: openConsoleStore(':memory:'), serveSpa: true });
  const headers = { 'x-iam-console': '1', 'sec-fetch-site': 'same-origin' };

  it.each(['/console-api/accounts/%zz/members', '/client/v4/accounts/%/iam/user_groups', '/groups/%', '/%E0%A4%A'])('answers 400, not 500: %s', async (path) => {
    const res = await app.request(path, { headers });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/invalid percent-escape/);
  });

  it('leaves well-formed escapes alone', async () => {
    const res = await app.request('/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/iam/user_groups?name=a%20b', { headers });
    expect(res.status).toBe(200);
  });
});
