import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildOnce } from './hardening-support.ts';
import { printTable } from './support.ts';

/**
 * Bundle-size budget (issue 8): gzip of the initial JS — the entry chunk and every chunk it
 * imports statically, which dist/index.html lists as the entry script and its modulepreloads —
 * budget 125 KB (issue 25; it was 140); and each route chunk (the lazy chunks TanStack Router's code splitting makes),
 * budget 40 KB, counted as what navigating there adds: its own gzip plus the shared chunks it
 * needs that the initial load did not bring.
 */

const INITIAL_BUDGET_KB = 125;
const ROUTE_BUDGET_KB = 40;

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const kb = (bytes: number) => bytes / 1024;

export async function run(): Promise<void> {
  const dist = buildOnce();
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const gz = new Map<string, number>();
  const gzipOf = (file: string) => {
    if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
    return gz.get(file)!;
  };
  const staticClosure = (key: string, into = new Set<string>()): Set<string> => {
    if (into.has(key)) return into;
    into.add(key);
    for (const dep of manifest[key]?.imports ?? []) staticClosure(dep, into);
    return into;
  };

  // What index.html loads up front: its entry script and modulepreloads.
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const htmlFiles = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const initialKeys = staticClosure(entryKey);
  const initialFiles = new Set([...initialKeys].map((k) => manifest[k]!.file));
  const missing = htmlFiles.filter((f) => !initialFiles.has(f));
  const initial = [...initialFiles].reduce((sum, f) => sum + gzipOf(f), 0);

  printTable('Initial JS (entry + static imports, gzip -9)', [
    {
      what: 'initial JS',
      files: initialFiles.size,
      'gzip KB': kb(initial),
      'budget KB': INITIAL_BUDGET_KB,
      verdict: kb(initial) <= INITIAL_BUDGET_KB ? 'within budget' : 'OVER BUDGET',
    },
  ]);
  if (missing.length) console.log(`note: index.html preloads files outside the entry's static graph: ${missing.join(', ')}`);
  const largest = [...initialFiles].sort((a, b) => gzipOf(b) - gzipOf(a)).slice(0, 5);
  console.log(`largest initial chunks: ${largest.map((f) => `${f.replace('assets/', '')} ${kb(gzipOf(f)).toFixed(1)} KB`).join(', ')}`);

  const isRoute = (key: string, src?: string) => (src ?? key).startsWith('src/routes/');
  // Components a view loads with React.lazy on first use (dialogs): not a navigation of their own.
  const onDemand = Object.entries(manifest)
    .filter(([key, chunk]) => chunk.isDynamicEntry && !isRoute(key, chunk.src))
    .map(([key, chunk]) => ({ 'on-demand chunk': (chunk.src ?? key).replace(/^src\//, ''), 'own KB': kb(gzipOf(chunk.file)) }));

  const routes = Object.entries(manifest)
    .filter(([key, chunk]) => chunk.isDynamicEntry && isRoute(key, chunk.src))
    .map(([key, chunk]) => {
      const added = [...staticClosure(key)].map((k) => manifest[k]!.file).filter((f) => !initialFiles.has(f));
      const total = added.reduce((sum, f) => sum + gzipOf(f), 0);
      const [path = key, query = ''] = (chunk.src ?? key).split('?');
      const part = query.match(/tsr-split=([\w-]+)/)?.[1];
      const own = kb(gzipOf(chunk.file));
      const adds = kb(total);
      return {
        'route chunk': `${path.replace(/^src\/routes\//, '')}${part && part !== 'component' ? ` (${part})` : ''}`,
        'own KB': own,
        'own vs 40': own <= ROUTE_BUDGET_KB ? 'ok' : 'OVER',
        'adds KB': adds,
        'adds vs 40': adds <= ROUTE_BUDGET_KB ? 'ok' : 'OVER',
      };
    })
    .sort((a, b) => b['adds KB'] - a['adds KB']);
  printTable(
    `Route chunks (${routes.length}), budget ${ROUTE_BUDGET_KB} KB each; "own" = the chunk, "adds" = own + the shared chunks it needs that the initial load did not bring (gzip -9)`,
    routes,
  );
  if (onDemand.length) printTable('On-demand chunks (loaded when a view first opens them, gzip -9)', onDemand);
  const over = routes.filter((r) => r['own vs 40'] !== 'ok' || r['adds vs 40'] !== 'ok');
  console.log(over.length ? `route chunks over budget: ${over.map((r) => r['route chunk']).join(', ')}` : 'every route chunk within budget');
}
