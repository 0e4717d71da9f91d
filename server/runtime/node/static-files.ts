import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { routePreloads, withModulePreloads, type Manifest } from './route-preloads.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Text the browser gets compressed (index.html is not among them: it is small, and the server
 * rewrites it per response). Uncompressed, the first load was ~4× its gzip size on the wire.
 */
const COMPRESSIBLE = new Set(['.js', '.css', '.svg', '.json', '.webmanifest', '.txt']);
/** Below this a compressed answer saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 1024;
type Encoding = 'br' | 'gzip';

// zlib's answers are Buffers over an ArrayBuffer (never a shared one), as readFile's.
const compressors: Record<Encoding, (data: Buffer) => Promise<Buffer<ArrayBuffer>>> = {
  // Quality 9: within 8 % of the best (11) at 1/15 of its time, paid once per file.
  br: (data) => (promisify(brotliCompress) as (d: Buffer, o: object) => Promise<Buffer<ArrayBuffer>>)(data, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
  gzip: (data) => (promisify(gzip) as (d: Buffer, o: object) => Promise<Buffer<ArrayBuffer>>)(data, { level: 9 }),
};

/** The encoding to answer with: brotli when the browser takes it (every supported one does), else gzip. */
export function pickEncoding(acceptEncoding: string | null): Encoding | null {
  const accepted = new Map(
    (acceptEncoding ?? '').split(',').map((part) => {
      const [name = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return [name.trim(), q ? Number(q.slice(2)) : 1] as const;
    }),
  );
  for (const encoding of ['br', 'gzip'] as const) if ((accepted.get(encoding) ?? 0) > 0) return encoding;
  return null;
}

/**
 * Serves the built SPA: hashed assets are cached for a year, anything else that is not a file
 * gets index.html so client-side routes survive a reload. Text files are sent compressed when the
 * browser accepts it; each file is compressed once (per version on disk) and kept in memory.
 */
export function createStaticHandler(distDir: string) {
  const compressed = new Map<string, { version: string; body: Promise<Buffer<ArrayBuffer>> }>();
  const compressedBody = (file: string, version: string, encoding: Encoding, data: Buffer) => {
    const key = `${encoding}:${file}`;
    const cached = compressed.get(key);
    if (cached?.version === version) return cached.body;
    const body = compressors[encoding](data);
    compressed.set(key, { version, body });
    body.catch(() => compressed.delete(key));
    return body;
  };

  // The page's own code, preloaded from index.html (route-preloads.ts); none when the build has no manifest.
  let preloadsFor: { version: string; preloads: ((pathname: string) => string[]) | null } | null = null;
  const pagePreloads = async () => {
    const manifest = await existingFile(join(distDir, '.vite', 'manifest.json'));
    if (!manifest) return null;
    if (preloadsFor?.version !== manifest.version) {
      let preloads: ((pathname: string) => string[]) | null = null;
      try {
        preloads = routePreloads(JSON.parse(await readFile(manifest.path, 'utf8')) as Manifest);
      } catch {
        // An unreadable manifest only costs the preloads.
      }
      preloadsFor = { version: manifest.version, preloads };
    }
    return preloadsFor.preloads;
  };

  return async (pathname: string, acceptEncoding: string | null = null): Promise<Response | null> => {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    const candidate = join(distDir, relative);
    if (!candidate.startsWith(distDir + sep) && candidate !== distDir) return null;
    const found = await existingFile(candidate);
    if (found) {
      const immutable = relative.startsWith('assets' + sep) || relative.startsWith('assets/');
      const headers: Record<string, string> = {
        'content-type': CONTENT_TYPES[extname(found.path)] ?? 'application/octet-stream',
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      const data = await readFile(found.path);
      if (!COMPRESSIBLE.has(extname(found.path)) || data.length < MIN_COMPRESS_BYTES) return new Response(data, { headers });
      headers.vary = 'Accept-Encoding';
      const encoding = pickEncoding(acceptEncoding);
      if (!encoding) return new Response(data, { headers });
      const body = await compressedBody(found.path, found.version, encoding, data);
      return new Response(body, { headers: { ...headers, 'content-encoding': encoding } });
    }
    if (extname(relative)) return null; // a missing asset is a 404, not the app
    const index = await existingFile(join(distDir, 'index.html'));
    if (!index) return null;
    const html = (await readFile(index.path, 'utf8')).toString();
    const preloads = await pagePreloads();
    return new Response(preloads ? withModulePreloads(html, preloads(pathname)) : html, {
      headers: { 'content-type': CONTENT_TYPES['.html']!, 'cache-control': 'no-cache' },
    });
  };
}

async function existingFile(path: string): Promise<{ path: string; version: string } | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, version: `${info.size}:${info.mtimeMs}` } : null;
  } catch {
    return null;
  }
}
