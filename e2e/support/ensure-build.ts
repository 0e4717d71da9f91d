import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Every e2e server (Node, the large seed, `wrangler dev`) serves ONE build of the SPA: the one
 * `npm run build` makes (`dist/`, or E2E_DIST_DIR). The servers only read it, so sharing it keeps
 * their isolation (each has its own databases, keyed by port). This builds it first when it is
 * missing or older than its sources, as `npm start` does (scripts/start.mjs); in CI, where
 * `npm run build` has just run, it does nothing.
 *
 * Usage: `tsx e2e/support/ensure-build.ts <outDir>` (a web server command's first step).
 */
const root = resolve(import.meta.dirname, '..', '..');
const outDir = resolve(root, process.argv[2] ?? 'dist');

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), 0);
}

const builtIndex = join(outDir, 'index.html');
const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) => join(root, p)).filter(existsSync);
const stale = !existsSync(builtIndex) || Math.max(...sources.map(newestMtime)) > statSync(builtIndex).mtimeMs;
if (stale) {
  console.log(`e2e: building the SPA into ${outDir}`);
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn', '--emptyOutDir', '--outDir', outDir],
    { cwd: root, stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}
