import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

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
 * Serves the built SPA: hashed assets are cached for a year, anything else that is not a file
 * gets index.html so client-side routes survive a reload.
 */
export function createStaticHandler(distDir: string) {
  return async (pathname: string): Promise<Response | null> => {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    const candidate = join(distDir, relative);
    if (!candidate.startsWith(distDir + sep) && candidate !== distDir) return null;
    const file = await existingFile(candidate);
    if (file) {
      const immutable = relative.startsWith('assets' + sep) || relative.startsWith('assets/');
      return new Response(await readFile(file), {
        headers: {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        },
      });
    }
    if (extname(relative)) return null; // a missing asset is a 404, not the app
    const index = await existingFile(join(distDir, 'index.html'));
    if (!index) return null;
    return new Response(await readFile(index), {
      headers: { 'content-type': CONTENT_TYPES['.html']!, 'cache-control': 'no-cache' },
    });
  };
}

async function existingFile(path: string): Promise<string | null> {
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}
