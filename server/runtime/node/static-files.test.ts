import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createStaticHandler, pickEncoding } from './static-files.ts';

const dist = mkdtempSync(join(tmpdir(), 'static-files-'));
mkdirSync(join(dist, 'assets'));
const script = `export const text = ${JSON.stringify('a console script '.repeat(400))};\n`;
writeFileSync(join(dist, 'assets/app-abc123.js'), script);
writeFileSync(join(dist, 'assets/tiny-abc123.js'), 'export {};\n');
writeFileSync(join(dist, 'assets/logo-abc123.png'), Buffer.alloc(4096, 1));
writeFileSync(join(dist, 'index.html'), `<!doctype html><html><head><title>IAM Console</title></head><body>${' '.repeat(2048)}</body></html>`);
mkdirSync(join(dist, '.vite'));
writeFileSync(
  join(dist, '.vite/manifest.json'),
  JSON.stringify({
    'index.html': { file: 'assets/app-abc123.js', isEntry: true },
    'src/routes/accounts/$accountId/history.tsx?tsr-split=component---loader': { file: 'assets/history-abc123.js' },
  }),
);
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const serve = createStaticHandler(dist);
const bytes = async (response: Response | null) => Buffer.from(await response!.arrayBuffer());

describe('the SPA on Node, compressed', () => {
  it('sends a script with brotli when the browser takes it, the same bytes once decoded', async () => {
    const response = await serve('/assets/app-abc123.js', 'gzip, deflate, br, zstd');
    expect(response!.headers.get('content-encoding')).toBe('br');
    expect(response!.headers.get('vary')).toBe('Accept-Encoding');
    expect(response!.headers.get('cache-control')).toContain('immutable');
    const body = await bytes(response);
    expect(body.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(body).toString()).toBe(script);
  });

  it('falls back to gzip, and to the file as it is when nothing is accepted', async () => {
    const gzipped = await serve('/assets/app-abc123.js', 'gzip;q=1, br;q=0');
    expect(gzipped!.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gzipped)).toString()).toBe(script);
    const plain = await serve('/assets/app-abc123.js', null);
    expect(plain!.headers.get('content-encoding')).toBeNull();
    expect((await bytes(plain)).toString()).toBe(script);
  });

  it('leaves tiny files, images and index.html (rewritten per response) uncompressed', async () => {
    for (const path of ['/assets/tiny-abc123.js', '/assets/logo-abc123.png', '/groups']) {
      const response = await serve(path, 'br, gzip');
      expect(response!.headers.get('content-encoding'), path).toBeNull();
    }
    expect((await bytes(await serve('/groups', 'br'))).toString()).toContain('<title>IAM Console</title>');
  });

  it("names a page's own chunk in its index.html, so it loads beside the entry", async () => {
    const html = (await bytes(await serve('/accounts/023e105f4ecef8ad9ca31a8372d0c353/history', 'br'))).toString();
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/history-abc123.js" />');
    expect((await bytes(await serve('/groups', 'br'))).toString()).not.toContain('modulepreload');
  });

  it('reads Accept-Encoding with its q-values', () => {
    expect(pickEncoding('gzip, br')).toBe('br');
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding(null)).toBeNull();
  });
});
