import { Hono } from 'hono';
import { SEEDED_LOGOS } from '../db/seed-logos.ts';

/**
 * Sandbox only, at /__sandbox/logos: `GET /` → `{ logos: [{ uri, path }] }` (which logo URIs the
 * sandbox serves itself) and `GET /<file>` → the image. The console shows these at once; any
 * other logo URI waits for the admin's "Show logo".
 */
export function createSandboxLogosApi(): Hono {
  const app = new Hono();
  app.get('/', (c) => c.json({ logos: SEEDED_LOGOS.map((l) => ({ uri: l.uri, path: `/__sandbox/logos/${l.file}` })) }));
  app.get('/:file', (c) => {
    const logo = SEEDED_LOGOS.find((l) => l.file === c.req.param('file'));
    if (!logo) return c.json({ errors: [{ message: 'no such sandbox logo' }] }, 404);
    return c.body(logo.svg, 200, {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'public, max-age=3600',
      // Opened on its own, an SVG is a document: it may draw, never run anything.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
  });
  return app;
}
