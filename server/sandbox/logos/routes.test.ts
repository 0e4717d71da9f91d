import { describe, expect, it } from 'vitest';
import { createTestSandbox } from '../test-support.ts';
import { createSandboxLogosApi } from './routes.ts';

describe('sandbox logos (/__sandbox/logos)', () => {
  it('serves every seeded OAuth client’s logo from the console’s own origin', async () => {
    const { db } = createTestSandbox('default');
    const seeded = (db.prepare('SELECT fields FROM oauth_clients').all() as Array<{ fields: string }>)
      .map((r) => (JSON.parse(r.fields) as { logo_uri?: string }).logo_uri)
      .filter((uri): uri is string => Boolean(uri));
    expect(seeded.length).toBeGreaterThan(0);

    const app = createSandboxLogosApi();
    const { logos } = (await (await app.request('/')).json()) as { logos: Array<{ uri: string; path: string }> };
    for (const uri of seeded) {
      const logo = logos.find((l) => l.uri === uri);
      expect(logo, `no sandbox logo for ${uri}`).toBeDefined();
      expect(logo!.path).toMatch(/^\/__sandbox\/logos\/[a-z-]+\.svg$/);
      const image = await app.request(logo!.path.replace('/__sandbox/logos', ''));
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/svg+xml');
      expect(await image.text()).toMatch(/^<svg /);
    }
    expect((await app.request('/nothing.svg')).status).toBe(404);
  });
});
